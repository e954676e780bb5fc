import SendoutCore
import Testing

@testable import SendoutIO

/// The listener's fast field scanner must agree with a full parse whenever it answers.
@Suite struct WebhookFieldScannerTests {
  /// What a full parse gives: (id, event type as the listener shows it).
  func full(_ body: [UInt8]) -> (String?, String?) {
    let json = try? JSONParser.parse(body)
    return (json?["id"]?.stringValue, json?.value(atPath: "event.type")?.stringValue ?? json?["type"]?.stringValue)
  }

  func check(_ text: String, expectAnswer: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let body = Array(text.utf8)
    let fields = WebhookFieldScanner.scan(body)
    if let expectAnswer { #expect((fields != nil) == expectAnswer, "\(text)", sourceLocation: sourceLocation) }
    guard let fields else { return }
    let (id, type) = full(body)
    #expect(fields.id == id, "\(text)", sourceLocation: sourceLocation)
    #expect((fields.eventType ?? fields.type) == type, "\(text)", sourceLocation: sourceLocation)
  }

  @Test func agreesWithTheFullParseOnEveryRenderedEvent() throws {
    var answered = 0
    for descriptor in EventCatalog.all {
      guard
        var pool = try? EventPool(
          eventTypes: [descriptor.type], via: nil, secret: "s", targetURL: "http://127.0.0.1/", seed: 7, size: 2)
      else { continue }
      let body = pool.nextSendout().body
      let fields = WebhookFieldScanner.scan(body)
      if let fields {
        answered += 1
        let (id, type) = full(body)
        #expect(fields.id == id && (fields.eventType ?? fields.type) == type, "\(descriptor.type)")
      }
    }
    #expect(answered > 10)
  }

  @Test func answersOrDefersOnEdgeCases() {
    check(#"{"id":"whs_1","type":"a.b","data":{"x":[1,2.5,-0,true,false,null,{"type":"no"}]}}"#, expectAnswer: true)
    check(#"{"type":"name","event":{"id":"evt","type":"real.type"}}"#, expectAnswer: true)
    check(#"{"type":"name","event":{"type":5}}"#, expectAnswer: true)
    check(#"{"type":"name","event":"not an object"}"#, expectAnswer: true)
    check(#" { "id" : 3 , "type" : null } "#, expectAnswer: true)
    check(#"{"id":"a\"b"}"#)
    check(#"{"note":"tab\tnewline\n","id":"x"}"#, expectAnswer: true)
    check(#"{"id":"x","id":"y"}"#, expectAnswer: false)
    check(#"{"event":{"type":"a","type":"b"}}"#, expectAnswer: false)
    check(#"{"id":"é"}"#, expectAnswer: false)
    check(#"{"n":1e5,"id":"x"}"#, expectAnswer: false)
    check(#"{"id":"\u0041"}"#, expectAnswer: false)
    check(#"[1,2]"#, expectAnswer: false)
    check(#"{"id":"x"} trailing"#, expectAnswer: false)
    check(#"{"id":"x",}"#, expectAnswer: false)
    check(#"{"n":01}"#, expectAnswer: false)
    check(#"{"id":"x""#, expectAnswer: false)
    check("", expectAnswer: false)
    check(#"{}"#, expectAnswer: true)
    check(#"{"a":{"b":{"c":[[],{}]}},"type":"t"}"#, expectAnswer: true)
  }
}

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

  @Test func theEightByteStepFindsTheFirstSpecialByteAtEveryPosition() {
    for position in 0..<8 {
      for value in 0...255 {
        for after in [UInt8(ascii: "a"), 0x00, 0x22, 0xFF] {  // what follows must not hide the first
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
          bytes[position] = UInt8(value)
          if position < 7 { bytes[position + 1] = after }
          let word = UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
          let marks = WebhookFieldScanner.specialBytes(word)
          let special = value == 0x22 || value == 0x5C || value < 0x20 || value >= 0x80
          let first = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }
          #expect((marks == 0) == (first == nil), "byte \(value) at \(position)")
          if special { #expect(marks.trailingZeroBitCount >> 3 == position, "byte \(value) at \(position)") }
          if let first { #expect(marks.trailingZeroBitCount >> 3 == first) }
        }
      }
    }
  }

  @Test func longStringsWithAnEscapeOrStrayByteAnywhereStillAgreeWithTheFullParse() {
    for offset in 0..<20 {
      let before = String(repeating: "x", count: offset)
      let after = String(repeating: "y", count: 19 - offset)
      check(#"{"note":"\#(before)\"\#(after)","type":"t"}"#, expectAnswer: true)
      check(#"{"id":"\#(before)\"\#(after)"}"#, expectAnswer: false)  // an escaped id: the full parser decodes it
      check(#"{"note":"\#(before)\\n\#(after)","id":"\#(before)"}"#, expectAnswer: true)
      check(#"{"id":"\#(before)é\#(after)"}"#, expectAnswer: false)
      check("{\"id\":\"\(before)\u{01}\(after)\"}", expectAnswer: false)
      check(#"{"id":"\#(before)"#, expectAnswer: false)  // unterminated
    }
  }
}

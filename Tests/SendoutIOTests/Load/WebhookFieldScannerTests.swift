import CByteScan
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
    check(#"{"event":{},"id":"x"}"#, expectAnswer: true)
    check(#"{"event":{"type":"a"},"event":{}}"#, expectAnswer: false)
    check(#"{"i\"d":"x","type":"t"}"#, expectAnswer: true)  // an escaped key is another key
    check("{\n\t\"id\" :\r\n\"x\" }\n", expectAnswer: true)
    check(#"{"n":1234567890123456,"id":"x"}"#, expectAnswer: true)
    check(#"{"n":-12345678901234567,"id":"x"}"#, expectAnswer: false)
    for bad in ["tru", "nul", "falsy", "-", "-01", "1.", ".5", "+1", #""\x""#, "[1,]", #"{"a"}"#, #"{"a":}"#, "{,}"] {
      check(#"{"id":"x","v":\#(bad)}"#, expectAnswer: false)
    }
    let deep = { (n: Int) in
      #"{"id":"x","v":"# + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "}"
    }
    check(deep(63), expectAnswer: true)
    check(deep(64), expectAnswer: false)  // with the top-level object, 65 deep
  }

  /// `sendout_json_string_stop`, sixteen bytes a step then one at a time: the first special byte wherever it is
  /// (in a step, across steps, in the tail), whatever follows it, and the end when there is none.
  @Test func theStringStopFindsTheFirstSpecialByteAtEveryPosition() {
    let special: (UInt8) -> Bool = { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 }
    for count in [1, 15, 16, 17, 40] {
      for position in 0..<count {
        for value in 0...255 {
          for after in [UInt8(ascii: "a"), 0x00, 0x22, 0xFF] {  // what follows must not hide the first
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
            bytes[position] = UInt8(value)
            if position + 1 < count { bytes[position + 1] = after }
            for from in Set([0, position / 2, position]) {
              let stop = bytes.withUnsafeBufferPointer { sendout_json_string_stop($0.baseAddress!, from, count) }
              let first = bytes[from...].firstIndex(where: special) ?? count
              #expect(stop == first, "byte \(value) at \(position) of \(count), from \(from)")
            }
          }
        }
      }
    }
  }

  @Test func longStringsWithAnEscapeOrStrayByteAnywhereStillAgreeWithTheFullParse() {
    for offset in 0..<40 {
      let before = String(repeating: "x", count: offset)
      let after = String(repeating: "y", count: 39 - offset)
      check(#"{"note":"\#(before)\"\#(after)","type":"t"}"#, expectAnswer: true)
      check(#"{"id":"\#(before)\"\#(after)"}"#, expectAnswer: false)  // an escaped id: the full parser decodes it
      check(#"{"note":"\#(before)\\n\#(after)","id":"\#(before)"}"#, expectAnswer: true)
      check(#"{"id":"\#(before)é\#(after)"}"#, expectAnswer: false)
      check("{\"id\":\"\(before)\u{01}\(after)\"}", expectAnswer: false)
      check(#"{"id":"\#(before)"#, expectAnswer: false)  // unterminated
    }
  }
}

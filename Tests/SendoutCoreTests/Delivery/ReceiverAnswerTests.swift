import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 21 item 4: each attempt keeps what the receiver answered (headers and the first 4 KiB of the body, secrets
/// redacted), and audit lines written before that still read.
@Suite struct ReceiverAnswerTests {
  static let missingField = Array(#"{"error":"missing field customer"}"#.utf8)

  @Test func theMachineRecordsTheReceiversAnswerWithSecretsRedacted() throws {
    let sendout = TestSendouts.make(1, headers: [HTTPHeader("authorization", "Bearer sk-live-0123456789")])
    let answer = TransportResponse(
      status: 400,
      headers: [
        HTTPHeader("content-type", "application/json"), HTTPHeader("set-cookie", "session=abc123"),
        HTTPHeader("x-echo", "got Bearer sk-live-0123456789"), HTTPHeader("x-said", "sk-live-0123456789"),
      ],
      body: Array(#"{"error":"missing field customer","you_sent":"Bearer sk-live-0123456789"}"#.utf8))
    var sim = MachineSimulation(
      try DeliveryConfiguration(policy: RetryPolicy(schedule: RetrySchedule.parse("none")), maxInFlight: 1),
      [sendout])
    sim.run { _, _ in .success(answer) }
    let kept = try #require(sim.records.first?.answer)
    #expect(kept.body == #"{"error":"missing field customer","you_sent":"[redacted]"}"#)
    #expect(kept.headers.contains(HTTPHeader("content-type", "application/json")))
    #expect(kept.headers.contains(HTTPHeader("set-cookie", "[redacted]")))
    #expect(kept.headers.contains(HTTPHeader("x-echo", "got [redacted]")))
    #expect(kept.headers.contains(HTTPHeader("x-said", "[redacted]")), "the token alone, without `Bearer`")
    let line = String(decoding: try #require(sim.records.first).line, as: UTF8.self)
    #expect(!line.contains("sk-live") && !line.contains("abc123"), "no secret reaches the log: \(line)")
    #expect(kept.firstLine == #"{"error":"missing field customer","you_sent":"[redacted]"}"#)
  }

  @Test func aBodyOver4KiBIsCutAt4KiBAndItsLengthKept() {
    let kept = ReceiverAnswer(
      TransportResponse(status: 500, body: Array(repeating: UInt8(ascii: "a"), count: 10_000)), secrets: [])
    #expect(kept.body.utf8.count == 4096)
    #expect(kept.bodyBytes == 10_000 && kept.isTruncated)
    #expect(kept.firstLine?.count == ReceiverAnswer.maxLineCharacters && kept.firstLine?.hasSuffix("…") == true)
  }

  /// A binary body (invalid UTF-8, NUL, ESC) is kept as text that JSON, the terminal and the page can carry: the
  /// record round-trips, the first line is what `TerminalText.escape` makes safe, and the line has no raw controls.
  @Test func aBinaryBodyIsSafe() throws {
    let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x1B, 0x5B, 0x32, 0x4A, 0x0A, 0xC3, 0x28, 0x80]
    let record = AuditRecord(
      sendout: TestSendouts.make(1), status: .failed, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 502), response: TransportResponse(status: 502, body: bytes))
    let line = record.line
    #expect(!line.dropLast().contains { $0 < 0x20 }, "control bytes are escaped in the JSON line")
    let read = try AuditRecord(json: JSONParser.parse(line))
    #expect(read == record)
    #expect(read.answer?.bodyBytes == bytes.count)
    let shown = TerminalText.escape(try #require(read.answer?.firstLine))
    #expect(!shown.unicodeScalars.contains { TerminalText.needsEscape($0) }, "shown: \(shown)")
  }

  @Test func recordsWithoutAnAnswerReadAsBeforeAndABadAnswerIsNamed() throws {
    let plain = AuditRecord(
      sendout: TestSendouts.make(1), status: .failed, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .noResponse(.refused))
    let old = String(decoding: plain.line, as: UTF8.self)
    #expect(!old.contains("\"response\""))
    #expect(try AuditRecord(json: JSONParser.parse(old)).answer == nil)
    let bad = old.replacingOccurrences(of: #""body":"#, with: #""response":{"body":7},"body":"#)
    #expect(throws: AuditLogError.Field(key: "response", expected: "an object {headers, body, body_bytes}")) {
      try AuditRecord(json: JSONParser.parse(bad))
    }
    let answered = AuditRecord(
      sendout: TestSendouts.make(1), status: .failed, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 400), response: TransportResponse(status: 400, body: Self.missingField))
    let json = try JSONParser.parse(answered.line)
    #expect(json.value(atPath: "response.body")?.stringValue == #"{"error":"missing field customer"}"#)
    #expect(json.value(atPath: "response.body_bytes")?.intValue == Self.missingField.count)
  }
}

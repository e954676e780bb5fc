import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct LoadAuditLineTests {
  let line = LoadAuditLine(
    sendoutID: "whs_0e6fc330c68147f467", succeeded: false, httpStatus: nil, latencyMilliseconds: 10_000.25,
    error: LoadFailure.timeout.text, intendedMilliseconds: 1.482, sentMilliseconds: 1.5)

  @Test func aLoadLineReadsBackBesideDeliveryRecords() throws {
    let record = AuditRecord(
      sendout: TestSendouts.make(1), status: .success, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 200))
    let bytes = JSONWriter().bytes(line.json) + [0x0A] + record.line
    let contents = try AuditLogParser.parse(bytes, path: "mixed.jsonl")
    #expect(contents.loadLines == [line])
    #expect(contents.records == [record])
  }

  @Test(arguments: [
    (#"{"sendout_id":"whs_1","status":"DONE","intended_ms":1,"sent_ms":1,"latency_ms":1}"#, "status"),
    (#"{"sendout_id":"whs_1","status":"FAILED","intended_ms":-1,"sent_ms":1,"latency_ms":1}"#, "intended_ms"),
    (
      #"{"sendout_id":"whs_1","status":"SUCCESS","http_status":99,"intended_ms":1,"sent_ms":1,"latency_ms":1}"#,
      "http_status"
    ),
  ])
  func aBadLoadLineNamesItsField(_ text: String, _ field: String) {
    #expect(throws: AuditLogError.self) { try AuditLogParser.parse(Array((text + "\n").utf8), path: "l.jsonl") }
    do {
      _ = try AuditLogParser.parse(Array((text + "\n").utf8), path: "l.jsonl")
    } catch {
      #expect(error.message.contains("field '\(field)'"), "\(error.message)")
    }
  }

  @Test func failureTextsAreTheOnesLoadReportsHaveAlwaysShown() {
    #expect(LoadFailure.notSentTargetUnreachable.text == "not sent: target unreachable")
    #expect(LoadFailure.connect("Connection refused").text == "connect: Connection refused")
    #expect(LoadFailure.badResponse("bad status line").text == "bad response: bad status line")
    #expect(LoadFailure.timeout.text == "timeout")
  }
}

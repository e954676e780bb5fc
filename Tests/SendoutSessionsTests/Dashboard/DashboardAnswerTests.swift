import SendoutCore
import SendoutIO
import Testing

@testable import SendoutSessions

/// Issue 21 item 4 on the dashboard: Show data carries each attempt's answer from the receiver (headers redacted as
/// recorded, the body as kept), the list leaves it out, and the page puts it in as text only.
@Suite struct DashboardAnswerTests {
  @Test func showDataHasTheReceiversAnswerPerAttemptAndTheListDoesNot() async throws {
    let server = try await DashboardServer()
    let hostile = #"{"error":"missing field customer","html":"<img src=x onerror=alert(1)>"}"#
    var answered = DashboardServer.record("whs_r", .failed, httpStatus: 400)
    answered.answer = ReceiverAnswer(
      headers: [HTTPHeader("content-type", "application/json"), HTTPHeader("set-cookie", "session=abc123")],
      body: hostile, bodyBytes: hostile.utf8.count)
    try server.append([DashboardServer.record("whs_r", .retrying, httpStatus: nil), answered])
    let detail = try server.client.get("/_sendout/api/sendouts/whs_r")
    #expect(!detail.text.contains("abc123"), "headers stay redacted")
    let attempts = try #require(detail.json["attempts"]?.arrayValue)
    #expect(attempts.first?["response"] == .null, "no response, no answer")
    #expect(attempts.last?.value(atPath: "response.body")?.stringValue == hostile)
    #expect(attempts.last?.value(atPath: "response.body_bytes") == .int(hostile.utf8.count))
    #expect(
      attempts.last?.value(atPath: "response.headers")?.arrayValue?.last
        == ["name": "set-cookie", "value": .string(CustomHeader.redactedValue)])
    let list = try server.client.get("/_sendout/api/sendouts").json
    #expect(list["sendouts"]?.arrayValue?.first?["response"] == nil, "the list leaves answers to Show data")
    let tail = AuditTail(path: server.auditPath)
    #expect(tail.read { index, _ in index.summary.rows.map { $0.latest.answer == nil } } == [true], "none in memory")
    let page = try server.client.get("/_sendout/").text
    #expect(page.contains(#"<pre id="answer-body""#))
    let script = try server.client.get("/_sendout/assets/dashboard.js").text
    #expect(script.contains(#"$("answer-body").textContent = r.body"#), "the answer goes in as text")
    try await server.stop()
  }
}

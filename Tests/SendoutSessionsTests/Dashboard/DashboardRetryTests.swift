import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// Retry from the dashboard (as `sendout retry ID` does, into the same log), the guard that keeps the page's
/// POSTs to itself, and the page's escaping of untrusted text.
@Suite struct DashboardRetryTests {
  typealias Server = DashboardServer

  @Test func retryResendsTheRecordedBytesAndTheRowTurnsSuccess() async throws {
    let receiver = WebhookListener(configuration: ListenerConfiguration(port: 0))
    try receiver.start()
    let server = try await Server()
    let body = #"{"id":"evt_r","type":"voucher.published","data":{"code":"<b>X</b>"}}"#
    try server.append([
      Server.record("whs_r", .failed, target: receiver.baseURL + "/webhooks", httpStatus: 500, body: body)
    ])
    let origin = "http://127.0.0.1:\(server.client.port)"
    let started = try server.client.post(
      "/_sendout/api/sendouts/whs_r/retry", headers: ["origin": origin, "sec-fetch-site": "same-origin"])
    #expect(started.status == 202)
    #expect(started.json["retrying"] == true)
    let arrived = await receiver.waitForRequests(count: 1, timeoutMilliseconds: 5_000)
    #expect(arrived.map { String(decoding: $0.body, as: UTF8.self) } == [body], "the recorded bytes, resent")
    var row = JSON.null
    for _ in 0..<500 {
      row = try server.client.get("/_sendout/api/sendouts").json["sendouts"]?.arrayValue?.first ?? .null
      if row["status"] == "SUCCESS", row["retry_in_flight"] == false { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    #expect(row["status"] == "SUCCESS")
    #expect(row["attempts"] == 2)
    #expect(row["retryable"] == false)
    let records = try FileAuditLog(path: server.auditPath).read().records
    #expect(records.map(\.status) == [.failed, .success], "appended to the same log")
    #expect(try server.client.post("/_sendout/api/sendouts/whs_nope/retry").status == 404)
    try await server.stop()
    receiver.stop()
  }

  @Test(arguments: [
    ["origin": "http://evil.example"],
    ["sec-fetch-site": "cross-site"],
    ["sec-fetch-site": "same-site", "origin": "http://127.0.0.1:1"],
    ["origin": "null"],
  ])
  func aRetryFromAnotherSiteIsRefused(headers: [String: String]) async throws {
    let server = try await Server()
    try server.append([Server.record("whs_x", .failed, httpStatus: 500)])
    let refused = try server.client.post("/_sendout/api/sendouts/whs_x/retry", headers: headers)
    #expect(refused.status == 403)
    #expect(refused.json["key"] == "cross_site_request")
    #expect(try FileAuditLog(path: server.auditPath).read().records.count == 1, "nothing was resent")
    try await server.stop()
  }

  @Test func aRequestForAnotherHostNameIsRefused() async throws {
    let server = try await Server()
    let rebound = try server.client.get("/_sendout/api/sendouts", headers: ["host": "evil.example:80"])
    #expect(rebound.status == 403)
    #expect(rebound.json["key"] == "forbidden_host")
    #expect(try server.client.get("/_sendout/api/sendouts", headers: ["host": "localhost:1234"]).status == 200)
    #expect(try server.client.get("/_sendout/api/sendouts", headers: ["host": "[::1]:1234"]).status == 200)
    try await server.stop()
  }

  @Test func thePageEscapesUntrustedTextAndForbidsInlineScripts() async throws {
    let directory = NSTemporaryDirectory() + "sendout-</script><script>alert(1)</script>-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let server = try await Server(auditPath: directory + "/audit.jsonl")
    let page = try server.client.get("/_sendout/")
    #expect(page.status == 200)
    #expect(page.headers.value("content-type") == "text/html; charset=utf-8")
    #expect(page.headers.value("content-security-policy")?.contains("script-src 'self'") == true)
    #expect(!page.text.contains("<script>alert(1)"), "the path is text, never markup")
    #expect(page.text.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.text.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#), "and inert inside the JSON block")
    #expect(page.text.contains("<table id=\"sendouts\""))
    let script = try server.client.get("/_sendout/assets/dashboard.js")
    #expect(script.status == 200 && script.headers.value("content-type")?.hasPrefix("text/javascript") == true)
    #expect(!script.text.contains("innerHTML"), "the script writes data as text only")
    #expect(try server.client.get("/_sendout/assets/dashboard.css").status == 200)
    #expect(try server.client.get("/_sendout/assets/other.js").status == 404)
    let root = try server.client.get("/")
    #expect(root.status == 302 && root.headers.value("location") == "/_sendout/")
    try await server.stop()
  }
}

/// Which addresses keep the dashboard on this machine (anything else prints the network warning).
@Suite struct DashboardBindTests {
  @Test(arguments: [
    ("127.0.0.1", true), ("localhost", true), ("::1", true), ("127.0.0.2", true),
    ("0.0.0.0", false), ("::", false), ("192.168.1.20", false),
  ])
  func loopback(host: String, expected: Bool) {
    #expect(HTTPServer.isLoopback(host) == expected)
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// `sendout dashboard`'s JSON endpoints over real loopback HTTP: the list (filters, pages, newest first), one
/// sendout's data, live changes since a cursor, and a log truncated under it.
@Suite struct DashboardSendoutsTests {
  typealias Server = DashboardServer

  @Test func theListIsNewestFirstFilteredAndPaged() async throws {
    let server = try await Server()
    try server.append([
      Server.record("whs_a", .success, minute: 1),
      Server.record("whs_b", .failed, type: "customer.created", minute: 2, source: "distr_x", httpStatus: 500),
      Server.record("whs_c", .success, minute: 3),
      Server.record("whs_a", .success, attempt: 2, minute: 4),
    ])
    let all = try server.client.get("/_sendout/api/sendouts").json
    #expect(all["sendouts"]?.arrayValue?.compactMap { $0["sendout_id"]?.stringValue } == ["whs_c", "whs_b", "whs_a"])
    #expect(all["total"] == 3)
    #expect(all["event_types"] == ["customer.created", "voucher.published"])
    #expect(all["sources"] == ["distr_x", "wh_project"])
    let first = try #require(all["sendouts"]?.arrayValue?.last)
    #expect(first["attempts"] == 2)
    #expect(first["body"] == nil && first["headers"] == nil, "the list leaves bodies to Show data")
    #expect(first.objectValue?.keys.prefix(4) == ["sendout_id", "status", "attempt", "attempts"])

    let failed = try server.client.get("/_sendout/api/sendouts?status=failed").json
    #expect(failed["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_b"])
    #expect(failed["sendouts"]?.arrayValue?.first?["retryable"] == true)
    let byType = try server.client.get("/_sendout/api/sendouts?event_type=customer.created").json
    #expect(byType["total"] == 1)
    let bySource = try server.client.get("/_sendout/api/sendouts?source=wh_project").json
    #expect(bySource["total"] == 2)
    let search = try server.client.get("/_sendout/api/sendouts?q=HTTP%20500").json
    #expect(search["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_b"])
    let page2 = try server.client.get("/_sendout/api/sendouts?limit=2&page=2").json
    #expect(page2["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_a"])
    #expect(page2["pages"] == 2)

    let bad = try server.client.get("/_sendout/api/sendouts?status=DONE")
    #expect(bad.status == 400)
    #expect(bad.json["details"]?.stringValue?.contains("'DONE'") == true)
    #expect(try server.client.get("/_sendout/api/sendouts?limit=0").status == 400)
    #expect(try server.client.get("/_sendout/api/nothing").status == 404)
    try await server.stop()
  }

  @Test func showDataHasTheExactBodyRedactedHeadersAndEveryAttempt() async throws {
    let server = try await Server()
    let body = #"{"b":1.50,"a":"<script>alert(1)</script>"}"#
    let headers = [HTTPHeader("content-type", "application/json"), HTTPHeader("authorization", "Bearer secret-token")]
    try server.append([
      Server.record("whs_d", .retrying, attempt: 1, httpStatus: 503, body: body, headers: headers),
      Server.record("whs_d", .failed, attempt: 2, minute: 1, httpStatus: 500, body: body, headers: headers),
    ])
    let reply = try server.client.get("/_sendout/api/sendouts/whs_d")
    #expect(reply.status == 200)
    #expect(reply.headers.value("content-type") == "application/json; charset=utf-8")
    #expect(reply.headers.value("x-content-type-options") == "nosniff")
    let detail = reply.json
    #expect(detail["body"]?.stringValue == body, "the exact bytes, numbers as written")
    #expect(detail["body_pretty"]?.stringValue?.contains("\n") == true)
    #expect(detail["body_pretty"]?.stringValue?.contains(#""a": "<script>alert(1)</script>""#) == true)
    #expect(!reply.text.contains("secret-token"), "secrets stay redacted")
    #expect(detail["headers"]?.arrayValue?.last?["value"] == .string(CustomHeader.redactedValue))
    #expect(detail["redacted_headers"] == ["authorization"])
    let attempts = try #require(detail["attempts"]?.arrayValue)
    #expect(attempts.map { $0["status"] } == ["RETRYING", "FAILED"])
    #expect(attempts.map { $0["http_status"] } == [503, 500])
    #expect(attempts.last?["error"] == "HTTP 500")
    #expect(detail["sendout"]?["retryable"] == true)
    let unknown = try server.client.get("/_sendout/api/sendouts/whs_none")
    #expect(unknown.status == 404)
    #expect(unknown.json["details"]?.stringValue?.contains("'whs_none'") == true)
    try await server.stop()
  }

  @Test func changesSinceACursorAreOnlyWhatGrewAndATruncatedLogResets() async throws {
    let server = try await Server()
    try server.append([Server.record("whs_1", .success), Server.record("whs_2", .retrying, httpStatus: 503)])
    let list = try server.client.get("/_sendout/api/sendouts").json
    let cursor = try #require(list["cursor"]?.stringValue)
    let none = try server.client.get("/_sendout/api/sendouts/changes?since=\(cursor)").json
    #expect(none["sendouts"] == [] && none["reset"] == false && none["cursor"]?.stringValue == cursor)

    try server.append([Server.record("whs_2", .success, attempt: 2), Server.record("whs_3", .success)])
    let grown = try server.client.get("/_sendout/api/sendouts/changes?since=\(cursor)").json
    #expect(grown["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_3", "whs_2"])
    #expect(grown["sendouts"]?.arrayValue?.last?["status"] == "SUCCESS")
    #expect(grown["reset"] == false)

    // A partial line (a writer mid-append) is not read until its newline arrives.
    let handle = try #require(FileHandle(forWritingAtPath: server.auditPath))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"sendout_id":"whs_4""#.utf8))
    try handle.close()
    let partial = try server.client.get("/_sendout/api/sendouts").json
    #expect(partial["total"] == 3)
    #expect(try server.client.get("/_sendout/api/info").json["warnings"] == [])

    // Rotated: the file replaced by a shorter one.
    try FileManager.default.removeItem(atPath: server.auditPath)
    try server.append([Server.record("whs_9", .failed, httpStatus: 500)])
    let latest = try #require(grown["cursor"]?.stringValue)
    let reset = try server.client.get("/_sendout/api/sendouts/changes?since=\(latest)").json
    #expect(reset["reset"] == true)
    let after = try server.client.get("/_sendout/api/sendouts").json
    #expect(after["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_9"])
    // Truncated in place (same file, shorter): read again from the start.
    let rotated = try #require(after["cursor"]?.stringValue)
    #expect(FileManager.default.createFile(atPath: server.auditPath, contents: Data()))
    try server.append([Server.record("whs_7", .success)])
    let truncated = try server.client.get("/_sendout/api/sendouts/changes?since=\(rotated)").json
    #expect(truncated["reset"] == true)
    #expect(
      try server.client.get("/_sendout/api/sendouts").json["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == [
        "whs_7"
      ])
    #expect(try server.client.get("/_sendout/api/sendouts/changes?since=x").status == 400)
    try await server.stop()
  }

  @Test func aMalformedLineIsSkippedWithAWarningAndTheRestShown() async throws {
    let server = try await Server()
    try server.append([Server.record("whs_1", .success)])
    let handle = try #require(FileHandle(forWritingAtPath: server.auditPath))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"sendout_id\": 7}\n".utf8))
    try handle.close()
    try server.append([Server.record("whs_2", .success)])
    let list = try server.client.get("/_sendout/api/sendouts").json
    #expect(list["total"] == 2)
    let warnings = try server.client.get("/_sendout/api/info").json["warnings"]?.arrayValue ?? []
    #expect(warnings.count == 1)
    #expect(warnings.first?.stringValue?.contains("line 2") == true)
    try await server.stop()
  }

  /// `copytruncate` between two polls: the file keeps its inode and ends up longer than before.
  @Test func afterACopytruncateTheRowsAndShowDataAreTheNewRecords() async throws {
    let server = try await Server()
    try server.append([Server.record("whs_old1", .success), Server.record("whs_old2", .failed, httpStatus: 500)])
    let cursor = try #require(try server.client.get("/_sendout/api/sendouts").json["cursor"]?.stringValue)
    let handle = try #require(FileHandle(forWritingAtPath: server.auditPath))
    try handle.truncate(atOffset: 0)
    try handle.close()
    let body = #"{"rotated":"\#(String(repeating: "z", count: 600))"}"#
    try server.append([Server.record("whs_new1", .success, body: body), Server.record("whs_new2", .success)])

    let changes = try server.client.get("/_sendout/api/sendouts/changes?since=\(cursor)").json
    #expect(changes["reset"] == true)
    let list = try server.client.get("/_sendout/api/sendouts").json
    #expect(list["sendouts"]?.arrayValue?.map { $0["sendout_id"] } == ["whs_new2", "whs_new1"])
    let detail = try server.client.get("/_sendout/api/sendouts/whs_new1").json
    #expect(detail["body"]?.stringValue == body)
    #expect(detail["attempts"]?.arrayValue?.count == 1)
    #expect(try server.client.get("/_sendout/api/sendouts/whs_old1").status == 404)
    #expect(try server.client.get("/_sendout/api/info").json["warnings"] == [])
    try await server.stop()
  }
}

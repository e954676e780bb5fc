import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

/// Issue 17: an audit record is read back from a file anyone may edit; a header name or value with CR/LF in it
/// injected request headers when the sendout was resent (`sendout retry`, the dashboard's Retry). Every recorded
/// header is now checked by `CustomHeader.validate(recorded:)` before anything is sent, over real loopback to a
/// receiver that keeps the raw bytes.
@Suite struct ResendHeaderInjectionTests {
  /// Headers a hand-edited log may hold that must never reach the wire.
  static let hostile: [HTTPHeader] = [
    HTTPHeader("x-a: 1\r\nx-injected", "evil"),
    HTTPHeader("x-tenant", "acme\r\nx-injected: evil"),
    HTTPHeader("x-tenant\n", "acme"),
    HTTPHeader("x injected", "evil"),
    HTTPHeader("content-length", "0"),
    HTTPHeader("transfer-encoding", "chunked"),
  ]

  /// A log at a fresh path holding one FAILED sendout to `capture` with `header` after the standard ones.
  static func log(with header: HTTPHeader, to capture: RawCapture) throws -> String {
    let path = NSTemporaryDirectory() + "sendout-inject-\(UUID().uuidString).jsonl"
    let sendout = TestSendouts.make(1, to: "http://127.0.0.1:\(capture.port)/hooks", secret: "s", headers: [header])
    try FileAuditLog(path: path).append(
      AuditRecord(
        sendout: sendout, status: .failed, attempt: 1, executedAt: Timestamp(milliseconds: 0),
        outcome: .response(status: 500)))
    return path
  }

  static func resend(_ path: String) async throws(SessionError) {
    let settings = DeliverySettings(policy: .none, auditPath: path)
    _ = try await ResendSession.run(
      ResendSession.Configuration(sendoutIDs: [], failed: true, delivery: settings), observer: { _ in })
  }

  @Test(arguments: hostile)
  func aHostileRecordedHeaderIsRefusedAndNothingIsSent(_ header: HTTPHeader) async throws {
    let capture = RawCapture()
    defer { capture.stop() }
    let path = try Self.log(with: header, to: capture)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      try await Self.resend(path)
      Issue.record("resent: \(capture.texts)")
    } catch {
      guard case .badInput(let message) = error else { throw error }
      #expect(message.hasPrefix("Not resending whs_"), "\(message)")
      #expect(message.contains(path))
      #expect(!message.contains("\r") && !message.contains("\n"), "one line: \(message.debugDescription)")
    }
    #expect(capture.requests.isEmpty, "\(capture.texts)")
    #expect(try FileAuditLog(path: path).read().records.count == 1, "no attempt recorded")
  }

  @Test func aCleanRecordIsResentWithItsHeadersAsRecorded() async throws {
    let capture = RawCapture()
    defer { capture.stop() }
    let path = try Self.log(with: HTTPHeader("x-tenant", "acme"), to: capture)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try await Self.resend(path)
    let texts = capture.texts.map { $0.lowercased() }  // URLSession capitalizes names on the wire
    #expect(texts.count == 1)
    #expect(texts.first?.contains("\r\nx-tenant: acme\r\n") == true, "\(texts)")
    #expect(texts.first?.contains("\r\nx-voucherify-signature: ") == true)
  }

  @Test func theDashboardsRetryAnswers422WithTheReasonAndSendsNothing() async throws {
    let capture = RawCapture()
    defer { capture.stop() }
    let path = try Self.log(with: Self.hostile[0], to: capture)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let server = try await DashboardServer(auditPath: path)
    let id = try #require(try FileAuditLog(path: path).read().records.first?.sendoutID)
    let origin = "http://127.0.0.1:\(server.client.port)"
    let refused = try server.client.post(
      "/_sendout/api/sendouts/\(id)/retry", headers: ["origin": origin, "sec-fetch-site": "same-origin"])
    #expect(refused.status == 422)
    #expect(refused.json["key"] == "invalid_audit_record")
    #expect(refused.json["details"]?.stringValue?.contains(#"Invalid header name 'x-a: 1\r\nx-injected'"#) == true)
    #expect(refused.json["sendout"] == nil)
    try await server.stop()
    #expect(capture.requests.isEmpty, "\(capture.texts)")
    #expect(try FileAuditLog(path: path).read().records.count == 1)
  }
}

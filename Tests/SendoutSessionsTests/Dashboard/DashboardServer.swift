import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions

/// A running `sendout dashboard` over a temporary audit log, and helpers to write records into that log.
final class DashboardServer: Sendable {
  let task: Task<DashboardSession.Result, any Error>
  let url: String
  let auditPath: String
  let client: DashboardClient

  init(auditPath: String = DashboardServer.temporaryPath()) async throws {
    self.auditPath = auditPath
    var configuration = DashboardSession.Configuration()
    configuration.port = 0
    configuration.delivery = DeliverySettings(policy: .none, auditPath: auditPath)
    let ready = ReadySignal()
    let served = configuration
    task = Task {
      defer { ready.resolve(nil) }
      return try await DashboardSession.run(served) { event in
        if case .dashboardServing(let url) = event { ready.resolve(url) }
      }
    }
    guard let found = await ready.value() else { throw SessionError.internal("the dashboard did not start") }
    url = found
    client = DashboardClient(url: found)
  }

  func stop() async throws {
    task.cancel()
    _ = try await task.value
  }

  static func temporaryPath() -> String { NSTemporaryDirectory() + "sendout-dashboard-\(UUID().uuidString).jsonl" }

  /// A record of sendout `id` (attempt `attempt`, `status`), at minute `minute` of 2024-03-13 13:00.
  static func record(
    _ id: String, _ status: AuditStatus, attempt: Int = 1, type: String = "voucher.published", minute: Int = 0,
    source: String = "wh_project", target: String = "http://127.0.0.1:9/webhooks", httpStatus: Int? = 200,
    body: String = #"{"id":"evt","type":"voucher.published","data":{"n":1}}"#,
    headers: [HTTPHeader] = [HTTPHeader("content-type", "application/json")]
  ) -> AuditRecord {
    let at = Timestamp(iso8601: String(format: "2024-03-13T13:%02d:00.000Z", minute)) ?? Timestamp(milliseconds: 0)
    return AuditRecord(
      sendoutID: id, status: status, attempt: attempt, type: type, eventType: type, sourceID: source,
      sourceObject: .webhook, targetURL: target, requestID: "v-\(id)", eventID: "evt_\(id)", eventCreatedAt: at,
      createdAt: at, executedAt: at,
      outcome: DeliveryOutcome(httpStatus: httpStatus, error: status == .success ? nil : "HTTP \(httpStatus ?? 0)"),
      latencyMilliseconds: 12, nextAttemptAt: nil, headers: headers, body: body)
  }

  /// Appends `records` to the log.
  func append(_ records: [AuditRecord]) throws {
    let log = FileAuditLog(path: auditPath)
    for record in records { try log.append(record) }
  }
}

import Foundation
import SendoutAPI
import SendoutCore
import SendoutIO

/// The dashboard as an `HTTPHandler`: the page and its JSON under `/_sendout/`, over an audit log followed as it
/// grows (and, in `sendout serve`, the world). `sendout dashboard` serves it alone; `serve` mounts it in front of
/// the mock API (`ServeRouter`). Every answer is computed on the server loop's thread and quick: the log is
/// read incrementally, and a Retry runs in a task and answers 202 at once.
final class DashboardService: HTTPHandler, Sendable {
  /// The reserved prefix every dashboard path starts with.
  static let prefix = "/_sendout/"

  /// Reads the world under its owner's lock and makes a JSON answer from it.
  typealias WorldReader = @Sendable (_ body: (World) -> JSON) -> JSON

  /// What the dashboard shows and how it retries.
  struct Configuration: Sendable {
    /// The audit log; also where a Retry appends.
    var delivery: DeliverySettings
    /// The world of `sendout serve`; `nil` for `sendout dashboard` (no world tabs).
    var world: WorldReader?
    /// `sendout serve`'s recent API calls (the "API calls" tab and its controls); `nil` for `sendout dashboard`.
    var calls: APICallLog? = nil
    /// `sendout serve`'s paused sources; `nil`: the audit log's.
    var sources: SourceControl? = nil
  }

  let tail: AuditTail
  let configuration: Configuration
  let requestGuard: RequestGuard
  let observer: SessionObserver
  let retries = RetryTasks()

  /// A dashboard over `configuration.delivery.auditPath`.
  init(_ configuration: Configuration, observer: @escaping SessionObserver) {
    self.configuration = configuration
    tail = AuditTail(path: configuration.delivery.auditPath)
    requestGuard = RequestGuard()
    self.observer = observer
  }

  /// Whether `path` is the dashboard's (its page, assets and API), as opposed to serve's own `/_sendout/clock`…
  static func handles(path: String) -> Bool {
    path == "/_sendout" || path == prefix || path == prefix + "dashboard" || path.hasPrefix(prefix + "api/")
      || path.hasPrefix(prefix + "assets/")
  }

  /// A request the HTTP loop refused before it was whole, or for a foreign `Host`: Voucherify's `Error` body, as
  /// every other error of the dashboard.
  func rejection(status: Int, reason: String) -> HTTPReply { .rejection(status: status, reason: reason) }

  /// Answers one request.
  func reply(to message: HTTPMessage) -> HTTPReply {
    do throws(VoucherifyError) {
      let request = try DashboardRequest(message)
      if let refusal = requestGuard.refusal(request) { throw refusal }
      return try route(request)
    } catch {
      return Self.json(error.body(requestID: ""), status: error.status)
    }
  }

  /// Whether the world tabs are shown.
  var hasWorld: Bool { configuration.world != nil }

  /// What the page shows before its script runs.
  func page() -> DashboardPage {
    DashboardPage(auditPath: configuration.delivery.auditPath, worldTabs: hasWorld, serve: configuration.calls != nil)
  }

  /// A JSON answer, pretty-printed (people read these in the browser too), never cached.
  static func json(_ body: JSON, status: Int = 200) -> HTTPReply {
    HTTPReply(
      status: status,
      headers: [
        HTTPHeader("content-type", "application/json; charset=utf-8"), HTTPHeader("cache-control", "no-store"),
        HTTPHeader("x-content-type-options", "nosniff"),
      ],
      body: Array((body.prettyString + "\n").utf8))
  }
}

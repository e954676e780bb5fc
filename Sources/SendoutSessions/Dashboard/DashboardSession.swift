import SendoutCore
import SendoutIO

/// `sendout dashboard`: the audit log as Voucherify's Webhook sendouts tab, in a browser, live as the log grows,
/// with "Show data" and Retry (resent as `sendout retry` does, appended to the same log). Serves until cancelled.
public enum DashboardSession {
  /// Where to serve and which log to show.
  public struct Configuration: Sendable {
    /// Address to bind (127.0.0.1 by default; anything else shows the audit log to the network).
    public var host = "127.0.0.1"
    /// Port (0: any free port).
    public var port = 0
    /// The audit log, and the retry policy and headers a Retry uses (one attempt by default).
    public var delivery = DeliverySettings(policy: .none)

    /// The defaults: 127.0.0.1, a free port, `./sendout-audit.jsonl`.
    public init() {}
  }

  /// What the dashboard served.
  public struct Result: Sendable {
    /// The URL it served at.
    public var url: String
  }

  /// The URL of the page for a server at `baseURL`.
  public static func pageURL(_ baseURL: String) -> String { baseURL + DashboardService.prefix }

  /// Binds, reports `.dashboardServing` (and a warning when bound beyond loopback), serves until cancelled.
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    try configuration.delivery.checkAuditLog()
    let service = DashboardService(
      DashboardService.Configuration(delivery: configuration.delivery, world: nil), observer: observer)
    let serverConfiguration = HTTPServerConfiguration(
      host: configuration.host, port: configuration.port, hostGuard: .everything)
    let server = HTTPServer(configuration: serverConfiguration, handler: service)
    do throws(ListenerError) { try server.start() } catch { throw .usage(error.message) }
    let url = pageURL(server.baseURL)
    let warmUp = Task.detached { service.tail.read { index, _ in index.recordCount } }  // a large log: read it now
    observer(.dashboardServing(url: url))
    if !HTTPServer.isLoopback(configuration.host) {
      observer(
        .warning(
          "The dashboard is bound to \(configuration.host): anyone who can reach this port can read the audit log "
            + "'\(configuration.delivery.auditPath)' (bodies, ids, target URLs) and retry its sendouts"))
    }
    await CancellationWait.untilCancelled()
    server.stop()
    _ = await warmUp.value
    await service.retries.finish()
    return withExtendedLifetime(service) { Result(url: url) }
  }
}

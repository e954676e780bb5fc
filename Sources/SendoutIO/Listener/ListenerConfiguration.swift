import SendoutCore

/// Where the listener binds (its `server`) and how it verifies, records and answers webhooks.
public struct ListenerConfiguration: Sendable {
  /// Host, port, threads, limits, timeouts and the connection cap of the HTTP server it runs on.
  public var server: HTTPServerConfiguration
  /// The webhook secret to verify `x-voucherify-signature` with; `nil` reports signatures as unchecked.
  public var secret: String?
  /// How to answer, including injected faults.
  public var behavior: ListenerBehavior
  /// Called on the listener's thread for every request, after it is answered; keep it quick.
  public var onReceive: (@Sendable (ReceivedWebhook) -> Void)?
  /// Keep every request in `WebhookListener.received` (default). `sendout listen` turns it off so its
  /// memory stays flat under load; `receivedCount` counts either way.
  public var keepsReceived = true
  /// Serve the live Arrivals page and its JSON under `/_sendout/` (`listen --ui`); those requests are not arrivals.
  /// The listener guards them with `LoopbackHostGuard.reserved`.
  public var servesUI = false
  /// Answer every arrival with the application's answer instead of `behavior` (`listen --forward-to`).
  public var forwarder: ArrivalForwarder?
  /// Read each body's event type and sendout id (default). `listen --quiet` turns it off: it shows neither, and
  /// the scan was a fifth of the listener's time; `--ui` and a duplicate status read them regardless.
  public var readsBodyFields = true

  /// Creates a configuration; defaults: 127.0.0.1, port 8080, answer 200, 10 s read timeout, 60 s idle.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, secret: String? = nil,
    behavior: ListenerBehavior = ListenerBehavior(),
    limits: HTTPLimits = HTTPLimits(), readTimeoutMilliseconds: Int64 = 10_000, idleTimeoutMilliseconds: Int64 = 60_000,
    maxConnections: Int = 1000, onReceive: (@Sendable (ReceivedWebhook) -> Void)? = nil
  ) {
    server = HTTPServerConfiguration(
      host: host, port: port, limits: limits, readTimeoutMilliseconds: readTimeoutMilliseconds,
      idleTimeoutMilliseconds: idleTimeoutMilliseconds, maxConnections: maxConnections)
    self.secret = secret
    self.behavior = behavior
    self.onReceive = onReceive
  }
}

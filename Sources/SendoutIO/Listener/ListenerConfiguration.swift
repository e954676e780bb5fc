import SendoutCore

/// Where the listener binds and how it verifies, limits and answers.
public struct ListenerConfiguration: Sendable {
  /// The IPv4 or IPv6 address to bind (default 127.0.0.1; 0.0.0.0 for every interface; ::1 for IPv6 loopback).
  public var host: String
  /// The port; 0 picks a free one (read it from `WebhookListener.port`).
  public var port: Int
  /// The webhook secret to verify `x-voucherify-signature` with; `nil` reports signatures as unchecked.
  public var secret: String?
  /// How to answer, including injected faults.
  public var behavior: ListenerBehavior
  /// Head, header-count and body limits (431 / 413 when exceeded).
  public var limits: HTTPLimits
  /// Close a connection that sent part of a request and then nothing for this long (answering 408).
  public var readTimeoutMilliseconds: Int64
  /// Close an idle keep-alive connection after this long.
  public var idleTimeoutMilliseconds: Int64
  /// At most this many open connections: at the cap a new one evicts the connection idle the longest
  /// (between requests); only when every connection is mid-request is the new one closed. The server lowers it to
  /// stay below the process's open-file limit (see `HTTPServer.connectionCap`).
  public var maxConnections: Int
  /// Tests only: `accept` behaves as if the process ran out of descriptors once the loop holds this many.
  var simulatedFileLimit: Int?
  /// Serving threads: each runs its own poll loop over its own `SO_REUSEPORT` socket on the same port (the kernel
  /// spreads connections over them), so a handler that is safe to call from several threads scales with the cores.
  public var threads = 1
  /// Called on the listener's thread for every request, after it is answered; keep it quick.
  public var onReceive: (@Sendable (ReceivedWebhook) -> Void)?
  /// Keep every request in `WebhookListener.received` (default). `sendout listen` turns it off so its
  /// memory stays flat under load; `receivedCount` counts either way.
  public var keepsReceived = true
  /// Serve the live Arrivals page and its JSON under `/_sendout/` (`listen --ui`); those requests are not arrivals.
  /// The listener guards them with `LoopbackHostGuard.reserved`.
  public var servesUI = false
  /// On a loopback `host`, the paths answered only to a loopback `Host` (403 otherwise, before the handler sees the
  /// request); `nil`: none. Ignored when bound elsewhere.
  public var hostGuard: LoopbackHostGuard?

  /// Creates a configuration; defaults: 127.0.0.1, port 8080, answer 200, 10 s read timeout, 60 s idle.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, secret: String? = nil,
    behavior: ListenerBehavior = ListenerBehavior(),
    limits: HTTPLimits = HTTPLimits(), readTimeoutMilliseconds: Int64 = 10_000, idleTimeoutMilliseconds: Int64 = 60_000,
    maxConnections: Int = 1000, onReceive: (@Sendable (ReceivedWebhook) -> Void)? = nil
  ) {
    self.host = host
    self.port = port
    self.secret = secret
    self.behavior = behavior
    self.limits = limits
    self.readTimeoutMilliseconds = readTimeoutMilliseconds
    self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
    self.maxConnections = maxConnections
    self.onReceive = onReceive
  }
}

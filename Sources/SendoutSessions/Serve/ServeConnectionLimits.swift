/// How long `sendout serve` waits for clients and how many it holds: what keeps slow or idle clients from tying it
/// up (the HTTP loop enforces them; a request not complete in time gets 408, an idle connection is closed).
public struct ServeConnectionLimits: Sendable {
  /// A request must be complete this long after its first byte (slowloris).
  public var readTimeoutMilliseconds: Int64 = 10_000
  /// A keep-alive connection with no request in flight is closed after this long.
  public var idleTimeoutMilliseconds: Int64 = 60_000
  /// Connections held at once (lowered below the open-file limit); at the cap the one idle longest makes room.
  public var maxConnections = 1000
  /// Largest request body (over it: 413).
  public var maxBodyBytes = 1 << 20

  /// The defaults: 10 s per request, 60 s idle, 1000 connections, 1 MiB bodies.
  public init() {}
}

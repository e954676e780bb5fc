import Foundation

/// Where an `HTTPServer` binds and how it limits its connections: host, port, threads, parsing limits, timeouts and
/// the connection cap. What a request means (webhook secret, faults, pages) is its handler's business.
public struct HTTPServerConfiguration: Sendable {
  /// The IPv4 or IPv6 address to bind (default 127.0.0.1; 0.0.0.0 for every interface; ::1 for IPv6 loopback).
  public var host: String
  /// The port; 0 picks a free one (read it from `HTTPServer.port`).
  public var port: Int
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
  /// Serving threads: each runs its own event loop over its own `SO_REUSEPORT` socket on the same port (the kernel
  /// spreads connections over them), so a handler that is safe to call from several threads scales with the cores.
  public var threads: Int
  /// On a loopback `host`, the paths answered only to a loopback `Host` (403 otherwise, before the handler sees the
  /// request); `nil`: none. Ignored when bound elsewhere.
  public var hostGuard: LoopbackHostGuard?
  /// The serving threads of `sendout serve` unless told otherwise: one per core, at most four.
  public static var defaultThreads: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount)) }
  /// `sendout listen`'s: one more than the cores, at most four. A listener mostly shares the machine with what sends to
  /// it (`sendout load`, an application's tests), which leaves its threads waiting while a core is free: on 2 cores
  /// with wrk on the same machine, 3 threads served 5 % more than 2 with a line per request (114k vs 109k req/s) and
  /// 3.5 % more with `--quiet`; 4 served no more, 6 half as much.
  public static var listenerThreads: Int { min(4, max(1, ProcessInfo.processInfo.activeProcessorCount) + 1) }
  /// Tests only: `accept` behaves as if the process ran out of descriptors once the loop holds this many.
  var simulatedFileLimit: Int?

  /// Creates a configuration; defaults: 127.0.0.1, port 8080, one thread, 10 s read timeout, 60 s idle, 1,000
  /// connections, no `Host` guard.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
    readTimeoutMilliseconds: Int64 = 10_000, idleTimeoutMilliseconds: Int64 = 60_000, maxConnections: Int = 1000,
    threads: Int = 1, hostGuard: LoopbackHostGuard? = nil
  ) {
    self.host = host
    self.port = port
    self.limits = limits
    self.readTimeoutMilliseconds = readTimeoutMilliseconds
    self.idleTimeoutMilliseconds = idleTimeoutMilliseconds
    self.maxConnections = maxConnections
    self.threads = threads
    self.hostGuard = hostGuard
  }
}

import SendoutCore

/// What `SocketLoadGenerator` does: where, how many connections and threads, open loop at a schedule
/// or closed loop for a count or a duration, and the per-request timeout.
public struct LoadConfiguration: Sendable {
  /// Where requests go.
  public var target: LoadTarget
  /// Keep-alive connections, spread over the threads.
  public var connections: Int
  /// Generator threads (each with its own event loop and request source).
  public var threads: Int
  /// Open loop: the schedule to pace to. `nil`: closed loop, as fast as the connections allow.
  public var schedule: RateSchedule?
  /// Closed loop: stop after this many requests (nil: no count limit).
  public var count: Int?
  /// Closed loop: stop after this long (nil: no time limit).
  public var durationMilliseconds: Double?
  /// A request without a response after this long is a timeout (default 10 s, as Voucherify).
  public var timeoutMilliseconds: Int64
  /// Append one summary line per request to this file (`--audit`); it should exist and be writable.
  public var auditPath: String?
  /// Include each request's body in its audit line (`--audit-bodies`).
  public var auditBodies = false

  /// Creates a configuration.
  public init(
    target: LoadTarget, connections: Int, threads: Int, schedule: RateSchedule? = nil, count: Int? = nil,
    durationMilliseconds: Double? = nil, timeoutMilliseconds: Int64 = 10_000
  ) {
    self.target = target
    self.connections = max(1, connections)
    self.threads = max(1, min(threads, self.connections))
    self.schedule = schedule
    self.count = count
    self.durationMilliseconds = durationMilliseconds
    self.timeoutMilliseconds = timeoutMilliseconds
  }
}

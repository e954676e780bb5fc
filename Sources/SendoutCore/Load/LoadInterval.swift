/// One interval of a load run's timeline. A request is sent, and its latency recorded, in the interval of the time
/// its latency is measured from (its intended send time in open loop, its actual send time in closed loop), as
/// vegeta's plot places each request at its send time; it succeeds or fails in the interval it completed in.
public struct LoadInterval: Sendable, Equatable {
  /// Requests sent.
  public var sent = 0
  /// Requests that completed in this interval with a 2xx.
  public var succeeded = 0
  /// Requests that completed in this interval with another status or no answer (timeout, reset, …).
  public var errors = 0
  /// Latency of the requests sent in this interval, in µs.
  public var latency = IntervalHistogram()

  /// An empty interval.
  public init() {}

  /// Requests that completed in this interval: succeeded plus errors.
  public var completed: Int { succeeded + errors }

  /// Adds `other` into this interval.
  public mutating func merge(_ other: LoadInterval) {
    sent += other.sent
    succeeded += other.succeeded
    errors += other.errors
    latency.merge(other.latency)
  }
}

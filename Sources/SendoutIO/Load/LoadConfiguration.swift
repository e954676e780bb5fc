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

  /// The longest per-request timeout accepted: 24 hours.
  public static let maxTimeoutMilliseconds: Int64 = 86_400_000

  /// Checks the numbers before anything runs: the schedule's caps (`RateSchedule.validate`), `count` from 1
  /// to `RateSchedule.maxRequests`, `timeoutMilliseconds` from 1 ms to 24 h. The error quotes the value
  /// and names the cap.
  public static func validate(schedule: RateSchedule?, count: Int?, timeoutMilliseconds: Int64)
    throws(LoadConfigurationError)
  {
    if let schedule {
      do { try schedule.validate() } catch { throw LoadConfigurationError(message: error.description) }
    }
    if let count, !(1...RateSchedule.maxRequests).contains(count) {
      throw LoadConfigurationError(
        message: "Invalid request count \(count): expected 1 to \(RateSchedule.maxRequests) (the cap on one load run)")
    }
    guard (1...maxTimeoutMilliseconds).contains(timeoutMilliseconds) else {
      throw LoadConfigurationError(
        message:
          "Invalid timeout \(DurationText.format(milliseconds: Double(timeoutMilliseconds))): expected 1ms to 24h")
    }
  }

  /// `validate(schedule:count:timeoutMilliseconds:)` for this configuration.
  public func validate() throws(LoadConfigurationError) {
    try Self.validate(schedule: schedule, count: count, timeoutMilliseconds: timeoutMilliseconds)
  }
}

/// Load settings beyond their caps.
public struct LoadConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// One line for the user: the value and the allowed range.
  public var message: String
  /// `message`.
  public var description: String { message }
}

import Foundation
import SendoutCore

/// A `DeliveryClock` for tests: time only moves when told to, and `sleep(until:)` jumps straight to
/// the deadline instead of waiting, so a 24 h retry schedule runs in microseconds.
public final class ManualClock: DeliveryClock, @unchecked Sendable {
  private let lock = NSLock()
  private var current: Timestamp
  private var slept: [Timestamp] = []

  /// A clock reading `start` (default 2024-03-13T13:45:00.000Z).
  public init(start: Timestamp = Timestamp(milliseconds: 1_710_337_500_000)) { current = start }

  /// The current time.
  public func now() -> Timestamp { lock.withLock { current } }

  /// Moves time forward by `milliseconds`.
  public func advance(by milliseconds: Int64) { lock.withLock { current = current.adding(milliseconds: milliseconds) } }

  /// Sets the time (never backwards).
  public func set(_ time: Timestamp) { lock.withLock { current = max(current, time) } }

  /// Every deadline `sleep(until:)` was called with, in order.
  public var sleeps: [Timestamp] { lock.withLock { slept } }

  /// Jumps to `deadline` (if later) and returns; throws `CancellationError` when the task is cancelled.
  public func sleep(until deadline: Timestamp) async throws {
    try Task.checkCancellation()
    lock.withLock {
      slept.append(deadline)
      current = max(current, deadline)
    }
    await Task.yield()
  }
}

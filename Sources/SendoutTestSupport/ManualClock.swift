import Foundation
import SendoutCore
import Synchronization

/// A `DeliveryClock` for tests: time only moves when told to, and `sleep(until:)` jumps straight to
/// the deadline instead of waiting, so a 24 h retry schedule runs in microseconds.
public final class ManualClock: DeliveryClock, Sendable {
  private struct State {
    var current: Timestamp
    var slept: [Timestamp] = []
  }
  private let state: Mutex<State>

  /// A clock reading `start` (default 2024-03-13T13:45:00.000Z).
  public init(start: Timestamp = Timestamp(milliseconds: 1_710_337_500_000)) { state = Mutex(State(current: start)) }

  /// The current time.
  public func now() -> Timestamp { state.withLock { $0.current } }

  /// Moves time forward by `milliseconds`.
  public func advance(by milliseconds: Int64) {
    state.withLock { $0.current = $0.current.adding(milliseconds: milliseconds) }
  }

  /// Sets the time (never backwards).
  public func set(_ time: Timestamp) { state.withLock { $0.current = max($0.current, time) } }

  /// Every deadline `sleep(until:)` was called with, in order.
  public var sleeps: [Timestamp] { state.withLock { $0.slept } }

  /// Jumps to `deadline` (if later) and returns; throws `CancellationError` when the task is cancelled.
  public func sleep(until deadline: Timestamp) async throws {
    try Task.checkCancellation()
    state.withLock {
      $0.slept.append(deadline)
      $0.current = max($0.current, deadline)
    }
    await Task.yield()
  }
}

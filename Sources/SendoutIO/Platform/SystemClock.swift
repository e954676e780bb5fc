import Foundation
import SendoutCore

/// The wall clock: `now()` reads the system time, `sleep(until:)` really waits (and is cancellable).
public struct SystemClock: DeliveryClock {
  /// A system clock.
  public init() {}

  /// The current time, to the millisecond.
  public func now() -> Timestamp {
    Timestamp(milliseconds: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
  }

  /// Sleeps until `deadline`; throws `CancellationError` when the task is cancelled. Waits a day at a
  /// time, so a deadline centuries away (a scaled schedule) never overflows the nanosecond count.
  public func sleep(until deadline: Timestamp) async throws {
    while true {
      let remaining = deadline.milliseconds - now().milliseconds
      guard remaining > 0 else { return }
      try await Task.sleep(nanoseconds: UInt64(min(remaining, 86_400_000)) * 1_000_000)
    }
  }
}

/// Time for the dispatcher: injected so that retry schedules run in milliseconds in tests.
///
/// Named `DeliveryClock` to stay clear of the standard library's `Clock`. `SystemClock` (SendoutIO)
/// reads the wall clock and really sleeps; `ManualClock` (SendoutTestSupport) jumps instead.
public protocol DeliveryClock: Sendable {
  /// The current time.
  func now() -> Timestamp
  /// Returns at `deadline` (at once if it has passed); throws `CancellationError` when the task is cancelled.
  func sleep(until deadline: Timestamp) async throws
}

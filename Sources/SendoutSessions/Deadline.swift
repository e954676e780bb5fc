import SendoutCore
import SendoutIO
import Synchronization

/// Runs work that stops cleanly when its task is cancelled, cancelling it when a wall-clock deadline passes
/// (`run --deadline`), as Ctrl-C does.
enum Deadline {
  /// `work`'s value, and whether the deadline `milliseconds` from now (`nil`: none) cancelled it.
  static func run<T: Sendable>(milliseconds: Int64?, _ work: @escaping @Sendable () async -> T) async -> (T, Bool) {
    guard let milliseconds else { return (await work(), false) }
    let reached = Flag()
    let task = Task { await work() }
    let timer = Task {
      let clock = SystemClock()
      do { try await clock.sleep(until: clock.now().adding(milliseconds: milliseconds)) } catch { return }
      reached.value.store(true, ordering: .releasing)
      task.cancel()
    }
    let value = await withTaskCancellationHandler {
      await task.value
    } onCancel: {
      task.cancel()
    }
    timer.cancel()
    return (value, reached.value.load(ordering: .acquiring))
  }

  /// Set once the deadline has passed.
  private final class Flag: Sendable {
    let value = Atomic(false)
  }
}

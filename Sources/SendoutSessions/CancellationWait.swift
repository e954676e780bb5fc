import Synchronization

/// Suspends the current task until it is cancelled, without polling.
enum CancellationWait {
  static func untilCancelled() async {
    let gate = Gate()
    await withTaskCancellationHandler {
      await withCheckedContinuation { gate.wait(with: $0) }
    } onCancel: {
      gate.open()
    }
  }

  /// Resumes its continuation once, whether `open` comes before or after `wait`.
  private final class Gate: Sendable {
    private struct State {
      var opened = false
      var continuation: CheckedContinuation<Void, Never>?
    }
    private let state = Mutex(State())

    func wait(with continuation: CheckedContinuation<Void, Never>) {
      let resumeNow = state.withLock {
        if $0.opened { return true }
        $0.continuation = continuation
        return false
      }
      if resumeNow { continuation.resume() }
    }

    func open() {
      let waiting = state.withLock { state in
        state.opened = true
        defer { state.continuation = nil }
        return state.continuation
      }
      waiting?.resume()
    }
  }
}

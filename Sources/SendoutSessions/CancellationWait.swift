import Foundation

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
  private final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false
    private var continuation: CheckedContinuation<Void, Never>?

    func wait(with continuation: CheckedContinuation<Void, Never>) {
      let resumeNow = lock.withLock {
        if opened { return true }
        self.continuation = continuation
        return false
      }
      if resumeNow { continuation.resume() }
    }

    func open() {
      let waiting = lock.withLock {
        opened = true
        defer { continuation = nil }
        return continuation
      }
      waiting?.resume()
    }
  }
}

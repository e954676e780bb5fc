import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM handling for long-running commands: cancel the work cleanly instead of dying.
enum Interrupt {
  /// Runs `operation` in a task that SIGINT/SIGTERM cancel; returns its result.
  static func cancelling<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
    let task = Task { await operation() }
    let sources = install { task.cancel() }
    let value = await task.value
    uninstall(sources)
    return value
  }

  /// Returns when SIGINT or SIGTERM arrives.
  static func wait() async {
    let once = Once()
    var sources: [any DispatchSourceSignal] = []
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      sources = install { if once.first() { continuation.resume() } }
    }
    uninstall(sources)
  }

  private static func install(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { sig in
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler(handler: handler)
      source.resume()
      return source
    }
  }

  private static func uninstall(_ sources: [any DispatchSourceSignal]) {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }

  /// `true` the first time only.
  private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool {
      lock.withLock {
        defer { done = true }
        return !done
      }
    }
  }
}

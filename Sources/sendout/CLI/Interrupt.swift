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

  /// Ignores SIGINT and SIGTERM as signals and calls `handler` when one arrives.
  static func install(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { sig in
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler(handler: handler)
      source.resume()
      return source
    }
  }

  /// Stops the handlers and restores the default actions.
  static func uninstall(_ sources: [any DispatchSourceSignal]) {
    for source in sources { source.cancel() }
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
  }
}

import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The write end of the pipe `noteSignal` writes to; set before the handler is installed, so the handler only loads it.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// The SIGINT/SIGTERM handler: one byte into the pipe (`write` is async-signal-safe), nothing else.
private func noteSignal(_ number: Int32) {
  var byte = UInt8(truncatingIfNeeded: number)
  _ = write(signalPipe, &byte, 1)
}

/// Ctrl-C (SIGINT) and SIGTERM handling for long-running commands: cancel the work cleanly instead of dying.
///
/// A real handler writes to a pipe that a dispatch source reads. A signal source alone (`SIG_IGN` plus
/// `DispatchSource.makeSignalSource`) loses a signal that arrives before libdispatch has registered the source, or
/// that the kernel hands to a thread where it is not blocked: ignored signals are discarded when sent. A byte in a pipe
/// waits until it is read.
enum Interrupt {
  /// Runs `operation` in a task that SIGINT/SIGTERM cancel; returns its result.
  static func cancelling<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
    let task = Task { await operation() }
    let reader = install { task.cancel() }
    let value = await task.value
    uninstall(reader)
    return value
  }

  /// Calls `handler` (on a global queue) for each SIGINT or SIGTERM until `uninstall`; returns the pipe's reader.
  /// Without a pipe (no file descriptors left) the signals keep their default action: the process ends, as it would.
  static func install(_ handler: @escaping @Sendable () -> Void) -> (any DispatchSourceRead)? {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { return nil }
    let (reader, writer) = (ends[0], ends[1])
    _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
    signalPipe = writer
    let source = DispatchSource.makeReadSource(fileDescriptor: reader, queue: .global())
    source.setEventHandler {
      var bytes = [UInt8](repeating: 0, count: 16)
      if read(reader, &bytes, bytes.count) > 0 { handler() }
    }
    source.setCancelHandler {
      close(reader)
      close(writer)
    }
    source.resume()
    for number in [SIGINT, SIGTERM] { setAction(number, noteSignal) }
    return source
  }

  /// Restores the default actions, then stops the reader.
  static func uninstall(_ reader: (any DispatchSourceRead)?) {
    signal(SIGINT, SIG_DFL)
    signal(SIGTERM, SIG_DFL)
    reader?.cancel()
  }

  /// Installs `handler` for `number` with `sigaction` (restarting interrupted system calls).
  private static func setAction(_ number: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
    var action = sigaction()
    #if os(Linux)
      action.__sigaction_handler.sa_handler = handler
    #else
      action.__sigaction_u.__sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    _ = sigaction(number, &action, nil)
  }
}

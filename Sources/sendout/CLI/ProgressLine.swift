import Synchronization

/// A status line on standard error that rewrites itself with `\r` (`sendout load`, and `run` with `RunStatus`, on a terminal); lines
/// printed meanwhile go `above` it, and `end()` terminates it, so what is printed next starts on a line of its own.
final class ProgressLine: Sendable {
  private enum Phase { case empty, shown, ended }
  private let state = Mutex((phase: Phase.empty, text: ""))

  /// Rewrites the line with `text` (ignored once the line has ended: a late tick cannot reopen it).
  func show(_ text: String) {
    state.withLock { state in
      guard state.phase != .ended else { return }
      Console.errInline("\r\u{1B}[K" + text)
      state = (.shown, text)
    }
  }

  /// Runs `print` with the status line cleared, then shows it again below what was printed.
  func above(_ print: () -> Void) {
    state.withLock { state in
      if state.phase == .shown { Console.errInline("\r\u{1B}[K") }
      print()
      if state.phase == .shown { Console.errInline(state.text) }
    }
  }

  /// Ends the line with a newline if anything was shown; later calls do nothing.
  func end() {
    state.withLock { state in
      if state.phase == .shown { Console.errInline("\n") }
      state.phase = .ended
    }
  }
}

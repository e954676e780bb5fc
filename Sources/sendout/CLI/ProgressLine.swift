import Synchronization

/// A status line on standard error that rewrites itself with `\r` (`sendout load` on a terminal); `end()`
/// terminates it, so what is printed next starts on a line of its own instead of being glued to it.
final class ProgressLine: Sendable {
  private enum State { case empty, shown, ended }
  private let state = Mutex(State.empty)

  /// Rewrites the line with `text` (ignored once the line has ended: a late tick cannot reopen it).
  func show(_ text: String) {
    state.withLock { state in
      guard state != .ended else { return }
      Console.errInline("\r" + text)
      state = .shown
    }
  }

  /// Ends the line with a newline if anything was shown; later calls do nothing.
  func end() {
    state.withLock { state in
      if state == .shown { Console.errInline("\n") }
      state = .ended
    }
  }
}

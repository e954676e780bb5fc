import Foundation
import SendoutSessions
import Synchronization

/// `sendout run`'s status line on a terminal: `RunProgress` shown on a `ProgressLine`, redrawn on every record and
/// once a second (a slow receiver is not silence), until `end()`.
final class RunStatusLine: Sendable {
  /// The line the run's other output is printed above.
  let line = ProgressLine()
  private let progress = Mutex(RunProgress())
  private let start = ContinuousClock.now
  private let ticker = Mutex<Task<Void, Never>?>(nil)

  /// A status line that ticks once a second.
  init() {
    let task = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(1))
        self?.redraw()
      }
    }
    ticker.withLock { $0 = task }
  }

  /// Counts `event`, redrawing when it changed the line.
  func record(_ event: SessionEvent) {
    if progress.withLock({ $0.record(event) }) { redraw() }
  }

  /// Stops the ticks and ends the line.
  func end() {
    ticker.withLock { $0?.cancel() }
    line.end()
  }

  private func redraw() {
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    line.show(progress.withLock { $0.line(elapsedSeconds: seconds) })
  }
}

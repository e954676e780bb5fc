import Synchronization

/// `sendout run`'s live status on a terminal: `RunProgress` counted from the session's events and handed to `show`
/// on every record and once a second (a slow receiver is not silence), until `stop()`.
public final class RunStatus: Sendable {
  private let progress = Mutex(RunProgress())
  private let start = ContinuousClock.now
  private let show: @Sendable (String) -> Void
  private let ticker = Mutex<Task<Void, Never>?>(nil)

  /// A status that shows its line with `show`, ticking once a second.
  public init(show: @escaping @Sendable (String) -> Void) {
    self.show = show
    let task = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(1))
        self?.redraw()
      }
    }
    ticker.withLock { $0 = task }
  }

  /// Counts `event`, showing the line again when it changed.
  public func record(_ event: SessionEvent) {
    if progress.withLock({ $0.record(event) }) { redraw() }
  }

  /// Stops the ticks.
  public func stop() { ticker.withLock { $0?.cancel() } }

  private func redraw() {
    let elapsed = (ContinuousClock.now - start).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    show(progress.withLock { $0.line(elapsedSeconds: seconds) })
  }
}

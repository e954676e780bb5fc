import Foundation

/// The dashboard's retries in flight: at most one per sendout, awaited when the server stops.
final class RetryTasks: @unchecked Sendable {
  private let lock = NSLock()
  private var running: [String: Task<Void, Never>] = [:]

  /// Ids being retried now.
  var inFlight: Set<String> { lock.withLock { Set(running.keys) } }

  /// Starts `work` for `id` unless one is running; `false` if one is.
  func start(_ id: String, _ work: @escaping @Sendable () async -> Void) -> Bool {
    lock.withLock {
      guard running[id] == nil else { return false }
      running[id] = Task { [weak self] in
        await work()
        self?.finished(id)
      }
      return true
    }
  }

  private func finished(_ id: String) { lock.withLock { running[id] = nil } }

  /// Waits for every retry in flight.
  func finish() async {
    let all = lock.withLock { Array(running.values) }
    for task in all { await task.value }
  }
}

import Synchronization

/// The dashboard's retries in flight: at most one per sendout, awaited when the server stops.
final class RetryTasks: Sendable {
  private let running = Mutex<[String: Task<Void, Never>]>([:])

  /// Ids being retried now.
  var inFlight: Set<String> { running.withLock { Set($0.keys) } }

  /// Starts `work` for `id` unless one is running; `false` if one is.
  func start(_ id: String, _ work: @escaping @Sendable () async -> Void) -> Bool {
    running.withLock { running in
      guard running[id] == nil else { return false }
      running[id] = Task { [weak self] in
        await work()
        self?.finished(id)
      }
      return true
    }
  }

  private func finished(_ id: String) { _ = running.withLock { $0.removeValue(forKey: id) } }

  /// Waits for every retry in flight.
  func finish() async {
    let all = running.withLock { Array($0.values) }
    for task in all { await task.value }
  }
}

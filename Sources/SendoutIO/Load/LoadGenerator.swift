import SendoutCore

/// A load generator: the socket client or URLSession. Both take their requests from event pools, count
/// outcomes into `LoadStats`, and stop early when `shared.requestStop()` is called.
public protocol LoadGenerator: Sendable {
  /// Stop flag, progress counter and stats snapshots.
  var shared: LoadShared { get }
  /// Runs to completion or until stopped; `makePool(n)` gives request source `n` its pool.
  /// Returns the merged stats and the wall time in seconds.
  func run(makePool: @escaping @Sendable (Int) -> EventPool) async -> (LoadStats, Double)
}

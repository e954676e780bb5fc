import Foundation
import SendoutCore

/// The load test's HTTP/1.1 client over non-blocking sockets: `threads` event loops, each with its own
/// connections and event pool, sharing the HTTP codec with `sendout listen`. Much faster than URLSession
/// on Linux (whose ceiling is ~3k requests/s per process, platform-notes.md).
public struct SocketLoadGenerator: LoadGenerator {
  /// What to run.
  public let configuration: LoadConfiguration
  /// Stop flag, progress counter and snapshots.
  public let shared: LoadShared

  /// A generator for `configuration`.
  public init(configuration: LoadConfiguration) {
    self.configuration = configuration
    shared = LoadShared(threads: configuration.threads)
  }

  /// Runs on threads of its own (they block in `epoll`), one pool per thread; see `LoadGenerator`.
  public func run(makePool: @escaping @Sendable (Int) -> EventPool) async -> (LoadStats, Double) {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread { continuation.resume(returning: self.runBlocking(makeSource: makePool)) }
    }
  }

  /// Runs to completion (or until `shared.requestStop()`) on the calling thread and the worker threads.
  func runBlocking(makeSource: @Sendable (Int) -> EventPool) -> (LoadStats, Double) {
    let configuration = configuration
    let shared = shared
    let sources = (0..<configuration.threads).map(makeSource)  // built before the clock starts
    let start = Platform.monotonicNanoseconds()
    let group = DispatchGroup()
    for (index, source) in sources.enumerated() {
      group.enter()
      let thread = Thread {
        let worker = LoadWorker(
          index: index, configuration: configuration, source: source, startNanos: start, shared: shared)
        worker.run()
        group.leave()
      }
      thread.stackSize = 1 << 20
      thread.start()
    }
    group.wait()
    let seconds = Double(Platform.monotonicNanoseconds() - start) / 1e9
    return (shared.merged(), seconds)
  }
}

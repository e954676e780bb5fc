import Foundation
import SendoutCore
import SendoutIO

/// Runs a load test with Ctrl-C wired to a clean stop and, on a terminal, a live progress line on stderr.
enum LoadRunner {
  static func run(
    configuration: LoadConfiguration, url: String, useURLSession: Bool, firstPool: EventPool,
    makePool: @escaping @Sendable (Int) -> EventPool, progress: Bool
  ) async -> (stats: LoadStats, seconds: Double, auditFailure: String?) {
    if useURLSession {
      let generator = URLSessionLoadGenerator(configuration: configuration, url: url)
      let signals = Interrupt.install { generator.shared.requestStop() }
      defer { Interrupt.uninstall(signals) }
      let ticker = progress ? startTicker(generator.shared) : nil
      defer { ticker?.cancel() }
      let (stats, seconds) = await generator.run(pool: firstPool)
      return (stats, seconds, nil)
    }
    let generator = SocketLoadGenerator(configuration: configuration)
    let signals = Interrupt.install { generator.shared.requestStop() }
    defer { Interrupt.uninstall(signals) }
    let ticker = progress ? startTicker(generator.shared) : nil
    defer { ticker?.cancel() }
    let (stats, seconds) = await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        continuation.resume(returning: generator.run { $0 == 0 ? firstPool : makePool($0) })
      }
    }
    return (stats, seconds, generator.shared.auditFailure)
  }

  /// Prints `elapsed  rate  p99  errors` once a second to stderr, overwriting the line.
  private static func startTicker(_ shared: LoadShared) -> any DispatchSourceTimer {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    let started = DispatchTime.now()
    nonisolated(unsafe) var last = 0
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler {
      let done = shared.completed.load(ordering: .relaxed)
      let stats = shared.merged()
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
      let p99 = Double(stats.latency.value(atPercentile: 99)) / 1000
      let line = String(
        format: "\r  %6.1fs  %8d req/s  p99 %8.2f ms  errors %d   ", elapsed, done - last, p99, stats.failed)
      last = done
      FileHandle.standardError.write(Data(line.utf8))
    }
    timer.resume()
    return timer
  }
}

import SendoutCore
import Synchronization

/// Load over URLSession (for `https://` targets, or to compare): `connections` concurrent workers take
/// request numbers in order, wait for each one's intended time (open loop) and send it; latency counts
/// from the intended time, so queueing inside URLSession shows up. Expect ~3k requests/s at most on Linux.
public struct URLSessionLoadGenerator: LoadGenerator {
  /// What to run (`target` is unused: requests go to `url`).
  public let configuration: LoadConfiguration
  /// The target URL.
  public let url: String
  /// Stop flag, progress counter and snapshots (one slot per worker).
  public let shared: LoadShared
  private let client: URLSessionLoadClient

  /// A generator sending to `url`.
  public init(configuration: LoadConfiguration, url: String) {
    self.configuration = configuration
    self.url = url
    shared = LoadShared(threads: configuration.connections)
    client = URLSessionLoadClient(
      url: url, connections: configuration.connections, timeoutMilliseconds: configuration.timeoutMilliseconds)
  }

  /// Runs to completion; all workers share one event pool, `makePool(0)`. Returns merged stats and wall seconds.
  public func run(makePool: @escaping @Sendable (Int) -> EventPool) async -> (LoadStats, Double) {
    let state = SharedPool(makePool(0))
    let pacer = configuration.schedule.map(Pacer.init(schedule:))
    let start = Platform.monotonicNanoseconds()
    let configuration = configuration
    await withTaskGroup(of: Void.self) { group in
      for worker in 0..<configuration.connections {
        group.addTask {
          var stats = LoadStats()
          while !shared.stopRequested {
            let n = state.counter.add(1, ordering: .relaxed).oldValue
            var measuredFrom = Platform.monotonicNanoseconds() - start
            if let pacer {
              guard let intended = pacer.intendedOffset(of: n) else { break }
              if intended > measuredFrom { try? await Task.sleep(nanoseconds: UInt64(intended - measuredFrom)) }
              stats.schedulingLag.record(max(0, Platform.monotonicNanoseconds() - start - intended) / 1000)
              measuredFrom = intended
            } else {
              if let count = configuration.count, n >= count { break }
              if let ms = configuration.durationMilliseconds, Double(measuredFrom) >= ms * 1_000_000 { break }
            }
            let sendout = state.pool.withLock { $0.nextSendout() }
            stats.sent += 1
            stats.timeline.recordSent(atMicros: measuredFrom / 1000)
            stats.bodyBytes += sendout.body.count
            let outcome = await client.send(headers: sendout.headers, body: sendout.body)
            let latency = (Platform.monotonicNanoseconds() - start - measuredFrom) / 1000
            switch outcome {
            case .success(let status):
              stats.recordResponse(status: status, latencyMicros: latency, atMicros: measuredFrom / 1000)
            case .failure(let failure):
              stats.recordError(failure, latencyMicros: latency, atMicros: measuredFrom / 1000)
            }
            shared.completed.add(1, ordering: .relaxed)
            if stats.sent % 64 == 0 { shared.publish(worker, stats) }
          }
          shared.publish(worker, stats)
        }
      }
    }
    return (shared.merged(), Double(Platform.monotonicNanoseconds() - start) / 1e9)
  }
}

/// The event pool and request counter the URLSession workers share.
private final class SharedPool: Sendable {
  let pool: Mutex<EventPool>
  let counter = Atomic<Int>(0)
  init(_ pool: EventPool) { self.pool = Mutex(pool) }
}

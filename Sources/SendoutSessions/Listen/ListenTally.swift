import SendoutCore
import SendoutIO
import Synchronization

/// The counts behind `listen --quiet`'s summary lines, kept with atomics so the listener's thread takes no lock.
public final class ListenTally: Sendable {
  private let arrivals = Atomic<Int>(0)
  private let verified = Atomic<Int>(0)
  private let failed = Atomic<Int>(0)
  /// The arrivals and time of the last summary, for its rate.
  private let last = Mutex<(arrivals: Int, nanoseconds: Int64)>((0, 0))

  /// An empty tally whose first interval starts at `nanoseconds` (a monotonic clock reading).
  public init(startingAt nanoseconds: Int64) { last.withLock { $0.nanoseconds = nanoseconds } }

  /// Counts one request: verified when its signature is valid, failed when invalid or absent while a secret checks.
  public func record(_ webhook: ReceivedWebhook, checksSignatures: Bool) {
    arrivals.add(1, ordering: .relaxed)
    switch webhook.signature {
    case .valid: verified.add(1, ordering: .relaxed)
    case .invalid: failed.add(1, ordering: .relaxed)
    case .absent where checksSignatures: failed.add(1, ordering: .relaxed)
    case .absent, .unchecked: break
    }
  }

  /// The totals now and the rate since the previous summary (or the start), at `nanoseconds`.
  public func summary(at nanoseconds: Int64) -> ListenSummary {
    let total = arrivals.load(ordering: .relaxed)
    let (before, since) = last.withLock { l in
      defer { l = (total, nanoseconds) }
      return l
    }
    let seconds = Double(nanoseconds - since) / 1e9
    return ListenSummary(
      arrivals: total, verified: verified.load(ordering: .relaxed), failed: failed.load(ordering: .relaxed),
      rate: seconds > 0 ? Double(total - before) / seconds : 0)
  }
}

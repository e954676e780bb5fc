import SendoutCore
import Synchronization

/// What the generator threads share: a stop flag (Ctrl-C), a completed-request counter for the progress
/// line, and each thread's latest stats snapshot.
public final class LoadShared: Sendable {
  private let stop = Atomic<Bool>(false)
  /// Requests with an outcome so far, over all threads.
  public let completed = Atomic<Int>(0)
  private let snapshots: Mutex<[LoadStats]>
  private let auditFailures = Mutex<[String]>([])

  /// State for `threads` generator threads.
  public init(threads: Int) { snapshots = Mutex(Array(repeating: LoadStats(), count: threads)) }

  /// Asks every thread to stop at its next loop turn.
  public func requestStop() { stop.store(true, ordering: .relaxed) }

  /// Whether a stop was requested.
  public var stopRequested: Bool { stop.load(ordering: .relaxed) }

  /// Audit log write failures (`FILE: reason`), if any.
  public var auditFailure: String? { auditFailures.withLock { $0.first } }

  func reportAuditFailure(_ text: String) { auditFailures.withLock { $0.append(text) } }

  func publish(_ thread: Int, _ stats: LoadStats) { snapshots.withLock { $0[thread] = stats } }

  /// Every thread's latest stats, merged.
  public func merged() -> LoadStats {
    snapshots.withLock { all in
      var total = LoadStats()
      for s in all { total.merge(s) }
      return total
    }
  }
}

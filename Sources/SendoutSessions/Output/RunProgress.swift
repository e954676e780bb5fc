import SendoutCore

/// `sendout run`'s live status line on a terminal, counted from the session's events: how many of the planned
/// sendouts are done (delivered, failed, skipped), how many wait for a retry, and the time since the start.
/// `run: 12/40 sendouts done (11 delivered, 1 failed), 2 retrying, 15s`.
public struct RunProgress: Sendable {
  private var planned = 0
  private var latest: [String: AuditStatus] = [:]

  /// Nothing planned yet.
  public init() {}

  /// Counts `event`; returns whether the line changed (a plan, or a record of a sendout).
  public mutating func record(_ event: SessionEvent) -> Bool {
    switch event {
    case .planned(_, let count, _):
      planned = count
      return true
    case .delivery(.recorded(let record)) where !record.duplicate:
      latest[record.sendoutID] = record.status
      return true
    default: return false
    }
  }

  /// The line after `elapsedSeconds`.
  public func line(elapsedSeconds: Double) -> String {
    var counts: [AuditStatus: Int] = [:]
    for status in latest.values { counts[status, default: 0] += 1 }
    let done = latest.count - (counts[.retrying] ?? 0)
    let parts = [(AuditStatus.success, "delivered"), (.failed, "failed"), (.skipped, "skipped")].compactMap {
      (status, word) in counts[status].map { "\($0) \(word)" }
    }
    let retrying = counts[.retrying].map { ", \($0) retrying" } ?? ""
    let seconds = max(0, Int(elapsedSeconds))
    let elapsed = seconds == 0 ? "0s" : DurationText.format(milliseconds: Double(seconds) * 1000)
    return "run: \(done)/\(planned) sendouts done"
      + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))") + retrying + ", \(elapsed)"
  }
}

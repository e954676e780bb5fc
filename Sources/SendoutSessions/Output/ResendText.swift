import SendoutCore

/// What `sendout retry` prints: how many sendouts it resends, a line per attempt, and how many were delivered.
public struct ResendText: Sendable {
  let auditPath: String

  /// Lines for a resend from the log at `auditPath`.
  public init(auditPath: String) { self.auditPath = auditPath }

  /// The lines for one session event (warnings are the caller's).
  public func lines(for event: SessionEvent) -> [String] {
    switch event {
    case .resending(let n): ["Retrying \(n) sendout\(n == 1 ? "" : "s") from \(auditPath)"]
    case .delivery(let event): DeliveryText(showID: true, maxAttempts: 0).lines(for: event)
    default: []
    }
  }

  /// How many were delivered, then the verdict: ok when all were (or there was nothing to retry).
  public func ending(_ result: ResendSession.Result) -> CommandEnding {
    guard result.total > 0 else { return CommandEnding(["No FAILED sendouts in \(auditPath)."]) }
    let lines = ["\(result.delivered) of \(result.total) delivered; audit log: \(auditPath)"]
    if result.cancelled {
      return CommandEnding(lines, .failed("Interrupted; unfinished sendouts are recorded as RETRYING"))
    }
    guard result.delivered == result.total else {
      return CommandEnding(lines, .failed("\(result.total - result.delivered) sendout(s) not delivered"))
    }
    return CommandEnding(lines)
  }
}

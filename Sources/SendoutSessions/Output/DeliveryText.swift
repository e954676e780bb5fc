import SendoutCore

/// Turns dispatcher events into the live lines `fire`, `run`, `retry` and `serve` print: one per attempt with its
/// status, HTTP status (with the first line of the receiver's answer when it failed) or error, latency and when the
/// next retry is due; and a notice when a source pauses.
public struct DeliveryText: Sendable {
  /// Prefix each line with the sendout id (when several sendouts are in flight).
  public var showID: Bool
  /// Attempts in all under the current policy, for `attempt 2/13`; 0 to omit.
  public var maxAttempts: Int
  /// Attempts made before this run, added to `maxAttempts` for the denominator.
  public var previousAttempts: [String: Int] = [:]

  /// Lines with or without the sendout id, counting attempts out of `maxAttempts` (0: no denominator).
  public init(showID: Bool, maxAttempts: Int) {
    self.showID = showID
    self.maxAttempts = maxAttempts
  }

  /// The lines for `event` (none for attempt starts).
  public func lines(for event: DeliveryEvent) -> [String] {
    switch event {
    case .attemptStarted: return []
    case .recorded(let r): return [TerminalText.escape(line(for: r))]
    case .paused(let source): return [Self.pauseNotice(source)]
    case .auditFailed(let error): return ["warning: \(error.message)"]
    }
  }

  /// `attempt 2/4  RETRYING  HTTP 500: {"error":"down"}  3 ms  next attempt at 13:45:00.300Z (in 100ms)`.
  public func line(for r: AuditRecord) -> String {
    var parts: [String] = []
    if showID { parts.append(r.sendoutID) }
    if r.status == .retrying, r.nextAttemptAt == nil, r.outcome.isCancellation, let error = r.error {
      let what = r.outcome == .noResponse(.cancelled) ? "attempt \(r.attempt) cancelled in flight" : error
      return (parts + ["INTERRUPTED", "\(what); recorded as RETRYING"]).joined(separator: "  ")
    }
    if r.attempt > 0 {
      let total =
        maxAttempts > 0 && !r.duplicate ? "/\(maxAttempts + (previousAttempts[r.sendoutID] ?? 0))" : ""
      parts.append("attempt \(r.attempt)\(total)")
    }
    parts.append(r.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))
    if r.duplicate { parts.append("duplicate") }
    if let status = r.httpStatus {
      let reason = r.outcome.isSuccess ? nil : r.answer?.firstLine
      parts.append("HTTP \(status)" + (reason.map { ": " + $0 } ?? ""))
    }
    if r.attempt > 0 { parts.append("\(r.latencyMilliseconds) ms") }
    if r.httpStatus == nil, let error = r.error { parts.append(error) }
    if let next = r.nextAttemptAt {
      let wait = next.milliseconds - (r.executedAt.milliseconds + r.latencyMilliseconds)
      parts.append(
        "next attempt at \(next.iso8601.dropFirst(11)) (in \(DurationText.format(milliseconds: Double(max(0, wait)))))")
    }
    return parts.joined(separator: "  ")
  }

  /// What pausing means, said the way Voucherify's docs say it.
  public static func pauseNotice(_ source: SendoutSource) -> String {
    switch source.object {
    case .distribution:
      "Distribution \(source.id) is now PAUSED: a sendout failed every attempt. Later sendouts for it are SKIPPED until it is set live again (fire --resume)."
    case .webhook:
      "Project webhook \(source.id) is now DISABLED: a sendout failed every attempt. Later sendouts for it are SKIPPED until it is re-enabled (fire --resume)."
    }
  }
}

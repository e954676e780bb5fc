import Foundation
import SendoutCore

/// What `sendout load` prints: the progress line on a terminal, then the report and the verdict.
public enum LoadText {
  /// The progress line of one tick: elapsed seconds, requests per second, p99 and errors so far.
  public static func progress(_ p: LoadProgress) -> String {
    String(
      format: "  %6.1fs  %8d req/s  p99 %8.2f ms  errors %d   ", p.elapsedSeconds, p.requestsInTick, p.p99Milliseconds,
      p.errors)
  }

  /// The report (text or JSON), then the verdict: a failed audit file, an unreachable target, unmet thresholds.
  public static func ending(_ result: LoadSession.Result, json: Bool) -> CommandEnding {
    let lines = [json ? result.report.json.prettyString : result.report.text]
    if let failure = result.auditFailure {
      return CommandEnding(lines, .badInput("The audit log could not be written: \(failure)"))
    }
    if let unreachable = result.unreachable { return CommandEnding(lines, .failed(unreachable)) }
    if !result.unmetThresholds.isEmpty {
      return CommandEnding(lines, .failed("Threshold not met: " + result.unmetThresholds.joined(separator: "; ")))
    }
    return CommandEnding(lines)
  }
}

import SendoutCore

/// `fire --json` and `retry --json`: one compact JSON object per sendout, in order, the shape of `audit --json`'s
/// elements (the sendout's latest record with `attempts` after `attempt`), so scripts read both the same way.
public enum SendoutJSONLines {
  /// One line per sendout the report recorded.
  public static func lines(_ report: DeliveryReport) -> [String] {
    AuditSummary(report.records).rows.map { $0.json.compactString }
  }
}

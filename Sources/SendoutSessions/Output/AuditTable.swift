import Foundation
import SendoutCore

/// The text tables `sendout audit` prints: one row per sendout of a delivery log, or one row per request of a
/// load test's audit file. Every cell is escaped (the log holds what receivers and scenarios sent).
public enum AuditTable {
  /// Delivery rows, like Voucherify's Webhook sendouts tab.
  public static func sendouts(_ rows: [AuditSummary.Row]) -> [String] {
    let header = ["STATUS", "TYPE", "SENDOUT ID", "SOURCE", "ATTEMPTS", "HTTP", "EXECUTED AT", "TARGET URL", "ERROR"]
    return lines(
      header: header,
      rows.map { row in
        let r = row.latest
        return [
          r.status.rawValue, r.type, r.sendoutID, "\(r.sourceObject.rawValue) \(r.sourceID)", "\(row.attempts)",
          r.httpStatus.map(String.init) ?? "-", r.executedAt.iso8601, r.targetURL, r.error ?? "",
        ]
      })
  }

  /// Load-test requests, in file order.
  public static func loadRequests(_ requests: [LoadAuditLine]) -> [String] {
    let header = ["STATUS", "SENDOUT ID", "HTTP", "LATENCY MS", "INTENDED MS", "SENT MS", "ERROR"]
    return lines(
      header: header,
      requests.map { r in
        [
          r.succeeded ? "SUCCESS" : "FAILED", r.sendoutID, r.httpStatus.map(String.init) ?? "-",
          milliseconds(r.latencyMilliseconds), milliseconds(r.intendedMilliseconds), milliseconds(r.sentMilliseconds),
          r.error ?? "",
        ]
      })
  }

  /// Milliseconds with microsecond precision, as the file has them.
  private static func milliseconds(_ ms: Double) -> String { String(format: "%.3f", ms) }

  /// Columns padded to their widest cell; the last column is not padded.
  private static func lines(header: [String], _ rows: [[String]]) -> [String] {
    let table = [header] + rows.map { $0.map(TerminalText.escape) }
    let widths = header.indices.map { i in table.map { $0[i].count }.max() ?? 0 }
    return table.map { line in
      line.indices.map { i in
        i == line.count - 1 ? line[i] : line[i].padding(toLength: widths[i], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
  }
}

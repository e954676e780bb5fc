import SendoutCore

/// What `sendout audit` prints for a log's contents: a delivery log one row per sendout, a load test's audit file
/// one row per request, as a table or as JSON.
public enum AuditListing {
  /// The rows of `contents` (read from `path`) whose latest status is `status` and type `type`, when given.
  public static func ending(_ contents: AuditLogContents, path: String, status: AuditStatus?, type: String?, json: Bool)
    -> CommandEnding
  {
    if !contents.loadLines.isEmpty {
      let requests = contents.loadLines.filter { status == nil || ($0.succeeded ? .success : .failed) == status }
      let lines =
        json
        ? [JSON.array(requests.map(\.json)).prettyString]
        : AuditTable.loadRequests(requests) + [
          "\n\(requests.count) load request\(requests.count == 1 ? "" : "s") from \(path)"
        ]
      guard contents.records.isEmpty else {
        return CommandEnding(lines, .badInput("\(path) mixes delivery records and load-test lines"))
      }
      return CommandEnding(lines)
    }
    let rows = AuditSummary(contents.records).filtered(status: status, type: type)
    if json { return CommandEnding([JSON.array(rows.map(\.json)).prettyString]) }
    if rows.isEmpty {
      return CommandEnding([contents.records.isEmpty ? "No sendouts recorded in \(path) yet." : "No sendouts match."])
    }
    return CommandEnding(
      AuditTable.sendouts(rows) + ["\n\(rows.count) sendout\(rows.count == 1 ? "" : "s") from \(path)"])
  }
}

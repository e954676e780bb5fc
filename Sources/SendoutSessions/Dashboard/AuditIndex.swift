import SendoutCore

/// The audit log as the dashboard holds it: `AuditSummary`'s rows (records kept without their bodies and
/// headers, which stay in the file), where each sendout's lines are in the file (to read "Show data" back), and
/// which row each record changed (so `?since=` answers only what changed). Grown one record at a time.
struct AuditIndex: Sendable {
  /// Where one record's line is in the file.
  struct LineRef: Sendable, Equatable {
    /// Byte offset of the line's first byte.
    var offset: Int
    /// Its length without the newline.
    var length: Int
  }

  /// The rows, one per sendout, oldest first (bodies and headers dropped).
  private(set) var summary = AuditSummary([])
  /// Every record's line, per row.
  private(set) var lines: [[LineRef]] = []
  /// For every record applied, in order, the row it changed.
  private(set) var changes: [Int] = []
  /// Lower-cased text the free-text search looks in, per row.
  private(set) var haystacks: [String] = []
  /// Event types and source ids seen, for the filters.
  private(set) var eventTypes: Set<String> = []
  /// Source ids seen.
  private(set) var sources: Set<String> = []
  /// Lines of a load test's audit file (one per request): counted, not shown.
  private(set) var loadLines = 0

  /// Records applied so far (the cursor of live updates).
  var recordCount: Int { changes.count }

  /// Adds the record read from the line at `line`.
  mutating func append(_ record: AuditRecord, at line: LineRef) {
    var light = record
    light.body = ""
    light.headers = []
    summary.append(light)
    guard let row = summary.position(of: record.sendoutID) else { return }
    if row == lines.count {
      lines.append([line])
      haystacks.append("")
    } else {
      lines[row].append(line)
    }
    haystacks[row] = Self.haystack(summary.rows[row].latest)
    changes.append(row)
    eventTypes.insert(record.eventType)
    sources.insert(record.sourceID)
  }

  /// Counts one load-test line.
  mutating func countLoadLine() { loadLines += 1 }

  /// The rows changed by records after the first `since`, newest first.
  func changedRows(since: Int) -> [Int] {
    guard since < changes.count else { return [] }
    var seen = Set<Int>()
    var rows: [Int] = []
    for row in changes[max(0, since)...].reversed() where seen.insert(row).inserted { rows.append(row) }
    return rows.sorted(by: >)
  }

  /// The positions of the rows `query` selects, newest first (every match; the caller pages).
  func matching(_ query: SendoutQuery) -> [Int] {
    let rows = summary.rows
    let needle = query.search?.lowercased()
    var out: [Int] = []
    var i = rows.count - 1
    while i >= 0 {
      let latest = rows[i].latest
      if (query.status == nil || latest.status == query.status)
        && (query.eventType == nil || latest.eventType == query.eventType || latest.type == query.eventType)
        && (query.source == nil || latest.sourceID == query.source)
        && (needle == nil || needle.map { haystacks[i].contains($0) } == true)
      {
        out.append(i)
      }
      i -= 1
    }
    return out
  }

  /// What free-text search looks in: ids, types, source, target URL, HTTP status and error.
  private static func haystack(_ record: AuditRecord) -> String {
    [
      record.sendoutID, record.eventType, record.type, record.eventID, record.sourceID, record.targetURL,
      record.requestID, record.status.rawValue, record.httpStatus.map(String.init) ?? "", record.error ?? "",
    ].joined(separator: "\u{1F}").lowercased()
  }
}

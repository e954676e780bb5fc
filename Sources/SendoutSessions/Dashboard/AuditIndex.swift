import SendoutCore

/// The audit log as the dashboard holds it: `AuditSummary`'s rows (records kept without their bodies and
/// headers, which stay in the file), where each sendout's lines are in the file (to read "Show data" back), and
/// which row each record changed (so `?since=` answers only what changed). Grown one record at a time.
struct AuditIndex: Sendable {
  /// Where one record's line is in the file, and a checksum of its bytes to verify them when read back.
  struct LineRef: Sendable, Equatable {
    /// Byte offset of the line's first byte.
    var offset: Int
    /// Its length without the newline.
    var length: Int
    /// `checksum(line)`: bytes read back at `offset` are this record's only if they match.
    var checksum: UInt64

    /// The first 8 bytes of the line's SHA-256.
    static func checksum(_ line: [UInt8]) -> UInt64 {
      SHA256.hash(line).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
  }

  /// The rows, one per sendout, oldest first (bodies and headers dropped).
  private(set) var summary = AuditSummary([])
  /// Every record's line, per row.
  private(set) var lines: [[LineRef]] = []
  /// For every record applied, in order, the row it changed.
  private(set) var changes: [Int] = []
  /// Lower-cased UTF-8 text the free-text search looks in, per row.
  private(set) var haystacks: [[UInt8]] = []
  /// What the filters compare, per row (kept apart from the records so a scan copies no record).
  private(set) var keys: [FilterKeys] = []
  /// Event types and source ids seen, for the filters.
  private(set) var eventTypes: Set<String> = []
  /// Source ids seen.
  private(set) var sources: Set<String> = []
  /// Lines of a load test's audit file (one per request): counted, not shown.
  private(set) var loadLines = 0

  /// The fields one row's filters compare.
  struct FilterKeys: Sendable, Equatable {
    /// The latest status.
    var status: AuditStatus
    /// The event type.
    var eventType: String
    /// The envelope type.
    var type: String
    /// The source id.
    var sourceID: String
  }

  /// Records applied so far (the cursor of live updates).
  var recordCount: Int { changes.count }

  /// Adds the record read from the line at `line`.
  mutating func append(_ record: AuditRecord, at line: LineRef) {
    var light = record
    light.body = ""
    light.headers = []
    light.answer = nil  // Show data reads it back from the line: memory stays flat with 4 KiB answers
    summary.append(light)
    guard let row = summary.position(of: record.sendoutID) else { return }
    let latest = summary.rows[row].latest
    let rowKeys = FilterKeys(
      status: latest.status, eventType: latest.eventType, type: latest.type, sourceID: latest.sourceID)
    if row == lines.count {
      lines.append([line])
      haystacks.append(Self.haystack(latest))
      keys.append(rowKeys)
    } else {
      lines[row].append(line)
      haystacks[row] = Self.haystack(latest)
      keys[row] = rowKeys
    }
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

  /// How many rows `query` selects, and the positions of those on its page, newest first.
  func matching(_ query: SendoutQuery) -> (total: Int, page: [Int]) {
    let first = (query.page - 1) * query.limit
    let unfiltered = query.status == nil && query.eventType == nil && query.source == nil && query.search == nil
    if unfiltered {
      let top = keys.count - 1 - first
      return (keys.count, top < 0 ? [] : Array(stride(from: top, through: max(0, top - query.limit + 1), by: -1)))
    }
    let needle = query.search.map { Array($0.lowercased().utf8) }
    var total = 0
    var page: [Int] = []
    var i = keys.count - 1
    while i >= 0 {
      let k = keys[i]
      if (query.status == nil || k.status == query.status)
        && (query.eventType == nil || k.eventType == query.eventType || k.type == query.eventType)
        && (query.source == nil || k.sourceID == query.source)
        && (needle.map { Self.contains(haystacks[i], $0) } ?? true)
      {
        if total >= first && page.count < query.limit { page.append(i) }
        total += 1
      }
      i -= 1
    }
    return (total, page)
  }

  /// What free-text search looks in: ids, types, source, target URL, HTTP status and error.
  private static func haystack(_ record: AuditRecord) -> [UInt8] {
    Array(
      [
        record.sendoutID, record.eventType, record.type, record.eventID, record.sourceID, record.targetURL,
        record.requestID, record.status.rawValue, record.httpStatus.map { "HTTP \($0)" } ?? "", record.error ?? "",
      ].joined(separator: "\u{1F}").lowercased().utf8)
  }

  /// Whether `needle` occurs in `haystack` (bytes; a plain scan is fast enough for 100,000 rows of ~200 bytes).
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { h in
      needle.withUnsafeBufferPointer { n in
        var i = 0
        let last = h.count - n.count
        while i <= last {
          if h[i] == first {
            var j = 1
            while j < n.count && h[i + j] == n[j] { j += 1 }
            if j == n.count { return true }
          }
          i += 1
        }
        return false
      }
    }
  }
}

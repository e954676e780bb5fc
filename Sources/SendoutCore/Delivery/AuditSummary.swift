/// The audit log as Voucherify's Webhook sendouts tab shows it: one row per sendout with its latest
/// status and how many attempts it took, in order of first appearance. Duplicate re-deliveries
/// (`run --duplicates`) count as attempts but never change a sendout's status or pause its source.
public struct AuditSummary: Sendable, Equatable {
  /// One sendout's row.
  public struct Row: Sendable, Equatable {
    /// The latest record of the sendout.
    public var latest: AuditRecord
    /// Attempts made so far (the highest attempt number seen).
    public var attempts: Int
    /// The latest record of an actual attempt (not SKIPPED), if any.
    public var lastAttempt: AuditRecord?

    /// Whether the last attempt failed for good: latest FAILED, or SKIPPED after a FAILED attempt
    /// (a re-fire of the same sendout id while its source was paused). `retry --failed` picks these.
    public var lastAttemptFailed: Bool {
      lastAttempt?.status == .failed && latest.status != .success && latest.status != .retrying
    }

    /// The latest record's JSON with `attempts` after `attempt` (`sendout audit --json`, `GET /_sendout/sendouts`).
    public var json: JSON {
      guard case .object(let record) = latest.json else { return .null }
      var out = JSONObject()
      for member in record.members {
        out.append(member.key, member.value)
        if member.key == "attempt" { out.append("attempts", .int(attempts)) }
      }
      return .object(out)
    }
  }

  /// The rows, in order of each sendout's first record.
  public var rows: [Row]
  /// The FAILED record that left each source paused (distribution) or disabled (project webhook), by source id
  /// and target URL: a webhook is its URL, as in Voucherify, so a FAILED record pauses its source at that URL
  /// only, and a later SUCCESS for the source at that URL (e.g. a manual retry) sets it live again.
  public private(set) var pauses: [SourceAtTarget: AuditRecord]
  private var index: [String: Int]

  /// Ids of sources left paused or disabled at some target URL.
  public var pausedSources: Set<String> { Set(pauses.keys.map(\.sourceID)) }

  /// The FAILED record that paused `source` at its target URL, or `nil` when it is live there.
  public func pause(of source: SendoutSource) -> AuditRecord? {
    pauses[SourceAtTarget(sourceID: source.id, targetURL: TargetURL.withoutPassword(source.targetURL))]
  }

  /// Summarises `records` (oldest first).
  public init(_ records: [AuditRecord]) {
    rows = []
    index = [:]
    pauses = [:]
    for record in records { append(record) }
  }

  /// Adds one more record (the next line of the log): the dashboard keeps its summary up to date this way as the
  /// log grows, without summarising every record again.
  public mutating func append(_ record: AuditRecord) {
    if record.duplicate {  // a re-delivery after SUCCESS: an attempt, but never the sendout's status
      if let i = index[record.sendoutID] { rows[i].attempts = max(rows[i].attempts, record.attempt) }
      return
    }
    let key = SourceAtTarget(sourceID: record.sourceID, targetURL: record.targetURL)
    if record.status == .failed { pauses[key] = record }
    if record.status == .success { pauses[key] = nil }
    let attempt = record.status == .skipped ? nil : record
    if let i = index[record.sendoutID] {
      rows[i].latest = record
      rows[i].attempts = max(rows[i].attempts, record.attempt)
      if let attempt { rows[i].lastAttempt = attempt }
    } else {
      index[record.sendoutID] = rows.count
      rows.append(Row(latest: record, attempts: record.attempt, lastAttempt: attempt))
    }
  }

  /// The position in `rows` of sendout `id`, or `nil`.
  public func position(of id: String) -> Int? { index[id] }

  /// The rows whose latest status is `status` and/or whose type or event type is `type` (`nil` = any).
  public func filtered(status: AuditStatus? = nil, type: String? = nil) -> [Row] {
    rows.filter { row in
      (status == nil || row.latest.status == status)
        && (type == nil || row.latest.type == type || row.latest.eventType == type)
    }
  }

  /// The row of sendout `id`, or `nil`.
  public func row(for id: String) -> Row? { index[id].map { rows[$0] } }

  /// The latest record of sendout `id`, or `nil`.
  public func latest(for id: String) -> AuditRecord? { row(for: id)?.latest }
}

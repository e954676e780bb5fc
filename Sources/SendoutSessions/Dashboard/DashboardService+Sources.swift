import SendoutAPI
import SendoutCore
import SendoutIO

/// The sources (webhook targets) endpoints: each source at each target URL with its state, and Resume.
extension DashboardService {
  /// `GET /_sendout/api/sources`: one row per source and target URL, in order of first sendout, with its state
  /// (`live`, or `paused` for a distribution and `disabled` for a project webhook, as Voucherify names them) and the
  /// FAILED sendout that paused it.
  func sources() -> JSON {
    let paused = configuration.sources?.paused()
    let inFlight = retries.inFlight
    return read { index, _ in
      var order: [SourceAtTarget] = []
      var rows: [SourceAtTarget: (record: AuditRecord, count: Int)] = [:]
      for row in index.summary.rows {
        let key = SourceAtTarget(sourceID: row.latest.sourceID, targetURL: row.latest.targetURL)
        if let seen = rows[key] {
          rows[key] = (row.latest, seen.count + 1)
        } else {
          order.append(key)
          rows[key] = (row.latest, 1)
        }
      }
      let list = order.map { key -> JSON in
        let latest = rows[key]?.record
        let pause = index.summary.pauses[key]
        let isPaused = paused.map { $0.contains(key.sourceID) } ?? (pause != nil)
        var o = JSONObject()
        o.append("id", .string(key.sourceID))
        o.append("object", .string(latest?.sourceObject.rawValue ?? ""))
        o.append("target_url", .string(key.targetURL))
        o.append("state", .string(isPaused ? (latest?.sourceObject == .distribution ? "paused" : "disabled") : "live"))
        o.append("sendouts", .int(rows[key]?.count ?? 0))
        o.append("last_status", .string(latest?.status.rawValue ?? ""))
        o.append("paused_by", isPaused ? pause.map { .string($0.sendoutID) } ?? .null : .null)
        o.append("resume_in_flight", .bool(pause.map { inFlight.contains($0.sendoutID) } ?? false))
        return .object(o)
      }
      return ["object": "list", "total": .int(list.count), "sources": .array(list)]
    }
  }

  /// `POST /_sendout/api/sources/{id}/resume`: sets a paused source live again. In `sendout serve` its queue resumes
  /// the source (as `POST /_sendout/delivery/resume` does); in `sendout dashboard` the FAILED sendout that paused it is
  /// sent again as `fire --resume` and `retry` do (a SUCCESS sets the source live in the audit log). Answers 202.
  func resume(_ id: String) throws(VoucherifyError) -> JSON {
    if let control = configuration.sources {
      guard control.resume(id) else { throw Self.notPaused(id) }
      return ["source": .string(id), "state": "live"]
    }
    let pausing = read { index, _ in
      index.summary.pauses.filter { $0.key.sourceID == id }.values.map(\.sendoutID).sorted()
    }
    guard let first = pausing.first else { throw Self.notPaused(id) }
    _ = try retry(first)
    return ["source": .string(id), "resending": .string(first)]
  }

  /// A 404 naming the source.
  static func notPaused(_ id: String) -> VoucherifyError {
    VoucherifyError(
      status: 404, key: "not_found", message: "Resource not found", details: "No paused source '\(id)'",
      resourceID: id, resourceType: "source")
  }
}

/// How the receiver answered the duplicate re-deliveries of a run (`run --duplicates`): a receiver that
/// deduplicates by sendout id must still acknowledge a duplicate with 2xx, or Voucherify keeps retrying it.
public struct DuplicateReport: Sendable, Equatable {
  /// Every duplicate attempt's record, in the order written.
  public var records: [AuditRecord]

  /// The duplicate records among `records`.
  public init(_ records: [AuditRecord]) { self.records = records.filter(\.duplicate) }

  /// Duplicates sent.
  public var sent: Int { records.count }
  /// Duplicates answered 2xx.
  public var acknowledged: Int { records.filter { $0.status == .success }.count }
  /// Duplicates answered otherwise (a non-2xx, or no answer).
  public var notAcknowledged: [AuditRecord] { records.filter { $0.status != .success } }

  /// `3 duplicates re-delivered: 2 answered 2xx, 1 not`, then one line per unacknowledged duplicate (at most 10).
  public var lines: [String] {
    guard sent > 0 else { return [] }
    let missed = notAcknowledged
    var out = [
      "Duplicates: \(sent) re-delivered (same id, bytes and signature), \(acknowledged) answered 2xx"
        + (missed.isEmpty ? "" : ", \(missed.count) not")
    ]
    for r in missed.prefix(10) {
      // The answer: its status, or why there was none. (Written as plain statements: the 6.3 optimizer crashed
      // on the same logic as one `map … ?? … ??` expression inside the interpolation.)
      var answer = r.error ?? ""
      if let status = r.httpStatus { answer = "HTTP \(status)" }
      out.append("  duplicate  \(r.sendoutID)  \(r.eventType)  \(answer)")
    }
    if missed.count > 10 { out.append("  … and \(missed.count - 10) more (records with \"duplicate\": true)") }
    return out
  }

  /// `{"sent", "acknowledged", "not_acknowledged": [{sendout_id, event_type, http_status, error}]}`.
  public var json: JSON {
    [
      "sent": .int(sent), "acknowledged": .int(acknowledged),
      "not_acknowledged": .array(
        notAcknowledged.map {
          [
            "sendout_id": .string($0.sendoutID), "event_type": .string($0.eventType),
            "http_status": $0.httpStatus.map { .int($0) } ?? .null, "error": $0.error.map(JSON.string) ?? .null,
          ]
        }),
    ]
  }

  /// The `duplicates_acknowledged` expectation: every duplicate answered 2xx.
  public var check: RunSummary.Check {
    let detail =
      sent == 0
      ? "no duplicates were sent (run with --duplicates F)" : "\(acknowledged)/\(sent) duplicates answered 2xx"
    return RunSummary.Check(name: "duplicates acknowledged", passed: notAcknowledged.isEmpty, detail: detail)
  }
}

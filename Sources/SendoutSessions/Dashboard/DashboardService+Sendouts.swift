import SendoutAPI
import SendoutCore
import SendoutIO

/// The Webhook sendouts endpoints: the list, what changed since a cursor, one sendout's data, and Retry.
extension DashboardService {
  /// The rows one changes answer holds at most (more: the page reloads its list).
  static let maxChanges = 200

  /// `GET /_sendout/api/info`: the log, its size, the cursor, warnings about skipped lines.
  func info() -> JSON {
    let (records, loadLines, cursor) = read { index, generation in
      (index.recordCount, index.loadLines, Self.cursor(generation, index.recordCount))
    }
    var o = JSONObject()
    o.append("audit_path", .string(configuration.delivery.auditPath))
    o.append("records", .int(records))
    o.append("load_lines", .int(loadLines))
    o.append("cursor", .string(cursor))
    o.append("world", .bool(hasWorld))
    o.append("warnings", .array(tail.warnings.map(JSON.string)))
    return .object(o)
  }

  /// `GET /_sendout/api/sendouts`: one page of rows, newest first, with the filters' choices and the cursor.
  func list(_ query: SendoutQuery) throws(VoucherifyError) -> JSON {
    let inFlight = retries.inFlight
    return read { index, generation in
      let (total, page) = index.matching(query)
      var o = JSONObject()
      o.append("object", "list")
      o.append("total", .int(total))
      o.append("page", .int(query.page))
      o.append("limit", .int(query.limit))
      o.append("pages", .int(max(1, (total + query.limit - 1) / query.limit)))
      o.append("cursor", .string(Self.cursor(generation, index.recordCount)))
      o.append("event_types", .array(index.eventTypes.sorted().map(JSON.string)))
      o.append("sources", .array(index.sources.sorted().map(JSON.string)))
      o.append("sendouts", .array(page.map { Self.row(index.summary.rows[$0], inFlight: inFlight) }))
      return .object(o)
    }
  }

  /// `GET /_sendout/api/sendouts/changes?since=CURSOR`: the rows changed since `CURSOR` (newest first); `reset`
  /// when the log was replaced or truncated since (the page then reloads everything).
  func changes(since text: String?) throws(VoucherifyError) -> JSON {
    let inFlight = retries.inFlight
    let parsed = text.flatMap(Self.parseCursor)
    if let text, parsed == nil {
      throw SendoutQuery.invalid("`since` must be a cursor like '3:120' from an earlier answer, got '\(text)'")
    }
    return read { index, generation in
      let reset = parsed.map { $0.generation != generation || $0.records > index.recordCount } ?? true
      let rows = reset ? [] : index.changedRows(since: parsed?.records ?? 0)
      var o = JSONObject()
      o.append("cursor", .string(Self.cursor(generation, index.recordCount)))
      o.append("reset", .bool(reset))
      o.append("total_changed", .int(rows.count))
      o.append(
        "sendouts",
        .array(rows.prefix(Self.maxChanges).map { Self.row(index.summary.rows[$0], inFlight: inFlight) }))
      return .object(o)
    }
  }

  /// `GET /_sendout/api/sendouts/{id}`: the row, the exact body (and pretty-printed), the headers as recorded
  /// (secrets redacted), and every attempt with the receiver's answer.
  func detail(_ id: String) throws(VoucherifyError) -> JSON {
    let inFlight = retries.inFlight
    let (row, records) = try records(of: id)
    let latest = records.last(where: { !$0.duplicate }) ?? records.last
    var o = JSONObject()
    o.append("sendout", Self.row(row, inFlight: inFlight))
    o.append("body", .string(latest?.body ?? ""))
    o.append(
      "body_pretty",
      latest.flatMap { try? JSONParser.parse(Array($0.body.utf8)).prettyString }.map(JSON.string) ?? .null)
    o.append(
      "headers", .array((latest?.headers ?? []).map { ["name": .string($0.name), "value": .string($0.value)] }))
    o.append("redacted_headers", .array((latest?.redactedHeaderNames ?? []).map(JSON.string)))
    o.append("attempts", .array(records.map(Self.attempt)))
    o.append("call", configuration.calls?.call(causing: id).map(APICallLog.json) ?? .null)
    return .object(o)
  }

  /// `POST /_sendout/api/sendouts/{id}/retry`: starts resending the sendout as `sendout retry ID` does and answers
  /// 202 at once; the new record shows in the list when it is written.
  func retry(_ id: String) throws(VoucherifyError) -> JSON {
    let records = try records(of: id).records
    if let latest = records.last(where: { !$0.duplicate }) ?? records.last {
      do throws(SessionError) { try ResendSession.check(latest, in: configuration.delivery.auditPath) } catch {
        throw VoucherifyError(
          status: 422, key: "invalid_audit_record", message: "Unprocessable Entity", details: error.message)
      }
    }
    var settings = configuration.delivery
    settings.policy = .none
    let configuration = ResendSession.Configuration(sendoutIDs: [id], failed: false, delivery: settings)
    let observer = self.observer
    let started = retries.start(id) {
      do throws(SessionError) {
        _ = try await ResendSession.run(configuration) { event in
          if case .warning = event { observer(event) }
        }
      } catch {
        observer(.warning("Retry of \(id) from the dashboard failed: \(error.message)"))
      }
    }
    guard started else {
      throw VoucherifyError(
        status: 409, key: "retry_in_progress", message: "Conflict", details: "\(id) is being retried already")
    }
    return ["sendout_id": .string(id), "retrying": true]
  }

  /// Sendout `id`'s row and its records read back from the file, oldest first; a line whose bytes changed since it
  /// was indexed, or that holds another sendout, is left out (the file changed under us: what is still there shows).
  func records(of id: String) throws(VoucherifyError) -> (row: AuditSummary.Row, records: [AuditRecord]) {
    let (row, refs) = try read { (index, _) throws(VoucherifyError) in
      guard let position = index.summary.position(of: id) else { throw Self.unknown(id) }
      return (index.summary.rows[position], index.lines[position])
    }
    let records = refs.compactMap { ref -> AuditRecord? in
      guard let bytes = tail.bytes(at: ref), let json = try? JSONParser.parse(bytes),
        let record = try? AuditRecord(json: json), record.sendoutID == id
      else { return nil }
      return record
    }
    return (row, records)
  }

  /// Runs `body` on the caught-up index.
  func read<T: Sendable, E: Error>(_ body: (AuditIndex, Int) throws(E) -> T) throws(E) -> T { try tail.read(body) }

  /// One row of the list: `AuditSummary.Row.json` without body, headers and the receiver's answer, plus `retryable`
  /// and `retry_in_flight`.
  static func row(_ row: AuditSummary.Row, inFlight: Set<String>) -> JSON {
    var out = JSONObject()
    for member in row.json.objectValue?.members ?? [] where !["headers", "body", "response"].contains(member.key) {
      out.append(member.key, member.value)
    }
    out.append("retryable", .bool(row.lastAttemptFailed))
    out.append("retry_in_flight", .bool(inFlight.contains(row.latest.sendoutID)))
    return .object(out)
  }

  /// One attempt of "Show data".
  static func attempt(_ record: AuditRecord) -> JSON {
    var o = JSONObject()
    o.append("attempt", .int(record.attempt))
    o.append("status", .string(record.status.rawValue))
    o.append("executed_at", .string(record.executedAt.iso8601))
    o.append("http_status", record.httpStatus.map { .int($0) } ?? .null)
    o.append("latency_ms", .int(Int(record.latencyMilliseconds)))
    o.append("error", record.error.map(JSON.string) ?? .null)
    o.append("next_attempt_at", record.nextAttemptAt.map { .string($0.iso8601) } ?? .null)
    o.append("duplicate", .bool(record.duplicate))
    o.append("target_url", .string(record.targetURL))
    o.append("response", record.answer?.json ?? .null)
    return .object(o)
  }

  /// `GENERATION:RECORDS`.
  static func cursor(_ generation: Int, _ records: Int) -> String { "\(generation):\(records)" }

  /// The parts of a cursor, or `nil`.
  static func parseCursor(_ text: String) -> (generation: Int, records: Int)? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let g = Int(parts[0]), let n = Int(parts[1]), n >= 0 else { return nil }
    return (g, n)
  }

  /// A 404 naming the id.
  static func unknown(_ id: String) -> VoucherifyError {
    VoucherifyError(
      status: 404, key: "not_found", message: "Resource not found", details: "No sendout '\(id)' in the audit log",
      resourceID: id, resourceType: "sendout")
  }
}

import Foundation

/// The outcome of a scenario run, from the plan and the audit records the run appended: counts by event
/// type and final status, latency percentiles, and the expectations met or not. Pure, so reports are tested
/// without a network.
public struct RunSummary: Sendable {
  /// One planned sendout and how it ended.
  public struct Outcome: Sendable, Equatable {
    /// What was planned.
    public var planned: PlannedSendout
    /// Its final status (`RETRYING` when the run was interrupted before the end).
    public var status: AuditStatus
    /// Attempts made.
    public var attempts: Int
    /// The last attempt's error or HTTP status text, if it did not succeed.
    public var error: String?
    /// The last HTTP status seen.
    public var httpStatus: Int?
  }

  /// One expectation and whether it held.
  public struct Check: Sendable, Equatable {
    /// `all delivered`, `at most 0 failures`, `received redemption.succeeded`, `p99 latency under 250ms`.
    public var name: String
    /// Whether it held.
    public var passed: Bool
    /// What was measured.
    public var detail: String
  }

  /// The scenario's name.
  public var name: String
  /// Every planned sendout, in plan order, with its outcome.
  public var outcomes: [Outcome]
  /// Latency of every attempt that got a response, in µs.
  public var latency: Histogram
  /// The expectations, checked.
  public var checks: [Check]
  /// How the receiver answered duplicate re-deliveries (`run --duplicates`).
  public var duplicates: DuplicateReport

  /// Summarises `records` (as appended during the run) for `plan` against `expect`.
  public init(name: String, plan: [PlannedSendout], records: [AuditRecord], expect: Expectations) {
    self.name = name
    let rows = Dictionary(AuditSummary(records).rows.map { ($0.latest.sendoutID, $0) }, uniquingKeysWith: { $1 })
    var latency = Histogram()
    for r in records where r.httpStatus != nil { latency.record(r.latencyMilliseconds * 1000) }
    outcomes = plan.map { p in
      let r = rows[p.sendout.id]?.latest
      return Outcome(
        planned: p, status: r?.status ?? .retrying, attempts: rows[p.sendout.id]?.attempts ?? 0,
        error: r?.status == .success ? nil : (r?.error ?? (r == nil ? "not sent (run interrupted)" : nil)),
        httpStatus: r?.httpStatus)
    }
    self.latency = latency
    duplicates = DuplicateReport(records)
    checks = RunSummary.check(expect, outcomes: outcomes, latency: latency)
    if expect.duplicatesAcknowledged { checks.append(duplicates.check) }
  }

  /// Whether every expectation held.
  public var passed: Bool { checks.allSatisfy(\.passed) }

  /// Sendouts that did not end in `SUCCESS`.
  public var failures: [Outcome] { outcomes.filter { $0.status != .success } }

  static func check(_ e: Expectations, outcomes: [Outcome], latency: Histogram) -> [Check] {
    var checks: [Check] = []
    let failed = outcomes.filter { $0.status != .success }.count
    if e.allDelivered {
      checks.append(
        Check(
          name: "all delivered", passed: failed == 0, detail: "\(outcomes.count - failed)/\(outcomes.count) delivered"))
    }
    if let max = e.maxFailures {
      checks.append(Check(name: "at most \(max) failures", passed: failed <= max, detail: "\(failed) failed"))
    }
    for type in e.received {
      let n = outcomes.filter { $0.planned.sendout.eventType == type && $0.status == .success }.count
      checks.append(Check(name: "received \(type)", passed: n > 0, detail: "\(n) delivered"))
    }
    if let limit = e.p99Milliseconds {
      let p99 = Double(latency.value(atPercentile: 99)) / 1000
      checks.append(
        Check(
          name: "p99 latency under \(DurationText.format(milliseconds: limit))", passed: p99 <= limit,
          detail: "p99 \(DurationText.format(milliseconds: p99))"))
    }
    return checks
  }

  /// Counts by event type and final status, event types in first-seen order.
  public var byEventType: [(type: String, counts: [AuditStatus: Int])] {
    var order: [String] = []
    var counts: [String: [AuditStatus: Int]] = [:]
    for o in outcomes {
      let t = o.planned.sendout.eventType
      if counts[t] == nil { order.append(t) }
      counts[t, default: [:]][o.status, default: 0] += 1
    }
    return order.map { ($0, counts[$0, default: [:]]) }
  }

  /// The summary table and expectations, as printed at the end of `sendout run`.
  public var text: String {
    let statuses: [AuditStatus] = [.success, .failed, .skipped, .retrying]
    let rows = byEventType
    let width = max(10, rows.map(\.type.count).max() ?? 0)
    func pad(_ s: String, _ w: Int) -> String { s.padding(toLength: w, withPad: " ", startingAt: 0) }
    var lines = [pad("EVENT TYPE", width) + "  " + statuses.map { pad($0.rawValue, 9) }.joined() + "TOTAL"]
    for row in rows {
      let total = row.counts.values.reduce(0, +)
      lines.append(
        pad(row.type, width) + "  " + statuses.map { pad(String(row.counts[$0] ?? 0), 9) }.joined() + String(total))
    }
    let all = Dictionary(grouping: outcomes, by: \.status).mapValues(\.count)
    lines.append(
      pad("all", width) + "  " + statuses.map { pad(String(all[$0] ?? 0), 9) }.joined() + String(outcomes.count))
    lines.append("")
    if latency.totalCount > 0 {
      let ms = { (p: Double) in DurationText.format(milliseconds: Double(self.latency.value(atPercentile: p)) / 1000) }
      lines.append(
        "Latency (\(latency.totalCount) responses): p50 \(ms(50))  p90 \(ms(90))  p99 \(ms(99))  max \(DurationText.format(milliseconds: Double(latency.max) / 1000))"
      )
    }
    for f in failures.prefix(10) {
      lines.append(
        "\(f.status.rawValue)  \(f.planned.sendout.id)  \(f.planned.sendout.eventType) → \(f.planned.endpointName)  (\(f.planned.stepPath))  \(f.error ?? "")"
      )
    }
    if failures.count > 10 { lines.append("… and \(failures.count - 10) more not delivered (see the audit log)") }
    lines += duplicates.lines
    for c in checks { lines.append("\(c.passed ? "✔" : "✘") expect \(c.name): \(c.detail)") }
    lines.append(passed ? "PASSED: \(name)" : "FAILED: \(name)")
    return lines.map(TerminalText.escape).joined(separator: "\n")  // names, types and errors come from input
  }

  /// The summary as JSON for scripts.
  public var json: JSON {
    var types = JSONObject()
    for row in byEventType {
      types.append(
        row.type,
        .object(
          JSONObject(
            row.counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { JSONMember($0.key.rawValue, .int($0.value)) })
        ))
    }
    var latencyJSON = JSONObject()
    for (name, p) in [("p50", 50.0), ("p90", 90.0), ("p99", 99.0)] {
      latencyJSON.append(name, .double(Double(latency.value(atPercentile: p)) / 1000))
    }
    latencyJSON.append("max", .double(Double(latency.max) / 1000))
    return [
      "scenario": .string(name),
      "passed": .bool(passed),
      "sendouts": .int(outcomes.count),
      "delivered": .int(outcomes.count - failures.count),
      "by_event_type": .object(types),
      "latency_ms": .object(latencyJSON),
      "duplicates": duplicates.json,
      "expectations": .array(
        checks.map { ["name": .string($0.name), "passed": .bool($0.passed), "detail": .string($0.detail)] }),
      "failures": .array(
        failures.map {
          [
            "sendout_id": .string($0.planned.sendout.id), "event_type": .string($0.planned.sendout.eventType),
            "endpoint": .string($0.planned.endpointName), "step": .string($0.planned.stepPath),
            "status": .string($0.status.rawValue), "attempts": .int($0.attempts),
            "error": $0.error.map(JSON.string) ?? .null,
          ]
        }),
    ]
  }
}

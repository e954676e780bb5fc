/// What `sendout run --resume` still has to do, from the run's planned sendouts and the audit log an
/// earlier (interrupted or killed) run of the same scenario and seed left behind. Pure.
///
/// Per planned sendout, by its latest record: `SUCCESS` is done and never resent; `FAILED` and `SKIPPED`
/// are final too (`sendout retry --failed` resends them); `RETRYING` (interrupted mid-schedule) is sent
/// again, its attempt numbers continuing; a sendout with no record was never sent and is sent now.
/// Sources with a `FAILED` sendout stay paused, so their later sendouts are `SKIPPED` as in one run.
public struct ResumePlan: Sendable {
  /// Sendouts to deliver now, in plan order.
  public var toSend: [Sendout]
  /// The highest attempt number already made, for sendouts being sent again.
  public var previousAttempts: [String: Int]
  /// The log's records of this run's sendouts (for the summary), in log order.
  public var earlierRecords: [AuditRecord]
  /// Sources paused by a `FAILED` sendout of this run.
  public var pausedSources: Set<String>
  /// Planned sendouts already `SUCCESS`.
  public var delivered: Int
  /// Planned sendouts left `RETRYING`, sent again now.
  public var retrying: Int
  /// Planned sendouts with no record yet.
  public var unsent: Int

  /// Splits `plan` by what `records` (the whole audit log) say about each sendout.
  public init(plan: [Sendout], records: [AuditRecord]) {
    let planned = Set(plan.map(\.id))
    earlierRecords = records.filter { planned.contains($0.sendoutID) }
    let rows = Dictionary(AuditSummary(earlierRecords).rows.map { ($0.latest.sendoutID, $0) }, uniquingKeysWith: { $1 })
    toSend = []
    previousAttempts = [:]
    pausedSources = []
    (delivered, retrying, unsent) = (0, 0, 0)
    for sendout in plan {
      switch rows[sendout.id]?.latest.status {
      case .success?: delivered += 1
      case .failed?: pausedSources.insert(sendout.source.id)
      case .skipped?: continue
      case .retrying?:
        retrying += 1
        toSend.append(sendout)
        previousAttempts[sendout.id] = rows[sendout.id]?.attempts ?? 0
      case nil:
        unsent += 1
        toSend.append(sendout)
      }
    }
  }
}

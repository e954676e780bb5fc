/// What a dispatch run did: every record written, the final status of each sendout, the sources it
/// paused, and whether it was cancelled or could not write the audit log.
public struct DeliveryReport: Sendable, Equatable {
  /// Every record, in the order written.
  public var records: [AuditRecord] = []
  /// Sources paused (distributions) or disabled (project webhooks) during the run.
  public var pausedSources: [SendoutSource] = []
  /// Whether the run was cancelled (Ctrl-C) before every sendout finished.
  public var cancelled = false
  /// The first audit-log write failure, if any (delivery went on regardless).
  public var auditError: AuditLogError?

  /// Creates an empty report.
  public init() {}

  /// The latest status of each sendout, keyed by sendout id (duplicate re-deliveries do not count).
  public var finalStatus: [String: AuditStatus] {
    var result: [String: AuditStatus] = [:]
    for record in records where !record.duplicate { result[record.sendoutID] = record.status }
    return result
  }

  /// Whether every sendout ended in SUCCESS.
  public var allDelivered: Bool { !records.isEmpty && finalStatus.values.allSatisfy { $0 == .success } }

  /// The records of one sendout, oldest first.
  public func records(of sendoutID: String) -> [AuditRecord] { records.filter { $0.sendoutID == sendoutID } }
}

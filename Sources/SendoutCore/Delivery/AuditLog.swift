/// Where audit records go: appended one by one, each durable before `append` returns, and read back.
///
/// `FileAuditLog` (SendoutIO) writes JSON Lines; `InMemoryAuditLog` (SendoutTestSupport) keeps an array.
public protocol AuditLog: Sendable {
  /// Appends one record.
  func append(_ record: AuditRecord) throws(AuditLogError)
  /// Every record so far, in order, with warnings about lines that were skipped.
  func read() throws(AuditLogError) -> AuditLogContents
}

/// What reading an audit log gives: its records and any warnings (a partial last line).
public struct AuditLogContents: Sendable, Equatable {
  /// The records, in file order.
  public var records: [AuditRecord]
  /// Human-readable notes about skipped content.
  public var warnings: [String]
  /// Lines of a load test's audit file (`sendout load --audit`), one per request, in file order.
  public var loadLines: [LoadAuditLine] = []

  /// Creates contents.
  public init(records: [AuditRecord] = [], warnings: [String] = []) {
    self.records = records
    self.warnings = warnings
  }
}

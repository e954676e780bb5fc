import Foundation
import SendoutCore

/// An `AuditLog` that keeps records in memory; its `line` bytes are kept too, to test the file format.
public final class InMemoryAuditLog: AuditLog, @unchecked Sendable {
  private let lock = NSLock()
  private var stored: [AuditRecord] = []
  private var bytes: [UInt8] = []

  /// An empty log.
  public init() {}

  /// Appends `record` and its JSON line.
  public func append(_ record: AuditRecord) throws(AuditLogError) {
    lock.withLock {
      stored.append(record)
      bytes += record.line
    }
  }

  /// The records, parsed back from the JSON Lines bytes (so the format round-trips in every test).
  public func read() throws(AuditLogError) -> AuditLogContents {
    try AuditLogParser.parse(lock.withLock { bytes }, path: "memory")
  }

  /// The records as appended.
  public var records: [AuditRecord] { lock.withLock { stored } }

  /// The JSON Lines bytes as they would be in a file.
  public var jsonLines: [UInt8] { lock.withLock { bytes } }
}

import Foundation
import SendoutCore
import Synchronization

/// An `AuditLog` that keeps records in memory; its `line` bytes are kept too, to test the file format.
public final class InMemoryAuditLog: AuditLog, Sendable {
  private struct State {
    var stored: [AuditRecord] = []
    var bytes: [UInt8] = []
  }
  private let state = Mutex(State())

  /// An empty log.
  public init() {}

  /// Appends `record` and its JSON line.
  public func append(_ record: AuditRecord) throws(AuditLogError) {
    state.withLock {
      $0.stored.append(record)
      $0.bytes += record.line
    }
  }

  /// The records, parsed back from the JSON Lines bytes (so the format round-trips in every test).
  public func read() throws(AuditLogError) -> AuditLogContents {
    try AuditLogParser.parse(state.withLock { $0.bytes }, path: "memory")
  }

  /// The records as appended.
  public var records: [AuditRecord] { state.withLock { $0.stored } }

  /// The JSON Lines bytes as they would be in a file.
  public var jsonLines: [UInt8] { state.withLock { $0.bytes } }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// Issue 17: an audit log must be a regular file. A FIFO made `fire` and `audit` block forever in `open`, and
/// `/dev/zero` was read until memory ran out (regressed when reads moved from `FileManager.contents(atPath:)`, which
/// refuses such files, to a blocking open and a read to end of file). Every open now refuses them at once.
@Suite struct FileAuditLogSpecialFileTests {
  static let record = AuditRecord(
    sendout: TestSendouts.make(1), status: .success, attempt: 1, executedAt: Timestamp(milliseconds: 0),
    outcome: .response(status: 200))

  /// What `body` threw about the log, or "hung" / "no error".
  static func failure(_ body: @escaping @Sendable () throws -> Void, releasing fifo: String? = nil) -> String {
    let attempt: @Sendable () -> String = {
      do {
        try body()
        return "no error"
      } catch let error as AuditLogError { return error.message } catch { return "\(error)" }
    }
    return SpecialFiles.within(seconds: 5, unblock: { fifo.map(SpecialFiles.release) }, attempt) ?? "hung"
  }

  @Test func aFIFOIsRefusedForReadingAppendingAndCheckingWithoutBlocking() throws {
    let fifo = SpecialFiles.makeFIFO()
    defer { SpecialFiles.remove(fifo) }
    let log = FileAuditLog(path: fifo)
    for message in [
      Self.failure({ _ = try log.read() }, releasing: fifo),
      Self.failure({ try log.append(Self.record) }, releasing: fifo),
      Self.failure({ try FileAuditLog.check(path: fifo) }, releasing: fifo),
    ] {
      #expect(message.contains("'\(fifo)': is a FIFO (named pipe); it must be a regular file"), "\(message)")
    }
  }

  @Test(arguments: ["socket", "directory"])
  func aSocketOrADirectoryIsRefusedForReadingAppendingAndChecking(_ kind: String) throws {
    let path = kind == "socket" ? SpecialFiles.makeSocket() : SpecialFiles.makeDirectory()
    defer { SpecialFiles.remove(path) }
    let log = FileAuditLog(path: path)
    for message in [
      Self.failure { _ = try log.read() }, Self.failure { try log.append(Self.record) },
      Self.failure { try FileAuditLog.check(path: path) },
    ] {
      #expect(message.contains("'\(path)': is a \(kind); it must be a regular file"), "\(message)")
    }
  }

  /// `/dev/zero` and `/dev/full` are read forever: only the check (which reads nothing) and appending are tried.
  @Test(arguments: SpecialFiles.endless)
  func anEndlessDeviceIsRefusedBeforeAnyByte(_ path: String) throws {
    for message in [
      Self.failure { try FileAuditLog.check(path: path) },
      Self.failure { try FileAuditLog(path: path).append(Self.record) },
    ] {
      #expect(message.contains("'\(path)': is a character device; it must be a regular file"), "\(message)")
    }
  }

  @Test func aRegularFileAndAMissingOneAreFine() throws {
    let path = NSTemporaryDirectory() + "sendout-audit-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try FileAuditLog.check(path: path)
    try FileAuditLog(path: path).append(Self.record)
    try FileAuditLog.check(path: path)
    #expect(try FileAuditLog(path: path).read().records == [Self.record])
  }
}

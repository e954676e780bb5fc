import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 10, class 3: a writer in the middle of a line holds the file lock, so another writer's
/// crash repair waits for it instead of cutting its record off.
@Suite struct FileAuditLogLockTests {
  func record(_ n: Int) -> AuditRecord {
    AuditRecord(
      sendout: TestSendouts.make(n, secret: "s"), status: .success, attempt: 1,
      executedAt: Timestamp(milliseconds: 1_710_337_500_500), outcome: .response(status: 200))
  }

  @Test func aLiveWritersHalfLineIsNotCutOff() throws {
    let path = NSTemporaryDirectory() + "sendout-audit-lock-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let live = record(1).line
    // Another process, in the middle of its write: it holds the lock and half its line is in the file.
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)
    _ = live.prefix(50).withUnsafeBufferPointer { write(fd, $0.baseAddress, 50) }

    let appended = DispatchSemaphore(value: 0)
    let log = FileAuditLog(path: path)
    let failure = LockedLines()
    Thread.detachNewThread {
      do { try log.append(record(2)) } catch { failure.append("\(error)") }
      appended.signal()
    }
    // The append must wait for the lock (bounded: before the fix it cut the half line within microseconds).
    #expect(appended.wait(timeout: .now() + 0.3) == .timedOut, "the append did not wait for the live writer")
    _ = live.dropFirst(50).withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
    #expect(flock(fd, LOCK_UN) == 0)
    #expect(appended.wait(timeout: .now() + 5) == .success)
    #expect(failure.all.isEmpty, "\(failure.all)")
    let contents = try log.read()
    #expect(contents.warnings.isEmpty)
    #expect(contents.records.map(\.sendoutID) == [record(1).sendoutID, record(2).sendoutID])
  }

  @Test func aDeadWritersHalfLineIsStillCutOff() throws {
    let path = NSTemporaryDirectory() + "sendout-audit-lock-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(record(1).line + record(2).line.prefix(30))))
    let log = FileAuditLog(path: path)
    try log.append(record(3))
    try log.append(record(4))
    #expect(try log.read().records.map(\.sendoutID) == [1, 3, 4].map { record($0).sendoutID })
  }
}

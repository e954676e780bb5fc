import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

@testable import SendoutSessions

/// Issue 17: the dashboard's tail of the audit log on hostile logs. A log that is one huge line was rescanned from
/// its start on every chunk and every poll (quadratic, and the whole line held in memory); a log truncated in place
/// and written again (`copytruncate`) kept the vanished rows, and "Show data" read another record's bytes at their
/// old offsets.
@Suite struct AuditTailTests {
  typealias Server = DashboardServer

  static func line(_ id: String, body: String = #"{"n":1}"#) -> [UInt8] {
    Server.record(id, .success, body: body).line
  }

  static func write(_ bytes: [UInt8], to path: String, append: Bool = true) throws {
    if !FileManager.default.fileExists(atPath: path) {
      #expect(FileManager.default.createFile(atPath: path, contents: nil))
    }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    if append { try handle.seekToEnd() } else { try handle.truncate(atOffset: 0) }  // in place: same inode
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  static func ids(_ tail: AuditTail) -> [String] {
    tail.read { index, _ in index.summary.rows.map(\.latest.sendoutID) }
  }

  @Test func aMultiMegabyteOneLineLogIsPassedOverOnceAndTheLinesAfterItAreRead() throws {
    let path = Server.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let huge = [UInt8](repeating: UInt8(ascii: "x"), count: 6 << 20)  // 6 MiB, no newline yet
    try Self.write(Self.line("whs_before") + huge, to: path)
    let tail = AuditTail(path: path, maxLineBytes: 64 << 10, chunkBytes: 256 << 10)
    #expect(Self.ids(tail) == ["whs_before"])
    let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(tail.offset == size, "the line over the cap is passed over, not read again on the next poll")
    #expect(
      tail.warnings == ["Audit log '\(path)' line 2: skipped: longer than 65536 bytes, the most one record may be"])

    // More of the same line, then its end and a record: only the new bytes are read.
    try Self.write(huge + [0x0A] + Self.line("whs_after"), to: path)
    #expect(Self.ids(tail) == ["whs_before", "whs_after"])
    #expect(tail.warnings.count == 1, "one warning per skipped line")
    #expect(tail.read { index, _ in index.lines[1].first?.offset } == size + huge.count + 1)
  }

  @Test func anUnfinishedLineUnderTheCapWaitsForItsNewline() throws {
    let path = Server.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let record = Self.line("whs_1")
    try Self.write(Array(record.dropLast(20)), to: path)
    let tail = AuditTail(path: path, maxLineBytes: 64 << 10, chunkBytes: 64)
    #expect(Self.ids(tail) == [])
    #expect(tail.offset == 0)
    try Self.write(Array(record.suffix(20)), to: path)
    #expect(Self.ids(tail) == ["whs_1"])
    #expect(tail.warnings == [])
  }

  @Test func aLogTruncatedInPlaceAndWrittenAgainIsReadAgainFromItsStart() throws {
    let path = Server.temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Self.write(Self.line("whs_old1") + Self.line("whs_old2"), to: path)
    let tail = AuditTail(path: path)
    #expect(Self.ids(tail) == ["whs_old1", "whs_old2"])
    let before = tail.generation
    let oldRefs = tail.read { index, _ in index.lines.map { $0[0] } }

    // copytruncate: the same inode, emptied, then longer records than before (the size alone cannot tell).
    let body = #"{"new":"\#(String(repeating: "y", count: 400))"}"#
    try Self.write(Self.line("whs_new1", body: body) + Self.line("whs_new2", body: body), to: path, append: false)
    for ref in oldRefs { #expect(tail.bytes(at: ref) == nil, "a line indexed before the truncation is not read back") }
    #expect(Self.ids(tail) == ["whs_new1", "whs_new2"])
    #expect(tail.generation > before)
    let refs = tail.read { index, _ in index.lines.map { $0[0] } }
    let shown = try refs.map { try AuditRecord(json: JSONParser.parse(#require(tail.bytes(at: $0)))) }
    #expect(shown.map(\.sendoutID) == ["whs_new1", "whs_new2"])
    #expect(shown.allSatisfy { $0.body == body })
  }

  @Test func aLogReplacedByAFIFOIsAWarningAndAnEmptyListNeverAWait() throws {
    let path = Server.temporaryPath()
    defer { SpecialFiles.remove(path) }
    try Self.write(Self.line("whs_1"), to: path)
    let tail = AuditTail(path: path)
    #expect(Self.ids(tail) == ["whs_1"])
    try FileManager.default.removeItem(atPath: path)
    #expect(mkfifo(path, 0o600) == 0)
    let ids = SpecialFiles.within(seconds: 5, unblock: { SpecialFiles.release(path) }, { Self.ids(tail) })
    #expect(ids == [])
    #expect(
      tail.warnings == [
        "Audit log '\(path)' is a FIFO (named pipe); it must be a regular file (or a path that does not exist yet)"
      ])
  }
}

import Foundation
import Testing

@testable import SendoutIO

#if canImport(Glibc)
  import Glibc
#endif

/// The `--state` journal's file: what it refuses (and leaves untouched), the one repair it makes, and a failed
/// append that leaves nothing behind.
@Suite struct DurableLogTests {
  func temporaryPath() -> String { NSTemporaryDirectory() + "sendout-journal-\(UUID().uuidString).jsonl" }
  func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }
  func write(_ path: String, _ bytes: [UInt8]) {
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
  }

  @Test func recordsComeBackInOrderAfterAReopen() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let opened = try DurableLog.open(path)
      #expect(opened.records.isEmpty)
      try opened.log.append(Array(#"{"n":1}"#.utf8))
      try opened.log.append(Array(#"{"n":2,"s":"a\nb"}"#.utf8))
    }
    let again = try DurableLog.open(path)
    #expect(again.records == [Array(#"{"n":1}"#.utf8), Array(#"{"n":2,"s":"a\nb"}"#.utf8)])
    #expect(again.repairedBytes == 0)
  }

  /// A crash mid-append leaves the start of a line: it is cut off, and the file as it was is kept in `.corrupt`.
  @Test func aTornLastWriteIsCutOffAndKeptInACorruptCopy() throws {
    let path = temporaryPath()
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: path + ".corrupt")
    }
    let whole = DurableLogLine.encode(Array(#"{"n":1}"#.utf8))
    let torn = Array(DurableLogLine.encode(Array(#"{"n":2}"#.utf8)).prefix(20))
    write(path, whole + torn)
    let opened = try DurableLog.open(path)
    #expect(opened.records == [Array(#"{"n":1}"#.utf8)])
    #expect(opened.repairedBytes == torn.count)
    #expect(bytes(path) == whole)
    #expect(bytes(path + ".corrupt") == whole + torn)
    try opened.log.append(Array(#"{"n":3}"#.utf8))
    #expect(bytes(path) == whole + DurableLogLine.encode(Array(#"{"n":3}"#.utf8)), "nothing glued onto a torn line")
  }

  /// Anything the log did not write whole is another file (or a damaged one): refused, and never truncated.
  @Test(arguments: [
    Array(#"{"scenario":"spring","seed":"1"}"#.utf8),  // a one-line JSON file without a newline
    [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0xFF, 0x0A, 0x00, 0x13],  // a binary file
    Array("first line\nsecond line\nlast line without newline".utf8),  // a text file
    DurableLogLine.encode(Array(#"{"n":1}"#.utf8)).map { $0 == UInt8(ascii: "1") ? UInt8(ascii: "2") : $0 },
    DurableLogLine.encode(Array(#"{"n":1}"#.utf8)) + Array(#"{"at":"2024-01-01T00:00:00.000Z"}"#.utf8) + [0x0A],
  ])
  func aFileItDidNotWriteIsRefusedAndLeftAsItIs(content: [UInt8]) throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    write(path, content)
    #expect(throws: DurableLogError.self) { try DurableLog.open(path) }
    #expect(bytes(path) == content)
    #expect(!FileManager.default.fileExists(atPath: path + ".corrupt"))
  }

  @Test func aFIFOADirectoryAndADeviceAreRefusedAtOnce() throws {
    let fifo = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: fifo) }
    #expect(mkfifo(fifo, 0o600) == 0)
    for (path, kind) in [(fifo, "is a FIFO"), (NSTemporaryDirectory(), "is a directory"), ("/dev/zero", "device")] {
      let error = #expect(throws: DurableLogError.self) { try DurableLog.open(path) }
      #expect(error?.reason.contains(kind) == true, "\(error?.message ?? "")")
    }
  }

  @Test func aSecondOwnerIsRefusedWhileTheFirstHoldsIt() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      let first = try DurableLog.open(path)
      let error = #expect(throws: DurableLogError.self) { try DurableLog.open(path) }
      #expect(error?.reason.contains("another process is using it") == true)
      withExtendedLifetime(first) {}
    }
    #expect(throws: Never.self) { try DurableLog.open(path) }  // closed: the lock went with it
  }

  /// A full disk mid-line: the half-written line is cut back off, so the file holds whole records only, and the
  /// next append (space freed) lands on a clean end.
  @Test func aFailedAppendLeavesNothingHalfWritten() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let full = FullDisk()
    let opened = try DurableLog.open(path) { fd, bytes in full.write(fd, bytes) }
    try opened.log.append(Array(#"{"n":1}"#.utf8))
    full.failing = true
    let error = #expect(throws: DurableLogError.self) { try opened.log.append(Array(#"{"n":2}"#.utf8)) }
    #expect(error?.storageFull == true)
    #expect(bytes(path) == DurableLogLine.encode(Array(#"{"n":1}"#.utf8)))
    full.failing = false
    try opened.log.append(Array(#"{"n":3}"#.utf8))
    #expect(try opened.log.records() == [Array(#"{"n":1}"#.utf8), Array(#"{"n":3}"#.utf8)])
  }
}

/// A writer that, while `failing`, writes half of what it is given and then fails as a full disk does.
final class FullDisk: @unchecked Sendable {  // test double: flipped by the test between appends, on one thread
  var failing = false

  func write(_ fd: Int32, _ bytes: [UInt8]) -> Result<Void, PlatformError> {
    guard failing else { return Platform.writeAll(fd, bytes) }
    _ = Platform.writeAll(fd, Array(bytes.prefix(bytes.count / 2)))
    return .failure(PlatformError(reason: "No space left on device", code: ENOSPC))
  }
}

import Foundation
import SendoutCore

/// The audit log followed as it grows: each `refresh` stats the file and parses only the bytes appended since the
/// last one (complete lines only; a line still being written waits for its newline). A file that shrank or was
/// replaced (truncated, rotated, deleted) is read again from the start, under a new `generation`.
///
/// Lines are read without the writers' `flock`: every record is one `write(2)` that ends with its newline, so the
/// bytes up to the last newline are whole records. A malformed line is skipped with a warning (the dashboard
/// keeps showing the rest), unlike `sendout audit`, which refuses the file.
final class AuditTail: @unchecked Sendable {
  /// How much of the file one read takes at a time.
  static let chunkBytes = 4 << 20
  /// Warnings kept (the first ones).
  static let maxWarnings = 20

  /// The log's path.
  let path: String
  private let lock = NSLock()
  private var index = AuditIndex()
  private var offset = 0
  private var fileID: UInt64?
  private var lineNumber = 0
  private(set) var generation = 1
  private var warningTexts: [String] = []

  /// Follows the log at `path` (which may not exist yet).
  init(path: String) { self.path = path }

  /// Catches up with the file, then runs `body` on the index under the lock (keep it quick).
  func read<T, E: Error>(_ body: (AuditIndex, _ generation: Int) throws(E) -> T) throws(E) -> T {
    lock.lock()
    defer { lock.unlock() }
    catchUp()
    return try body(index, generation)
  }

  /// Warnings about skipped lines, oldest first.
  var warnings: [String] { lock.withLock { warningTexts } }

  /// Reads the bytes at `line` of the file (a record's line, for "Show data").
  func bytes(at line: AuditIndex.LineRef) -> [UInt8]? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    do {
      try handle.seek(toOffset: UInt64(line.offset))
      guard let data = try handle.read(upToCount: line.length), data.count == line.length else { return nil }
      return Array(data)
    } catch { return nil }
  }

  /// Stats the file and parses what was appended (under the lock).
  private func catchUp() {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      if offset > 0 || fileID != nil { restart(id: nil) }  // deleted: an empty log until it comes back
      return
    }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let id = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    if id != fileID || size < offset { restart(id: id) }
    guard size > offset, let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    do {
      try handle.seek(toOffset: UInt64(offset))
      var pending: [UInt8] = []
      var pendingStart = offset
      while let data = try handle.read(upToCount: Self.chunkBytes), !data.isEmpty {
        pending += data
        let consumed = parseLines(pending, startingAt: pendingStart)
        pending.removeFirst(consumed)
        pendingStart += consumed
      }
      offset = pendingStart
    } catch {
      warn("Audit log '\(path)': cannot read the file: \(error.localizedDescription)")
    }
  }

  /// Parses the complete lines of `bytes` (which start at file offset `start`); returns how many bytes it used.
  private func parseLines(_ bytes: [UInt8], startingAt start: Int) -> Int {
    var lineStart = 0
    while let newline = bytes[lineStart...].firstIndex(of: 0x0A) {
      lineNumber += 1
      let line = bytes[lineStart..<newline]
      if line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
        add(Array(line), at: AuditIndex.LineRef(offset: start + lineStart, length: line.count))
      }
      lineStart = newline + 1
    }
    return lineStart
  }

  private func add(_ line: [UInt8], at ref: AuditIndex.LineRef) {
    do {
      let json = try JSONParser.parse(line)
      if LoadAuditLine.isLoadLine(json) {
        index.countLoadLine()
      } else {
        index.append(try AuditRecord(json: json), at: ref)
      }
    } catch let error as AuditLogError.Field {
      warn("Audit log '\(path)' line \(lineNumber): skipped: field '\(error.key)' must be \(error.expected)")
    } catch {
      warn("Audit log '\(path)' line \(lineNumber): skipped: \(error)")
    }
  }

  private func restart(id: UInt64?) {
    index = AuditIndex()
    offset = 0
    lineNumber = 0
    fileID = id
    generation += 1
  }

  private func warn(_ text: String) {
    if warningTexts.count < Self.maxWarnings { warningTexts.append(text) }
  }
}

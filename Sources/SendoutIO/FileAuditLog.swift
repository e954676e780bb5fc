import Foundation
import SendoutCore

/// The audit log as a JSON Lines file: each record is one `write(2)` of one line to a file opened with
/// `O_APPEND`, so it is in the file (the kernel's page cache) before `append` returns and concurrent
/// writers never interleave inside a line. After a crash at most the last line is partial; `read`
/// skips it with a warning, and the first `append` cuts it off (it can never be completed), so appending
/// after a crash (`run --resume`) never glues a new record onto the remains of an old one.
///
/// Default path: `./sendout-audit.jsonl` (in the working directory; `--audit FILE` to change it).
public final class FileAuditLog: AuditLog, @unchecked Sendable {
  /// `sendout-audit.jsonl` in the working directory.
  public static let defaultPath = "sendout-audit.jsonl"

  /// The file's path.
  public let path: String
  private let lock = NSLock()
  private var fd: Int32 = -1

  /// A log at `path`; the file is created on the first append.
  public init(path: String = FileAuditLog.defaultPath) { self.path = path }

  deinit { Platform.close(fd) }

  /// Appends `record` as one line.
  public func append(_ record: AuditRecord) throws(AuditLogError) {
    let line = record.line
    let result: Result<Void, AuditLogError> = lock.withLock {
      if fd < 0 {
        if let error = FileAuditLog.truncatePartialLastLine(path) { return .failure(error) }
        switch Platform.openForAppend(path) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(.io(path: path, reason: error.reason))
        }
      }
      return Platform.writeAll(fd, line).mapError { AuditLogError.io(path: path, reason: $0.reason) }
    }
    try result.get()
  }

  /// Cuts a last line that has no newline (the remains of a crash mid-write) off the file at `path`.
  static func truncatePartialLastLine(_ path: String) -> AuditLogError? {
    guard let handle = FileHandle(forUpdatingAtPath: path) else { return nil }  // no file yet
    defer { try? handle.close() }
    do {
      let size = try handle.seekToEnd()
      guard size > 0 else { return nil }
      // Walk back in blocks to the last newline; records are rarely longer than a few KiB.
      var end = size
      while end > 0 {
        let start = end >= 65_536 ? end - 65_536 : 0
        try handle.seek(toOffset: start)
        let block = try handle.read(upToCount: Int(end - start)) ?? Data()
        if let newline = block.lastIndex(of: 0x0A) {
          let keep = start + UInt64(block.distance(from: block.startIndex, to: newline)) + 1
          if keep < size { try handle.truncate(atOffset: keep) }
          return nil
        }
        end = start
      }
      try handle.truncate(atOffset: 0)  // a single partial line: nothing complete to keep
      return nil
    } catch {
      return .io(path: path, reason: "cannot repair a partial last line: \(error.localizedDescription)")
    }
  }

  /// Reads every record; a missing file is an empty log.
  public func read() throws(AuditLogError) -> AuditLogContents {
    guard FileManager.default.fileExists(atPath: path) else { return AuditLogContents() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read the file")
    }
    return try AuditLogParser.parse(Array(data), path: path)
  }
}

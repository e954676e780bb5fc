import Foundation
import SendoutCore

/// The audit log as a JSON Lines file: each record is one `write(2)` of one line to a file opened with
/// `O_APPEND`, so it is in the file (the kernel's page cache) before `append` returns and concurrent
/// writers never interleave inside a line. After a crash at most the last line is partial; `read`
/// skips it with a warning.
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
        switch Platform.openForAppend(path) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(.io(path: path, reason: error.reason))
        }
      }
      return Platform.writeAll(fd, line).mapError { AuditLogError.io(path: path, reason: $0.reason) }
    }
    try result.get()
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

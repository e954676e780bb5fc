import Foundation
import SendoutCore
import Synchronization

/// The audit log as a JSON Lines file: each record is one `write(2)` of one line to a file opened with
/// `O_APPEND`, so it is in the file (the kernel's page cache) before `append` returns.
///
/// Several processes may share one log (`sendout run` in parallel): every append holds an advisory
/// `flock` on the file while it checks the end and writes, so lines never interleave, however large.
/// After a crash at most the last line is partial; `read` skips it with a warning, and the next append
/// cuts it off (it can never be completed). The cut happens under the same lock, so the partial line is
/// provably dead: a live writer holds the lock until its line is whole.
///
/// Only a regular file (or a path that does not exist yet) is a log: every open goes through
/// `Platform.openRegularFile`, so a FIFO, a device (`/dev/zero`, `/dev/full`), a socket or a directory is refused
/// before a byte is read or written, and never blocks the open.
///
/// Default path: `./sendout-audit.jsonl` (in the working directory; `--audit FILE` to change it).
public final class FileAuditLog: AuditLog, Sendable {
  /// `sendout-audit.jsonl` in the working directory.
  public static let defaultPath = "sendout-audit.jsonl"

  /// The file's path.
  public let path: String
  /// The open descriptor (-1 until the first append), behind the lock that keeps this process's appends in order.
  private let fd = Mutex<Int32>(-1)

  /// A log at `path`; the file is created on the first append.
  public init(path: String = FileAuditLog.defaultPath) { self.path = path }

  deinit { fd.withLock { Platform.close($0) } }

  /// Appends `record` as one line, holding the file lock; a partial last line left by a dead writer is cut first.
  public func append(_ record: AuditRecord) throws(AuditLogError) {
    let line = record.line
    let result: Result<Void, AuditLogError> = fd.withLock { fd in
      if fd < 0 {
        switch Platform.openForLockedAppend(path) {
        case .success(let opened): fd = opened
        case .failure(let error): return .failure(.io(path: path, reason: error.reason))
        }
      }
      let locked = Platform.withFileLock(fd, exclusive: true) { () -> Result<Void, PlatformError> in
        if case .failure(let error) = Platform.truncatePartialLastLine(fd) {
          return .failure(PlatformError(reason: "cannot repair a partial last line: \(error.reason)"))
        }
        return Platform.writeAll(fd, line)
      }
      return locked.flatMap { $0 }.mapError { AuditLogError.io(path: path, reason: $0.reason) }
    }
    try result.get()
  }

  /// Reads every record under a shared lock (so no line is caught mid-write); a missing file is an empty log.
  public func read() throws(AuditLogError) -> AuditLogContents {
    switch Platform.readLocked(path) {
    case .success(nil): return AuditLogContents()
    case .success(let bytes?): return try AuditLogParser.parse(bytes, path: path)
    case .failure(.system(let reason)): throw .io(path: path, reason: "cannot read the file: \(reason)")
    case .failure(let error): throw .io(path: path, reason: error.reason)
    }
  }

  /// Throws unless `path` is a regular file or does not exist yet: what a session checks before it sends anything,
  /// so a log that cannot be one is refused up front rather than after a delivery.
  public static func check(path: String) throws(AuditLogError) {
    if case .failure(let error) = Platform.checkRegularFile(path) { throw .io(path: path, reason: error.reason) }
  }
}

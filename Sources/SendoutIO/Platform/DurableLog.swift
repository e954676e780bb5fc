import Foundation

/// An append-only JSON Lines file whose every append is on disk (`fsync`) before `append` returns: what
/// `sendout serve --state` journals accepted calls in, so a `kill -9` loses none. Opening it reads the lines
/// already there; a partial last line (a crash mid-write) is cut off, as the audit log does.
public final class DurableLog: @unchecked Sendable {
  /// The file.
  public let path: String
  private let fd: Int32
  private let lock = NSLock()

  /// Opens (or creates) `path`; returns the log and the lines it already held, oldest first.
  public static func open(_ path: String) throws(DurableLogError) -> (DurableLog, [[UInt8]]) {
    let existing = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
    var lines = existing.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    if let last = existing.last, last != 0x0A, !lines.isEmpty {
      lines.removeLast()  // a partial last line: the write a crash interrupted
      let keep = existing.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      guard truncate(path, off_t(keep)) == 0 else {
        throw DurableLogError(path: path, reason: String(cString: strerror(errno)))
      }
    }
    switch Platform.openForAppend(path) {
    case .success(let fd): return (DurableLog(path: path, fd: fd), lines)
    case .failure(let error): throw DurableLogError(path: path, reason: error.reason)
    }
  }

  private init(path: String, fd: Int32) {
    self.path = path
    self.fd = fd
  }

  deinit { Platform.close(fd) }

  /// Appends `line` and a newline, and returns once they are on disk.
  public func append(_ line: [UInt8]) throws(DurableLogError) {
    let failure: String? = lock.withLock {
      if case .failure(let error) = Platform.writeAll(fd, line + [0x0A]) { return error.reason }
      return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
    }
    if let failure { throw DurableLogError(path: path, reason: failure) }
  }
}

/// The journal could not be read or written.
public struct DurableLogError: Error, Sendable, Equatable {
  /// The file.
  public var path: String
  /// The system's reason.
  public var reason: String
  /// One line for the user.
  public var message: String { "Cannot use the state file '\(path)': \(reason)" }

  /// An error about `path`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

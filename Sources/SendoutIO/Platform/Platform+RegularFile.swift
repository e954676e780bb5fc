#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a log file could not be opened (`Platform.openRegularFile`).
public enum RegularFileError: Error, Sendable, Equatable {
  /// Nothing is at the path (and the open was not asked to create it).
  case missing
  /// Something other than a regular file is at the path: what it is (`a FIFO (named pipe)`, `a directory`…).
  case notRegular(kind: String)
  /// The system refused: the text of `errno`.
  case system(reason: String)

  /// One phrase for a message about the file: `is a FIFO (named pipe); …` or the system's reason.
  public var reason: String {
    switch self {
    case .missing: "does not exist"
    case .notRegular(let kind): "is \(kind); it must be a regular file (or a path that does not exist yet)"
    case .system(let reason): reason
    }
  }
}

extension Platform {
  /// Opens `path` with `flags` for a log Sendout reads or appends to, and keeps it only if it is a regular file:
  /// a FIFO, device, socket or directory is refused, naming what it is. Every open of an audit log (and of the
  /// `--state` journal) goes through here.
  ///
  /// The open itself adds `O_NONBLOCK`, so a FIFO with no writer (or, write-only, no reader) cannot block it;
  /// `fstat` on the descriptor then decides (no race with a rename), and `O_NONBLOCK` is cleared again.
  /// `.missing` when nothing is at `path` and `flags` has no `O_CREAT`.
  static func openRegularFile(_ path: String, flags: Int32, mode: mode_t = 0o644) -> Result<Int32, RegularFileError> {
    let fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, mode)
    if fd < 0 {
      let error = errno
      if error == ENOENT && flags & O_CREAT == 0 { return .failure(.missing) }
      // A directory opened for writing (EISDIR), a FIFO with no reader (ENXIO): say what is there.
      var info = stat()
      if stat(path, &info) == 0, let kind = kind(info.st_mode) { return .failure(.notRegular(kind: kind)) }
      return .failure(.system(reason: String(cString: strerror(error))))
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let reason = lastError()
      close(fd)
      return .failure(.system(reason: reason))
    }
    if let kind = kind(info.st_mode) {
      close(fd)
      return .failure(.notRegular(kind: kind))
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL, 0) & ~O_NONBLOCK)
    return .success(fd)
  }

  /// Opens the regular file `path` write-only for appending (created 0644 if missing).
  static func openRegularForAppend(_ path: String) -> Result<Int32, RegularFileError> {
    openRegularFile(path, flags: O_WRONLY | O_APPEND | O_CREAT)
  }

  /// Succeeds when `path` is a regular file (opened read-only and closed again) or does not exist yet.
  static func checkRegularFile(_ path: String) -> Result<Void, RegularFileError> {
    switch openRegularFile(path, flags: O_RDONLY) {
    case .success(let fd):
      close(fd)
      return .success(())
    case .failure(.missing): return .success(())
    case .failure(let error): return .failure(error)
    }
  }

  /// What a file of `mode` is when it is not a regular file, else `nil`.
  private static func kind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFSOCK: "a socket"
    case S_IFDIR: "a directory"
    default: "a special file"
    }
  }
}

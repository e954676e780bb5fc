#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// Opens (or creates, 0644) the regular file `path` for reading and appending, holding an exclusive `flock` on it
  /// for as long as the descriptor is open: one process owns it. Never blocks: a FIFO, a device, a socket or a
  /// directory is refused (opening is non-blocking, then `fstat` says what it is), and so is a file another process
  /// holds.
  static func openOwned(_ path: String) -> Result<Int32, PlatformError> {
    let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
    guard fd >= 0 else { return .failure(PlatformError(reason: lastError())) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      defer { close(fd) }
      return .failure(PlatformError(reason: lastError()))
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      close(fd)
      return .failure(PlatformError(reason: "it is \(fileKind(info.st_mode)), not a regular file"))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let busy = errno == EWOULDBLOCK
      let reason = lastError()
      close(fd)
      return .failure(PlatformError(reason: busy ? "another process is using it (it is locked)" : reason))
    }
    return .success(fd)
  }

  /// Reads the whole of `fd` from offset 0 (with `pread`: the file offset is left alone).
  static func readWhole(_ fd: Int32) -> Result<[UInt8], PlatformError> {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(bytes.count)) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(PlatformError(reason: lastError()))
      }
      if n == 0 { return .success(bytes) }
      bytes += chunk[0..<n]
    }
  }

  /// Cuts `fd` back to `size` bytes and flushes that to disk.
  static func truncateAndSync(_ fd: Int32, to size: Int) -> Result<Void, PlatformError> {
    guard ftruncate(fd, off_t(size)) == 0, fsync(fd) == 0 else { return .failure(PlatformError(reason: lastError())) }
    return .success(())
  }

  /// `fsync(fd)`.
  static func sync(_ fd: Int32) -> Result<Void, PlatformError> {
    fsync(fd) == 0 ? .success(()) : .failure(PlatformError(reason: lastError(), code: errno))
  }

  /// Writes `bytes` to a new file `path` (replacing one there) and flushes it to disk.
  static func writeNewFile(_ path: String, _ bytes: [UInt8]) -> Result<Void, PlatformError> {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return .failure(PlatformError(reason: lastError())) }
    defer { close(fd) }
    if case .failure(let error) = writeAll(fd, bytes) { return .failure(error) }
    return sync(fd)
  }

  /// "a FIFO", "a directory", … for an `st_mode`.
  private static func fileKind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFDIR: "a directory"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }
}

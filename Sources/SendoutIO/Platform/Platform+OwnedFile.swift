#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// Opens (or creates, 0644) the regular file `path` for reading and appending, holding an exclusive `flock` on it
  /// for as long as the descriptor is open: one process owns it. Never blocks: what is not a regular file is refused
  /// (`openRegularFile`), and so is a file another process holds.
  static func openOwned(_ path: String) -> Result<Int32, PlatformError> {
    let fd: Int32
    switch openRegularFile(path, flags: O_RDWR | O_APPEND | O_CREAT) {
    case .success(let opened): fd = opened
    case .failure(let error): return .failure(PlatformError(reason: error.reason))
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
}

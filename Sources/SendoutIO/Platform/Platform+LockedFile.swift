#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// Opens the regular file `path` for reading and appending (created 0644 if missing).
  static func openForLockedAppend(_ path: String) -> Result<Int32, RegularFileError> {
    openRegularFile(path, flags: O_RDWR | O_APPEND | O_CREAT)
  }

  /// Runs `body` holding an advisory `flock` on `fd` (exclusive, or shared for readers), waiting for it.
  static func withFileLock<T>(_ fd: Int32, exclusive: Bool, _ body: () -> T) -> Result<T, PlatformError> {
    while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
      if errno != EINTR { return .failure(PlatformError(reason: "cannot lock the file: \(lastError())")) }
    }
    defer { _ = flock(fd, LOCK_UN) }
    return .success(body())
  }

  /// Cuts a last line without its newline off the file `fd` (opened read-write): the remains of a writer
  /// that died mid-line. Call it holding the exclusive lock, so the line cannot belong to a live writer.
  static func truncatePartialLastLine(_ fd: Int32) -> Result<Void, PlatformError> {
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(PlatformError(reason: lastError())) }
    let size = Int64(info.st_size)
    guard size > 0 else { return .success(()) }
    var byte: UInt8 = 0
    guard pread(fd, &byte, 1, off_t(size - 1)) == 1 else { return .failure(PlatformError(reason: lastError())) }
    if byte == 0x0A { return .success(()) }
    // Walk back in blocks to the last newline; records are rarely longer than a few KiB.
    var block = [UInt8](repeating: 0, count: 65_536)
    var end = size
    while end > 0 {
      let start = max(0, end - Int64(block.count))
      let count = Int(end - start)
      let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(start)) }
      guard n == count else { return .failure(PlatformError(reason: lastError())) }
      if let newline = block[0..<count].lastIndex(of: 0x0A) {
        return ftruncate(fd, off_t(start + Int64(newline) + 1)) == 0
          ? .success(()) : .failure(PlatformError(reason: lastError()))
      }
      end = start
    }
    return ftruncate(fd, 0) == 0 ? .success(()) : .failure(PlatformError(reason: lastError()))
  }

  /// The whole regular file at `path` read under a shared lock (no writer is mid-line), or `nil` when it does not
  /// exist; anything but a regular file is refused before a byte is read (a FIFO would block, `/dev/zero` never end).
  static func readLocked(_ path: String) -> Result<[UInt8]?, RegularFileError> {
    let fd: Int32
    switch openRegularFile(path, flags: O_RDONLY) {
    case .success(let opened): fd = opened
    case .failure(.missing): return .success(nil)
    case .failure(let error): return .failure(error)
    }
    defer { close(fd) }
    switch withFileLock(fd, exclusive: false, { readWhole(fd) }) {
    case .success(.success(let bytes)): return .success(bytes)
    case .success(.failure(let error)), .failure(let error): return .failure(.system(reason: error.reason))
    }
  }
}

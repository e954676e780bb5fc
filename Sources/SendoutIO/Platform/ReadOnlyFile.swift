#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A regular file opened read-only and read at offsets: how the dashboard follows the audit log. It is opened
/// through `Platform.openRegularFile`, so a FIFO, a device or a directory is refused and never blocks.
public final class ReadOnlyFile {
  /// Which file this is: a rotated or replaced file at the same path has another identity.
  public struct Identity: Sendable, Equatable {
    /// The device the file is on.
    public var device: UInt64
    /// Its inode number.
    public var inode: UInt64
  }

  /// The file's device and inode.
  public let identity: Identity
  private let fd: Int32

  /// Opens the regular file at `path`; `.missing` when nothing is there.
  public init(path: String) throws(RegularFileError) {
    switch Platform.openRegularFile(path, flags: O_RDONLY) {
    case .success(let opened): fd = opened
    case .failure(let error): throw error
    }
    var info = stat()
    _ = fstat(fd, &info)
    identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  deinit { Platform.close(fd) }

  /// The file's size now, in bytes.
  public var size: Int {
    var info = stat()
    return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
  }

  /// Up to `count` bytes from `offset` (fewer at the end of the file or when a read fails).
  public func read(at offset: Int, count: Int) -> [UInt8] {
    guard offset >= 0, count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let n = bytes.withUnsafeMutableBytes { raw in
        pread(fd, raw.baseAddress.map { $0 + filled }, count - filled, off_t(offset + filled))
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      filled += n
    }
    bytes.removeLast(count - filled)
    return bytes
  }
}

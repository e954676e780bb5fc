import SendoutCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only file of checksummed records, one line each (`DurableLogLine`), every append on disk (`fsync`)
/// before `append` returns: what `sendout serve --state` journals accepted calls in, so a `kill -9` loses none.
///
/// It never loses or mixes up what it holds: opening refuses a file that is not a regular file, that another process
/// holds (an exclusive lock for the log's lifetime), or that has a line this log did not write whole (another file,
/// a damaged one); it is then left as it is. The one repair is a torn last write (an unterminated tail that starts
/// like a record): the file is first copied to `PATH.corrupt`, then the tail is cut off. A failed append (a full
/// disk) is cut back off at once, so no half-written line stays for later appends to be glued onto.
public final class DurableLog: Sendable {
  /// The file.
  public let path: String
  private let fd: Int32
  private let write: @Sendable (Int32, [UInt8]) -> Result<Void, PlatformError>
  /// The size of the file's whole records; `nil` once a failed append could not be cut back off (appends then fail
  /// until a restart repairs the tail).
  private let size: Mutex<Int?>

  /// What `open` found.
  public struct Opened {
    /// The log, ready to append to.
    public var log: DurableLog
    /// The records it holds, oldest first.
    public var records: [[UInt8]]
    /// The bytes of a torn last write that were cut off (kept in `PATH.corrupt`); 0 when none.
    public var repairedBytes: Int
  }

  /// Opens (or creates) `path` and reads its records.
  public static func open(_ path: String) throws(DurableLogError) -> Opened {
    try open(path, write: Platform.writeAll)
  }

  static func open(_ path: String, write: @escaping @Sendable (Int32, [UInt8]) -> Result<Void, PlatformError>)
    throws(DurableLogError) -> Opened
  {
    let fd: Int32
    switch Platform.openOwned(path) {
    case .success(let opened): fd = opened
    case .failure(let error): throw DurableLogError(path: path, reason: error.reason)
    }
    do throws(DurableLogError) {
      let bytes = try Self.read(fd, path: path)
      let (records, whole) = try Self.records(in: bytes, path: path)
      if whole < bytes.count {
        if case .failure(let error) = Platform.writeNewFile(path + ".corrupt", bytes) {
          throw DurableLogError(
            path: path, reason: "cannot keep its torn last line in \(path).corrupt: \(error.reason)")
        }
        if case .failure(let error) = Platform.truncateAndSync(fd, to: whole) {
          throw DurableLogError(path: path, reason: "cannot cut off its torn last line: \(error.reason)")
        }
      }
      return Opened(
        log: DurableLog(path: path, fd: fd, size: whole, write: write), records: records,
        repairedBytes: bytes.count - whole)
    } catch {
      Platform.close(fd)
      throw error
    }
  }

  private init(
    path: String, fd: Int32, size: Int, write: @escaping @Sendable (Int32, [UInt8]) -> Result<Void, PlatformError>
  ) {
    self.path = path
    self.fd = fd
    self.size = Mutex(size)
    self.write = write
  }

  deinit { Platform.close(fd) }

  /// Appends `record` (compact JSON, no newline) and returns once it is on disk. On failure nothing of it stays.
  public func append(_ record: [UInt8]) throws(DurableLogError) {
    let line = DurableLogLine.encode(record)
    let failure: DurableLogError? = size.withLock { size in
      guard let whole = size else {
        return DurableLogError(
          path: path, reason: "an earlier write failed and could not be undone; restart sendout serve to repair it")
      }
      var failed: PlatformError?
      if case .failure(let error) = write(fd, line) {
        failed = error
      } else if case .failure(let error) = Platform.sync(fd) {
        failed = error
      }
      guard let failed else {
        size = whole + line.count
        return nil
      }
      if case .failure = Platform.truncateAndSync(fd, to: whole) { size = nil }
      return DurableLogError(path: path, reason: failed.reason, storageFull: Self.isFull(failed.code))
    }
    if let failure { throw failure }
  }

  /// The records on disk now, read again (to rebuild from them after a failed append).
  public func records() throws(DurableLogError) -> [[UInt8]] {
    try Self.records(in: try Self.read(fd, path: path), path: path).records
  }

  private static func read(_ fd: Int32, path: String) throws(DurableLogError) -> [UInt8] {
    switch Platform.readWhole(fd) {
    case .success(let bytes): return bytes
    case .failure(let error): throw DurableLogError(path: path, reason: error.reason)
    }
  }

  /// The records of `bytes`, and how many bytes the whole lines take (less than all only for a torn last write).
  private static func records(in bytes: [UInt8], path: String) throws(DurableLogError) -> (
    records: [[UInt8]], whole: Int
  ) {
    var records: [[UInt8]] = []
    var start = 0
    var number = 1
    while let newline = bytes[start...].firstIndex(of: 0x0A) {
      guard let record = DurableLogLine.decode(bytes[start..<newline]) else {
        throw DurableLogError(
          path: path,
          reason: "line \(number) is not a whole record of a sendout state file (damaged, another file, or one an "
            + "older sendout wrote without checksums); "
            + "it was left as it is")
      }
      records.append(record)
      start = newline + 1
      number += 1
    }
    guard start == bytes.count || DurableLogLine.couldBeTorn(bytes[start...]) else {
      throw DurableLogError(
        path: path, reason: "it does not end with a whole line and is not a sendout state file; it was left as it is")
    }
    return (records, start)
  }

  private static func isFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
}

/// The journal could not be read or written.
public struct DurableLogError: Error, Sendable, Equatable {
  /// The file.
  public var path: String
  /// The system's reason.
  public var reason: String
  /// Whether the disk (or the quota) is full: `sendout serve` answers 507 then.
  public var storageFull = false
  /// One line for the user.
  public var message: String { "Cannot use the state file '\(path)': \(reason)" }

  /// An error about `path`.
  public init(path: String, reason: String, storageFull: Bool = false) {
    self.path = path
    self.reason = reason
    self.storageFull = storageFull
  }
}

import SendoutCore
import SendoutIO
import Synchronization

/// The audit log followed as it grows: each `read` opens the file (a regular file only: a FIFO or a device is
/// refused without blocking) and parses only the bytes appended since the last one, in chunks, complete lines only.
///
/// Bounded on hostile logs: every byte is scanned once, in `chunkBytes` pieces, and at most one line of up to
/// `maxLineBytes` is held; a longer line is skipped with a warning when it passes the cap (a log that is one 1 GiB
/// line is scanned once and never again), and a line still being written is not scanned again on the next poll.
///
/// A file that was replaced (another inode), shrank, or whose first bytes changed (truncated in place and written
/// again, as `copytruncate` rotation does) is read again from the start under a new `generation`: nothing it showed
/// survives, and every `LineRef` of the old file is dropped with it.
///
/// Lines are read without the writers' `flock`: every record is one `write(2)` that ends with its newline, so the
/// bytes up to the last newline are whole records. A malformed line is skipped with a warning (the dashboard
/// keeps showing the rest), unlike `sendout audit`, which refuses the file.
final class AuditTail: Sendable {
  /// How much of the file one read takes at a time.
  static let chunkBytes = 4 << 20
  /// The longest line read as a record: well above the largest record `sendout` writes (an 8 MiB body, escaped).
  static let maxLineBytes = 32 << 20
  /// How many leading bytes are compared on every poll to notice a file truncated and written again in place.
  static let headBytes = 4096
  /// Warnings kept (the first ones).
  static let maxWarnings = 20

  /// The log's path.
  let path: String
  private let follower: Mutex<Follower>

  /// Follows the log at `path` (which may not exist yet); lines over `maxLineBytes` are skipped.
  init(path: String, maxLineBytes: Int = AuditTail.maxLineBytes, chunkBytes: Int = AuditTail.chunkBytes) {
    self.path = path
    follower = Mutex(Follower(path: path, maxLineBytes: maxLineBytes, chunkBytes: chunkBytes))
  }

  /// Catches up with the file, then runs `body` on the index under the lock (keep it quick).
  func read<T: Sendable, E: Error>(_ body: (AuditIndex, _ generation: Int) throws(E) -> T) throws(E) -> T {
    try follower.withLock { (follower) throws(E) -> T in
      follower.catchUp()
      return try body(follower.index, follower.generation)
    }
  }

  /// Bytes before this offset are parsed (or passed over): where the unfinished last line starts.
  var offset: Int { follower.withLock { $0.offset } }

  /// Bumped each time the file is read again from the start (another file, or rewritten).
  var generation: Int { follower.withLock { $0.generation } }

  /// Warnings about skipped lines, oldest first.
  var warnings: [String] { follower.withLock { $0.warningTexts } }

  /// The bytes of the record at `line` (for "Show data"), or `nil` when the file is no longer the one the line was
  /// read from or its bytes there changed: never another record's bytes.
  func bytes(at line: AuditIndex.LineRef) -> [UInt8]? {
    guard let file = try? ReadOnlyFile(path: path), file.identity == follower.withLock({ $0.fileID }) else {
      return nil
    }
    let bytes = file.read(at: line.offset, count: line.length)
    return bytes.count == line.length && AuditIndex.LineRef.checksum(bytes) == line.checksum ? bytes : nil
  }
}

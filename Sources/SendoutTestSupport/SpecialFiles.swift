import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Files that are not regular files, for the tests of the audit log's refusal: a FIFO a reader would block on, a
/// socket and a directory (reading them ends at once), and devices that never end when read (`/dev/zero`, `/dev/full`).
public enum SpecialFiles {
  /// Character devices that never end when read: only ever given where nothing reads them before the check.
  /// (`/dev/null` is no test: some containers make it a regular file.)
  public static let endless = ["/dev/zero", "/dev/full"]

  /// Makes a FIFO (named pipe) at a fresh temporary path and returns the path.
  public static func makeFIFO() -> String {
    let path = temporaryPath("fifo")
    _ = mkfifo(path, 0o600)
    return path
  }

  /// Makes a Unix socket file at a fresh temporary path (nothing listens on it) and returns the path.
  public static func makeSocket() -> String {
    let path = temporaryPath("sock")
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (i, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
    }
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    close(fd)
    return path
  }

  /// Makes a directory at a fresh temporary path and returns the path.
  public static func makeDirectory() -> String {
    let path = temporaryPath("dir")
    _ = mkdir(path, 0o700)
    return path
  }

  /// Removes what `make…` made.
  public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  private static func temporaryPath(_ kind: String) -> String {
    NSTemporaryDirectory() + "sendout-\(kind)-\(UUID().uuidString.prefix(8))"
  }

  /// Opens and closes both ends of `fifo` at once: a reader or writer stuck opening it (a regression) gets its end
  /// and then end of file, so a failing test ends instead of hanging the suite.
  public static func release(_ fifo: String) {
    let fd = open(fifo, O_RDWR | O_NONBLOCK)
    if fd >= 0 { close(fd) }
  }

  /// Runs `body` on its own thread and waits at most `seconds` for it: its result, or `nil` when it did not finish in
  /// time (then `unblock` runs, so the thread can end).
  public static func within<T: Sendable>(
    seconds: Double, unblock: @escaping () -> Void = {}, _ body: @escaping @Sendable () -> T
  ) -> T? {
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox<T>()
    Thread.detachNewThread {
      let value = body()
      result.value.withLock { $0 = value }
      done.signal()
    }
    if done.wait(timeout: .now() + seconds) == .success { return result.value.withLock { $0 } }
    unblock()
    return nil
  }
}

/// One value handed from a thread to its waiter (an escaping closure cannot capture a `Mutex` itself).
private final class ResultBox<T: Sendable>: Sendable {
  let value = Mutex<T?>(nil)
}

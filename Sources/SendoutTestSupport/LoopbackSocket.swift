import Foundation
import SendoutIO
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A blocking TCP client for tests that need control over how bytes are split on the wire (the listener's and the
/// mock API's abuse tests).
public final class LoopbackSocket {
  /// The socket.
  public let fd: Int32
  /// Parses what the server answers.
  public var parser = HTTPParser(kind: .response)

  /// Connects to 127.0.0.1:`port`; reads time out after `timeoutSeconds`.
  public init(port: Int, timeoutSeconds: Int = 5) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var tv = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    let rc = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard rc == 0 else { throw POSIXError(.ECONNREFUSED) }
  }

  deinit { close(fd) }

  /// Sends `text` as UTF-8.
  public func send(_ text: String) { send(Array(text.utf8)) }

  /// Sends `bytes` (until the peer stops taking them).
  public func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.send(fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if n <= 0 { return }
      offset += n
    }
  }

  /// Reads until one complete response arrives; `nil` on timeout or close.
  public func readResponse() throws -> HTTPMessage? {
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      if let message = try parser.next() { return message }
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { return try parser.finish() }
      parser.feed(buffer[0..<n])
    }
  }

  /// Sends `bytes` one at a time, 10 ms apart, on a thread of its own (a slowloris client), until they are all sent,
  /// the peer stops taking them, or the returned trickle is stopped.
  public func trickle(_ bytes: [UInt8]) -> Trickle {
    let trickle = Trickle()
    let fd = fd
    Thread.detachNewThread {
      for var byte in bytes {
        if trickle.isStopped { return }
        if Glibc.send(fd, &byte, 1, Int32(MSG_NOSIGNAL)) <= 0 { return }
        usleep(10_000)
      }
    }
    return trickle
  }

  /// A running `trickle`; `stop()` ends it before its next byte.
  public final class Trickle: Sendable {
    private let stopped = Atomic(false)

    /// Whether `stop()` was called.
    public var isStopped: Bool { stopped.load(ordering: .acquiring) }

    /// Ends the trickle.
    public func stop() { stopped.store(true, ordering: .releasing) }
  }

  /// Whether the server closed the connection (a read returns 0).
  public func isClosedByPeer() -> Bool {
    var byte: UInt8 = 0
    return recv(fd, &byte, 1, 0) == 0
  }
}

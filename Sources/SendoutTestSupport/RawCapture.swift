import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A receiver on 127.0.0.1 that keeps the exact bytes of every request it gets (head and body, as they came over the
/// wire) and answers `status` (default `200`) with no body: what a header-injection test needs to see, with no HTTP
/// parser in between, or a receiver that refuses every webhook with 401 (or answers 400 with a body and headers).
public final class RawCapture: Sendable {
  /// The port it listens on.
  public let port: Int
  private let fd: Int32
  private let captured = Mutex<[[UInt8]]>([])
  private let stopped = Atomic(false)
  private let status: Int
  private let headers: [String]
  private let body: [UInt8]

  /// Listens on a free port and serves one connection at a time on a thread of its own, answering `status` with
  /// `headers` (`name: value` lines) and `body`.
  public init(status: Int = 200, headers: [String] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
      }
    }
    listen(listener, 16)
    fd = listener
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [self] in serve() }
  }

  /// The requests received so far, oldest first, as bytes.
  public var requests: [[UInt8]] { captured.withLock { $0 } }

  /// The requests received so far as text (invalid UTF-8 replaced).
  public var texts: [String] { requests.map { String(decoding: $0, as: UTF8.self) } }

  /// Stops accepting (a connection in progress is finished first).
  public func stop() {
    stopped.store(true, ordering: .releasing)
    shutdown(fd, Int32(SHUT_RDWR))
    close(fd)
  }

  private func serve() {
    while !stopped.load(ordering: .acquiring) {
      let client = accept(fd, nil, nil)
      guard client >= 0 else { return }
      var tv = timeval(tv_sec: 5, tv_usec: 0)  // bounded: a client that stops sending cannot hold the thread
      setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
      let request = readRequest(client)
      captured.withLock { $0.append(request) }
      let head = headers.map { $0 + "\r\n" }.joined()
      let answer =
        Array(
          "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Refused")\r\n\(head)content-length: \(body.count)\r\nconnection: close\r\n\r\n"
            .utf8) + body
      _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      close(client)
    }
  }

  /// Reads a head and the `content-length` bytes after it (or until the client stops).
  private func readRequest(_ client: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if n <= 0 { return bytes }
      bytes += chunk[0..<n]
      guard
        let end = (0..<max(0, bytes.count - 3)).first(where: { bytes[$0..<$0 + 4].elementsEqual([13, 10, 13, 10]) })
      else { continue }
      let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
      let length =
        head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
      if bytes.count >= end + 4 + length { return bytes }
    }
  }
}

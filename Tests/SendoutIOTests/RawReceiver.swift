// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a literal or a fixture is the clearest assertion that it is well-formed.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A deliberately misbehaving HTTP receiver on 127.0.0.1 built on raw sockets, one thread per
/// connection, for the misbehaving-receivers matrix. `stop()` closes everything it opened.
final class RawReceiver: @unchecked Sendable {
  /// What the receiver does with each connection.
  enum Behavior: Sendable, CustomStringConvertible {
    /// Nothing listens on the port (connection refused).
    case refuse
    /// Reads the request, sends half a response, then resets the connection (RST).
    case resetMidResponse
    /// Reads the request, sends a chunked 200 head and then one small chunk every 50 ms, forever.
    case neverEndingResponse
    /// Accepts, reads the request, never answers and never closes.
    case silent
    /// Accepts and closes at once without reading or answering.
    case closeWithoutAnswer
    /// Answers `status` with `headers` and an empty body.
    case status(Int, [String])
    /// Answers 200 with a body of `bytes` bytes.
    case huge(Int)
    /// Answers bytes that are not HTTP.
    case malformed(String)
    /// Answers `200` to every request on a connection, keeping it open (counts connections in `connections`).
    case keepAlive

    var description: String {
      switch self {
      case .refuse: "refuse"
      case .resetMidResponse: "reset mid-response"
      case .neverEndingResponse: "never-ending response"
      case .silent: "accept and never answer"
      case .closeWithoutAnswer: "close without answer"
      case .status(let s, let h): "\(s) \(h.joined(separator: ","))"
      case .huge(let n): "huge \(n)-byte response"
      case .malformed(let m): "malformed \(m.debugDescription)"
      case .keepAlive: "keep-alive 200"
      }
    }
  }

  let behavior: Behavior
  private(set) var port = 0
  private let lock = NSLock()
  private var listenFD: Int32 = -1
  /// Where `.refuse` points: the discard port, where nothing listens here.
  static let refusingPort = 9
  private var clients: [Int32] = []
  private var stopped = false
  private var requestCount = 0
  private var acceptedCount = 0

  /// Requests (connections that sent at least one byte) seen so far.
  var requests: Int { lock.withLock { requestCount } }
  /// Connections accepted so far.
  var connections: Int { lock.withLock { acceptedCount } }

  init(_ behavior: Behavior) throws {
    self.behavior = behavior
    if case .refuse = behavior {
      // The discard port: below the ephemeral range, so no other test's server (bound to port 0) can be given it,
      // and nothing listens there. A bound, not listening socket on an ephemeral port was shared by another test's
      // server bound with SO_REUSEADDR: it stayed silent for 31 s, or answered, where a refusal was expected.
      port = Self.refusingPort
      return
    }
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    listen(fd, 64)
    listenFD = fd
    Thread.detachNewThread { [self] in acceptLoop(fd) }
  }

  var url: String { "http://127.0.0.1:\(port)/hooks" }

  /// Shuts down the connections still open and the listening socket. Under the lock, and only for fds
  /// `serve` has not closed yet: shutting down a closed fd number could hit another test's socket that
  /// reused it (a load-generator connection in the parallel suite failed with "connection reset" that way).
  func stop() {
    lock.withLock {
      stopped = true
      for fd in clients { shutdown(fd, Int32(SHUT_RDWR)) }
      if listenFD >= 0 { shutdown(listenFD, Int32(SHUT_RDWR)) }  // wakes accept; acceptLoop closes it
    }
  }

  private func acceptLoop(_ fd: Int32) {
    defer { close(fd) }  // only here, once accept has failed: never closed while accept may still use it
    while true {
      let client = accept(fd, nil, nil)
      if client < 0 { return }
      let keep = lock.withLock {
        if !stopped { clients.append(client) }
        acceptedCount += 1
        return !stopped
      }
      guard keep else {
        close(client)
        return
      }
      Thread.detachNewThread { [self] in serve(client) }
    }
  }

  private func serve(_ fd: Int32) {
    defer {
      lock.withLock {
        clients.removeAll { $0 == fd }
        close(fd)
      }
    }
    if case .closeWithoutAnswer = behavior { return }
    if case .keepAlive = behavior {
      // Counted before the answer goes out: the sender may look at the count as soon as it has the answer.
      while readRequest(fd) {
        lock.withLock { requestCount += 1 }
        guard write(fd, "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n") else { break }
      }
      return
    }
    guard readRequest(fd) else { return }
    lock.withLock { requestCount += 1 }
    switch behavior {
    case .refuse, .closeWithoutAnswer: return
    case .resetMidResponse:
      write(fd, "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial")
      var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
    case .neverEndingResponse:
      write(fd, "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
      while !isStopped, write(fd, "1\r\nx\r\n") { usleep(50_000) }
    case .silent:
      var byte: UInt8 = 0
      while !isStopped, recv(fd, &byte, 1, 0) > 0 {}  // until the client gives up
    case .status(let status, let headers):
      let extra = headers.map { $0 + "\r\n" }.joined()
      write(fd, "HTTP/1.1 \(status) Whatever\r\n\(extra)content-length: 0\r\nconnection: close\r\n\r\n")
    case .huge(let count):
      write(fd, "HTTP/1.1 200 OK\r\ncontent-length: \(count)\r\nconnection: close\r\n\r\n")
      let chunk = [UInt8](repeating: 0x61, count: 64 * 1024)
      var left = count
      while left > 0, !isStopped, write(fd, Array(chunk.prefix(left))) { left -= min(left, chunk.count) }
    case .malformed(let text):
      write(fd, text)
    case .keepAlive: return
    }
  }

  private var isStopped: Bool { lock.withLock { stopped } }

  /// Reads until the end of the head and the `content-length` body; false when the peer leaves first.
  private func readRequest(_ fd: Int32) -> Bool {
    var data: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      if let end = headEnd(data) {
        let head = String(decoding: data[..<end], as: UTF8.self).lowercased()
        let length =
          head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
          .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        if data.count >= end + 4 + length { return true }
      }
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 { return false }
      data += buffer[0..<n]
    }
  }

  private func headEnd(_ data: [UInt8]) -> Int? {
    guard data.count >= 4 else { return nil }
    for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 {
      return i
    }
    return nil
  }

  @discardableResult
  private func write(_ fd: Int32, _ text: String) -> Bool { write(fd, Array(text.utf8)) }

  @discardableResult
  private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if n <= 0 { return false }
      offset += n
    }
    return true
  }
}

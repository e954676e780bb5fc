// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a buffer's base address is the clearest way to hand it to send(2).
import Foundation
import SendoutCore
import SendoutIO

#if canImport(Glibc)
  import Glibc
#endif

/// A blocking HTTP/1.1 client over a loopback socket that sends exactly the headers it is given (URLSession
/// rewrites `Host` and `Origin`, which the dashboard's guard tests need to set).
struct DashboardClient {
  struct Response {
    var status: Int
    var headers: HTTPHead
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSON { (try? JSONParser.parse(body)) ?? .null }
  }

  let port: Int

  /// `http://127.0.0.1:PORT/_sendout/` → a client for PORT.
  init(url: String) {
    port = url.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
  }

  func get(_ path: String, headers: [String: String] = [:]) throws -> Response {
    try send("GET", path, headers: headers)
  }

  func post(_ path: String, headers: [String: String] = [:]) throws -> Response {
    try send("POST", path, headers: headers)
  }

  func send(_ method: String, _ path: String, headers: [String: String]) throws -> Response {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var tv = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    let rc = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard rc == 0 else { throw POSIXError(.ECONNREFUSED) }
    var all = ["host": "127.0.0.1:\(port)", "connection": "close"]
    all.merge(headers) { $1 }
    var head = "\(method) \(path) HTTP/1.1\r\n"
    for (name, value) in all.sorted(by: { $0.key < $1.key }) where !value.isEmpty { head += "\(name): \(value)\r\n" }
    if method == "POST" { head += "content-length: 0\r\n" }
    let bytes = Array((head + "\r\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      guard n > 0 else { throw POSIXError(.EPIPE) }
      offset += n
    }
    var parser = HTTPParser(kind: .response)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      if let message = try parser.next() {
        return Response(status: message.head.status ?? 0, headers: message.head, body: message.body)
      }
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n <= 0 {
        guard let message = try parser.finish() else { throw POSIXError(.ECONNRESET) }
        return Response(status: message.head.status ?? 0, headers: message.head, body: message.body)
      }
      parser.feed(buffer[0..<n])
    }
  }
}

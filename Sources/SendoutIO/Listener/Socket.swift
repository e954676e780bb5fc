#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the listener needs (the only platform code in the listener).
enum Socket {
  /// A non-blocking listening TCP socket bound to `host:port`; returns the descriptor and the bound port.
  static func listen(host: String, port: Int, backlog: Int32 = 1024) throws(ListenerError) -> (Int32, Int) {
    guard (0...65535).contains(port) else { throw .invalidPort(port) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port)).bigEndian
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw .invalidHost(host) }
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw .socket(call: "socket", reason: lastError()) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else {
      let reason = lastError()
      close(fd)
      throw .socket(call: "bind \(host):\(port)", reason: reason)
    }
    guard Glibc.listen(fd, backlog) == 0 else {
      let reason = lastError()
      close(fd)
      throw .socket(call: "listen", reason: reason)
    }
    setNonBlocking(fd)
    return (fd, boundPort(fd))
  }

  /// The local port `fd` is bound to.
  static func boundPort(_ fd: Int32) -> Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Accepts one pending connection (non-blocking, no Nagle delay), or `nil` when none is waiting.
  static func accept(_ listener: Int32) -> Int32? {
    let fd = Glibc.accept(listener, nil, nil)
    guard fd >= 0 else { return nil }
    setNonBlocking(fd)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    return fd
  }

  /// Puts `fd` in non-blocking mode.
  static func setNonBlocking(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL, 0)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
  }

  /// Writes as much of `bytes[from...]` as the socket takes now; returns bytes written, 0 when it would block, -1 on error.
  static func write(_ fd: Int32, _ bytes: [UInt8], from: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      let n = send(fd, raw.baseAddress! + from, raw.count - from, Int32(MSG_NOSIGNAL))
      if n >= 0 { return n }
      return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? 0 : -1
    }
  }

  /// Milliseconds on a monotonic clock, for timeouts.
  static func monotonicMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }

  /// The text of the current `errno`.
  static func lastError() -> String { String(cString: strerror(errno)) }
}

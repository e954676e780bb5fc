#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// Starts a non-blocking TCP connection to `host:port`, an IPv4 or IPv6 literal (no Nagle delay); the
  /// descriptor becomes writable when connected or failed (`connectError` tells which).
  static func connect(host: String, port: Int) -> Result<Int32, PlatformError> {
    guard let address = SocketAddress(host: host, port: port) else {
      return .failure(PlatformError(reason: "not an IPv4 or IPv6 address: \(host)"))
    }
    let fd = tcpSocket(family: address.family)
    guard fd >= 0 else { return .failure(PlatformError(reason: lastError())) }
    setNonBlocking(fd)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    let result = address.withSockaddr { Glibc.connect(fd, $0, $1) }
    if result == 0 || errno == EINPROGRESS { return .success(fd) }
    let reason = lastError()
    close(fd)
    return .failure(PlatformError(reason: reason))
  }

  /// The pending error of a connecting socket (`connection refused`…), or `nil` when it connected.
  static func connectError(_ fd: Int32) -> String? {
    var code: Int32 = 0
    var length = socklen_t(MemoryLayout<Int32>.size)
    guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return lastError() }
    return code == 0 ? nil : String(cString: strerror(code)).lowercased()
  }

  /// Nanoseconds on a monotonic clock.
  static func monotonicNanoseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
  }

  /// Reads what is available into `buffer`, telling a reset apart from an orderly close.
  static func readDetailed(_ fd: Int32, into buffer: inout [UInt8]) -> (count: Int, error: String?) {
    let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    if n > 0 { return (n, nil) }
    if n == 0 { return (0, "connection closed") }
    if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return (-1, nil) }
    return (0, errno == ECONNRESET ? "connection reset" : lastError().lowercased())
  }
}

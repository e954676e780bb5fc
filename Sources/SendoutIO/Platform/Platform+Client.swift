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

/// A reusable set of descriptors for `poll`, kept between calls so a hot loop allocates nothing.
struct PollSet {
  private var fds: [pollfd] = []

  /// Sizes the set for `count` slots, all unused.
  init(count: Int) { fds = Array(repeating: pollfd(fd: -1, events: 0, revents: 0), count: count) }

  /// Watches `fd` in slot `i` for reading and/or writing (a negative fd leaves the slot unused).
  mutating func set(_ i: Int, fd: Int32, read: Bool, write: Bool) {
    fds[i].fd = fd
    fds[i].events = (read ? Int16(POLLIN) : 0) | (write ? Int16(POLLOUT) : 0)
    fds[i].revents = 0
  }

  /// Waits up to `timeoutMilliseconds` (0: just check).
  mutating func wait(timeoutMilliseconds: Int32) { _ = Glibc.poll(&fds, nfds_t(fds.count), timeoutMilliseconds) }

  /// Waits up to `timeoutNanoseconds` (0: just check) with `ppoll`'s nanosecond timeout, so an open-loop
  /// generator can sleep until a request is due instead of spinning; `poll` (whole ms) when `ppoll` is missing.
  mutating func wait(timeoutNanoseconds: Int64) {
    guard let ppoll = PollSet.ppoll else {
      let ms = timeoutNanoseconds <= 0 ? 0 : Int32(min((timeoutNanoseconds + 999_999) / 1_000_000, 1000))
      return wait(timeoutMilliseconds: ms)
    }
    let t = max(0, timeoutNanoseconds)
    var spec = timespec(tv_sec: Int(t / 1_000_000_000), tv_nsec: Int(t % 1_000_000_000))
    _ = fds.withUnsafeMutableBufferPointer { ppoll($0.baseAddress, nfds_t($0.count), &spec, nil) }
  }

  private typealias PPoll =
    @convention(c) (
      UnsafeMutablePointer<pollfd>?, nfds_t, UnsafePointer<timespec>?, UnsafeRawPointer?
    ) -> Int32

  /// glibc's `ppoll`, which the Glibc module does not export (it is a GNU extension); looked up once.
  private static let ppoll: PPoll? = dlsym(nil, "ppoll").map { unsafeBitCast($0, to: PPoll.self) }

  /// Input, end of input or an error is pending in slot `i`.
  func readable(_ i: Int) -> Bool { fds[i].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 }

  /// Slot `i` can take output (or finished connecting).
  func writable(_ i: Int) -> Bool { fds[i].revents & Int16(POLLOUT | POLLERR | POLLHUP) != 0 }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin wrappers over the POSIX calls SendoutIO needs (sockets, `poll` for one-off waits, a wake-up pipe, append-only
/// files; the load client's connect is in Platform+Client.swift, the event loops' epoll in EventPoll.swift): with
/// EventPoll, the only files that call the system, so the rest of the module never touches `errno` or C types.
enum Platform {
  /// One descriptor to watch with `poll`, and what happened to it.
  struct PollEntry {
    /// The descriptor.
    var fd: Int32
    /// Watch for input (or end of input).
    var wantRead: Bool
    /// Watch for room to write.
    var wantWrite: Bool = false
    /// Set by `poll`: input, end of input or an error is pending.
    var readable = false
    /// Set by `poll`: the descriptor can take more output.
    var writable = false
  }

  /// What one `read` gave.
  enum ReadResult {
    /// This many bytes were read into the buffer.
    case bytes(Int)
    /// Nothing to read right now.
    case wouldBlock
    /// The peer closed, or the descriptor failed.
    case end
  }

  /// Waits up to `timeoutMilliseconds` for any entry to become ready; sets `readable` / `writable`.
  static func poll(_ entries: inout [PollEntry], timeoutMilliseconds: Int32) {
    var fds = entries.map { entry in
      pollfd(
        fd: entry.fd, events: (entry.wantRead ? Int16(POLLIN) : 0) | (entry.wantWrite ? Int16(POLLOUT) : 0), revents: 0)
    }
    _ = Glibc.poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
    for i in entries.indices {
      entries[i].readable = fds[i].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
      entries[i].writable = fds[i].revents & Int16(POLLOUT) != 0
    }
  }

  /// Reads what is available from non-blocking `fd` into `buffer`.
  static func read(_ fd: Int32, into buffer: inout [UInt8]) -> ReadResult {
    let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
    if n > 0 { return .bytes(n) }
    if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wouldBlock }
    return .end
  }

  /// A non-blocking pipe for waking an event loop from another thread.
  static func makeWakePipe() -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return (-1, -1) }
    setNonBlocking(fds[0])
    return (fds[0], fds[1])
  }

  /// Writes one byte to a wake-up pipe.
  static func wake(_ fd: Int32) {
    var byte: UInt8 = 1
    _ = Glibc.write(fd, &byte, 1)
  }

  /// Empties a non-blocking wake-up pipe.
  static func drain(_ fd: Int32) {
    var bytes = [UInt8](repeating: 0, count: 64)
    while Glibc.read(fd, &bytes, bytes.count) > 0 {}
  }

  /// Closes `fd` (ignores negative descriptors).
  static func close(_ fd: Int32) { if fd >= 0 { _ = Glibc.close(fd) } }

  /// Opens `path` for appending (created 0644 if missing); returns the descriptor or the system's reason.
  static func openForAppend(_ path: String) -> Result<Int32, PlatformError> {
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    return fd >= 0 ? .success(fd) : .failure(PlatformError(reason: lastError()))
  }

  /// Writes all of `bytes` to blocking `fd` (retrying short writes and EINTR).
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Result<Void, PlatformError> {
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { raw in
        guard let base = raw.baseAddress else { return 0 }
        return Glibc.write(fd, base + written, bytes.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        let code = errno
        return .failure(PlatformError(reason: lastError(), code: code))
      }
      written += n
    }
    return .success(())
  }

  /// A non-blocking listening TCP socket bound to `host:port`; returns the descriptor and the bound port.
  /// With `reusePort`, several sockets may bind the same port and the kernel spreads connections over them; the first
  /// of them (`joining` false) first proves the port free with a plain bind, since SO_REUSEPORT would otherwise let it
  /// join another process's sockets on that port (a second `sendout listen` silently taking half the requests).
  static func listen(
    host: String, port: Int, backlog: Int32 = 1024, reusePort: Bool = false, joining: Bool = false
  ) throws(ListenerError) -> (Int32, Int) {
    guard (0...65535).contains(port) else { throw .invalidPort(port) }
    guard let address = SocketAddress(host: host, port: port) else { throw .invalidHost(host) }
    if reusePort && !joining && port != 0 { close(try bound(address, host: host, port: port, reusePort: false)) }
    let fd = try bound(address, host: host, port: port, reusePort: reusePort)
    guard Glibc.listen(fd, backlog) == 0 else {
      let reason = lastError()
      close(fd)
      throw .socket(call: "listen", reason: reason)
    }
    setNonBlocking(fd)
    return (fd, boundPort(fd))
  }

  /// A TCP socket bound to `address` (SO_REUSEADDR, SO_REUSEPORT when asked, IPv6 only for an IPv6 address).
  private static func bound(_ address: SocketAddress, host: String, port: Int, reusePort: Bool)
    throws(ListenerError) -> Int32
  {
    let fd = tcpSocket(family: address.family)
    guard fd >= 0 else { throw .socket(call: "socket", reason: lastError()) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    if reusePort { setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size)) }
    if address.family == AF_INET6 {  // ::1 means IPv6 only, as [::1] in a URL does
      setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
    guard address.withSockaddr({ bind(fd, $0, $1) }) == 0 else {
      let inUse = errno == EADDRINUSE
      let reason = lastError()
      close(fd)
      throw inUse ? .addressInUse(host: host, port: port) : .socket(call: "bind \(host):\(port)", reason: reason)
    }
    return fd
  }

  /// The local port `fd` is bound to (IPv4 or IPv6: the port sits at the same offset in both).
  static func boundPort(_ fd: Int32) -> Int {
    var address = sockaddr_in6()
    var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin6_port))
  }

  /// What `accept` found.
  enum Accepted: Equatable {
    /// A new connection's descriptor.
    case connection(Int32)
    /// Nothing waiting (or a connection that went away before it was taken).
    case none
    /// A connection is waiting but the process (or system) has no descriptor left for it (`EMFILE`, `ENFILE`):
    /// it stays queued and the listening socket stays readable.
    case outOfFiles
  }

  /// Accepts one pending connection (non-blocking, no Nagle delay).
  static func accept(_ listener: Int32) -> Accepted {
    let fd = Glibc.accept(listener, nil, nil)
    guard fd >= 0 else { return errno == EMFILE || errno == ENFILE ? .outOfFiles : .none }
    setNonBlocking(fd)
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    return .connection(fd)
  }

  /// The soft limit on this process's open descriptors (`RLIMIT_NOFILE`); `nil` when unlimited or unknown.
  static func openFileLimit() -> Int? {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
    return Int(clamping: limit.rlim_cur)
  }

  /// Puts `fd` in non-blocking mode.
  static func setNonBlocking(_ fd: Int32) {
    let flags = fcntl(fd, F_GETFL, 0)
    _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
  }

  /// Writes as much of `bytes[from...]` as the socket takes now; returns bytes written, 0 when it would block, -1 on error.
  static func write(_ fd: Int32, _ bytes: [UInt8], from: Int) -> Int {
    bytes.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { return 0 }
      let n = send(fd, base + from, raw.count - from, Int32(MSG_NOSIGNAL))
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

/// A failed system call: the text of `errno`.
struct PlatformError: Error {
  /// `strerror(errno)`.
  var reason: String
  /// `errno`, where a caller tells failures apart (a full disk); 0 otherwise.
  var code: Int32 = 0
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Platform {
  /// An IPv4 or IPv6 socket address, kept as `sockaddr_storage` so either family fits.
  struct SocketAddress {
    var storage = sockaddr_storage()
    var length: socklen_t = 0
    var family: Int32 { Int32(storage.ss_family) }

    /// `host` as a numeric address: an IPv4 literal (`127.0.0.1`) or an IPv6 literal with or without
    /// brackets (`::1`, `[::1]`); `nil` for anything else (names are not resolved).
    init?(host: String, port: Int) {
      guard (0...65535).contains(port) else { return nil }
      var literal = host
      if literal.hasPrefix("[") && literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
      if literal.contains(":") {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET6, literal, &address.sin6_addr) == 1 else { return nil }
        withUnsafeBytes(of: &address) { raw in
          withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) }
        }
        length = socklen_t(MemoryLayout<sockaddr_in6>.size)
      } else {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else { return nil }
        withUnsafeBytes(of: &address) { raw in
          withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: raw) }
        }
        length = socklen_t(MemoryLayout<sockaddr_in>.size)
      }
    }

    /// Calls `body` with the address as a `sockaddr` pointer and its length.
    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
      withUnsafePointer(to: storage) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
      }
    }
  }

  /// A TCP socket of `family`, or -1.
  static func tcpSocket(family: Int32) -> Int32 {
    #if canImport(Glibc)
      socket(family, Int32(SOCK_STREAM.rawValue), 0)
    #else
      socket(family, SOCK_STREAM, 0)
    #endif
  }
}

extension Platform {
  /// What a host names on this machine, for telling whether a URL points back at a local server.
  enum HostKind: Equatable {
    /// `localhost`, 127.0.0.0/8, `::1`, `::ffff:127.x.y.z`.
    case loopback
    /// `0.0.0.0`, `::` (a connection to it reaches the loopback).
    case wildcard
    /// Any other address (normalised, so `10.1` and `10.0.0.1` are one) or name (lowercased, not resolved).
    case other(String)
  }

  /// The kind of `host` (brackets, case and a trailing dot ignored; IPv4 in any form `inet_aton` reads).
  static func hostKind(_ host: String) -> HostKind {
    var h = host.lowercased()
    if h.hasPrefix("[") && h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
    if h.hasSuffix(".") { h.removeLast() }
    if h == "localhost" || h.hasSuffix(".localhost") { return .loopback }
    var v4 = in_addr()
    if !h.contains(":"), inet_aton(h, &v4) != 0 { return kind(ipv4: UInt32(bigEndian: v4.s_addr)) }
    var v6 = in6_addr()
    guard h.contains(":"), inet_pton(AF_INET6, h, &v6) == 1 else { return .other(h) }
    let bytes = withUnsafeBytes(of: &v6) { Array($0) }
    if bytes.allSatisfy({ $0 == 0 }) { return .wildcard }
    if bytes.prefix(15).allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return .loopback }
    if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
      return kind(ipv4: bytes[12...].reduce(0) { $0 << 8 | UInt32($1) })
    }
    return .other(bytes.map { String($0, radix: 16) }.joined(separator: ":"))
  }

  private static func kind(ipv4 address: UInt32) -> HostKind {
    if address == 0 { return .wildcard }
    if address >> 24 == 127 { return .loopback }
    return .other("\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)")
  }
}

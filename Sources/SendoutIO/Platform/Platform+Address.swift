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

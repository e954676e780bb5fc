import SendoutCore

/// An `http://host:port/path` target for the socket clients: an IPv4 literal, an `[IPv6]` literal, `localhost` or a
/// host name, which `getaddrinfo` resolves when parsed.
public struct LoadTarget: Sendable, Equatable {
  /// The host as given: an IP literal (IPv6 without brackets) or a name.
  public var host: String
  /// The numeric addresses a connection tries in turn until one accepts: the literal, `localhost`'s 127.0.0.1 and
  /// ::1 (a dev server often listens on one of them only), or every IPv6 and IPv4 address of a name.
  public var addresses: [String]
  /// The `Host` header value as given in the URL.
  public var hostHeader: String
  /// The TCP port.
  public var port: Int
  /// The request target (path and query).
  public var path: String

  /// Parses `url` and resolves its host name; a reason when the socket client cannot use it.
  public static func parse(_ url: String) -> Result<LoadTarget, LoadTargetError> { parse(url, resolvingNames: true) }

  /// Parses `url`; a host name other than `localhost` is resolved when `resolvingNames`, else refused.
  static func parse(_ url: String, resolvingNames: Bool) -> Result<LoadTarget, LoadTargetError> {
    guard url.hasPrefix("http://") else {
      return .failure(
        LoadTargetError(
          url: url, reason: "the socket transport speaks plain http:// only (use --transport urlsession for https://)"))
    }
    let rest = url.dropFirst("http://".count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    var path = String(rest.dropFirst(authority.count))
    if path.isEmpty { path = "/" } else if path.hasPrefix("?") { path = "/" + path }
    let name: Substring
    let portText: Substring?
    if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {  // [IPv6]:port
      name = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      guard after.isEmpty || after.hasPrefix(":") else {
        return .failure(LoadTargetError(url: url, reason: "expected http://[IPV6]:PORT/PATH"))
      }
      portText = after.isEmpty ? nil : after.dropFirst()
    } else {
      let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
      guard (1...2).contains(parts.count), !parts[0].isEmpty else {
        return .failure(LoadTargetError(url: url, reason: "expected http://HOST[:PORT]/PATH"))
      }
      name = parts[0]
      portText = parts.count == 2 ? parts[1] : nil
    }
    let port =
      portText.map { text in text.utf8.allSatisfy { (48...57).contains($0) } ? Int(text.prefix(6)) : nil } ?? 80
    guard let port, (1...65535).contains(port) else {
      return .failure(LoadTargetError(url: url, reason: "the port must be 1-65535"))
    }
    let host = String(name)
    let addresses: [String]
    if host.lowercased() == "localhost" {
      addresses = ["127.0.0.1", "::1"]
    } else if Platform.SocketAddress(host: host, port: port) != nil {
      addresses = [host]
    } else if resolvingNames, isHostName(host) {
      switch Platform.resolve(host) {
      case .success(let found): addresses = found
      case .failure(let error):
        return .failure(
          LoadTargetError(
            url: url,
            reason: "cannot resolve the host name '\(host)' (\(error.reason)): check the name, or give an IP address"))
      }
    } else {
      return .failure(
        LoadTargetError(
          url: url,
          reason:
            "expected an IPv4 address, [IPv6] address or host name, got '\(TerminalText.escape(host))'"
        ))
    }
    return .success(
      LoadTarget(host: host, addresses: addresses, hostHeader: String(authority), port: port, path: path))
  }

  /// Letters, digits, `-`, `_` and dots, not starting with a dot (`app`, `api.internal`), at most 253 characters.
  private static func isHostName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 253 && !name.hasPrefix(".")
      && name.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0 & 0xDF) || "-._".utf8.contains($0) }
  }
}

/// A URL the socket load client cannot use.
public struct LoadTargetError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The URL given.
  public var url: String
  /// Why it cannot be used, and what is accepted.
  public var reason: String
  /// One line for the user, the URL without its password.
  public var description: String {
    "Invalid load target '\(TerminalText.escape(TargetURL.withoutPassword(url)))': \(reason)"
  }
}

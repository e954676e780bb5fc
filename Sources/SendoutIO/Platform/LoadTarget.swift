import SendoutCore

/// An `http://host:port/path` target for the socket load client (IPv4 literal, `[IPv6]` literal or `localhost`).
public struct LoadTarget: Sendable, Equatable {
  /// The IPv4 or IPv6 address connected to (IPv6 without brackets).
  public var host: String
  /// The `Host` header value as given in the URL.
  public var hostHeader: String
  /// The TCP port.
  public var port: Int
  /// The request target (path and query).
  public var path: String

  /// Parses `url`; `nil` with a reason when the socket client cannot use it.
  public static func parse(_ url: String) -> Result<LoadTarget, LoadTargetError> {
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
    let host = name == "localhost" ? "127.0.0.1" : String(name)
    guard Platform.SocketAddress(host: host, port: port) != nil else {
      return .failure(
        LoadTargetError(
          url: url,
          reason:
            "the socket transport needs an IPv4 address, [IPv6] address or localhost, got '\(TerminalText.escape(String(name)))'"
        ))
    }
    return .success(LoadTarget(host: host, hostHeader: String(authority), port: port, path: path))
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

import SendoutCore

/// The one DNS-rebinding check of every page and JSON endpoint Sendout serves (`serve`'s `/_sendout/…`, `sendout
/// dashboard`, `listen --ui`): on a server bound to a loopback address, a request for a guarded path is answered
/// only when its `Host` names this machine — `localhost`, an IPv4 address in 127.0.0.0/8 or `[::1]`, with any port
/// (an `ssh -L` tunnel changes it). A web page whose own name was rebound to 127.0.0.1 sends its own name, and gets a
/// 403 instead of the data. A request without `Host` (HTTP/1.0, scripts) is not from a browser page and passes.
/// The HTTP loop applies it before the handler sees the request (`HTTPServerConfiguration.hostGuard`).
public struct LoopbackHostGuard: Sendable, Equatable {
  /// The guarded paths: this prefix and everything under it (`/_sendout`); `""` guards every path.
  public var prefix: String

  /// A guard for `prefix` and the paths under it.
  public init(prefix: String) { self.prefix = prefix }

  /// The pages and JSON endpoints under `/_sendout/` (`serve`, `listen --ui`); other paths (the mock API's
  /// `/v1/…`, webhooks to the listener) answer any `Host`.
  public static let reserved = LoopbackHostGuard(prefix: "/_sendout")

  /// Every path (`sendout dashboard`, whose every path is a page or its data).
  public static let everything = LoopbackHostGuard(prefix: "")

  /// Why `head` is refused (a guarded path asked for under a foreign `Host`), or `nil`.
  public func refusal(_ head: HTTPHead) -> String? {
    guard guards(head.target ?? "/"), let host = head.value("host") else { return nil }
    guard !Self.namesThisMachine(host: host) else { return nil }
    return "Host '\(TerminalText.escape(host))' is not allowed here: this page answers only a Host of localhost, "
      + "127.x.y.z or [::1] (any port), against DNS rebinding"
  }

  /// Whether `target`'s path (before any `?`) is `prefix` or under it; compared as bytes, since every request to the
  /// mock API asks (by characters it was 3 % of a GET).
  func guards(_ target: String) -> Bool {
    let path = target.utf8.prefix { $0 != UInt8(ascii: "?") }
    guard path.starts(with: prefix.utf8) else { return false }
    let rest = path.dropFirst(prefix.utf8.count)
    return rest.isEmpty || rest.first == UInt8(ascii: "/")
  }

  /// Whether a `Host` header value names this machine: `localhost`, `127.a.b.c` or `[::1]`, optionally with `:PORT`.
  public static func namesThisMachine(host: String) -> Bool {
    let name: Substring
    let rest: Substring
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      name = host[...close]
      rest = host[host.index(after: close)...]
    } else {
      name = host.prefix { $0 != ":" }
      rest = host.dropFirst(name.count)
    }
    guard rest.isEmpty || (rest.hasPrefix(":") && rest.count <= 6 && rest.dropFirst().allSatisfy(\.isASCIIDigit))
    else { return false }
    return isLoopback(name)
  }

  /// Whether `address` (a bind address or a `Host` name) is this machine: `localhost`, `::1` (bracketed or not) or
  /// a dotted IPv4 address in 127.0.0.0/8. A name like `127.0.0.1.example.com` is not.
  public static func isLoopback<S: StringProtocol>(_ address: S) -> Bool {
    let lower = address.lowercased()
    if lower == "localhost" || lower == "::1" || lower == "[::1]" { return true }
    let octets = lower.split(separator: ".", omittingEmptySubsequences: false)
    return octets.count == 4 && octets[0] == "127"
      && octets.allSatisfy { $0.count <= 3 && !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && (Int($0) ?? 256) <= 255 }
  }
}

extension Character {
  /// `0`…`9` only (not other scripts' digits).
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

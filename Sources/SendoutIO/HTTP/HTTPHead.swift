import SendoutCore

/// The start line and header fields of an HTTP/1.x request or response.
public struct HTTPHead: Sendable, Equatable {
  /// A request line or a status line.
  public enum StartLine: Sendable, Equatable {
    /// `POST /hooks HTTP/1.1`.
    case request(method: String, target: String)
    /// `HTTP/1.1 200 OK`.
    case response(status: Int, reason: String)
  }

  /// The start line.
  public var startLine: StartLine
  /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
  public var minorVersion: Int
  /// The header fields in order, names as sent.
  public var headers: [HTTPHeader]

  /// Creates a head.
  public init(startLine: StartLine, minorVersion: Int = 1, headers: [HTTPHeader]) {
    self.startLine = startLine
    self.minorVersion = minorVersion
    self.headers = headers
  }

  /// The request method, or `nil` for a response.
  public var method: String? { if case .request(let m, _) = startLine { m } else { nil } }
  /// The request target, or `nil` for a response.
  public var target: String? { if case .request(_, let t) = startLine { t } else { nil } }
  /// The response status, or `nil` for a request.
  public var status: Int? { if case .response(let s, _) = startLine { s } else { nil } }

  /// Every value of header `name` (case-insensitive), in order.
  public func values(_ name: String) -> [String] {
    headers.filter { Self.sameName($0.name, name) }.map(\.value)
  }

  /// The first value of header `name` (case-insensitive).
  public func value(_ name: String) -> String? { headers.first { Self.sameName($0.name, name) }?.value }

  /// Whether two header names are equal ignoring ASCII case, without allocating (the listener asks for
  /// several headers of every request; `lowercased()` on each name was a measurable share of its time).
  static func sameName(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        for i in 0..<x.count where x[i] != y[i] && lower(x[i]) != lower(y[i]) { return false }
        return true
      }
    }
  }

  private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// Whether the connection stays open after this message: HTTP/1.1 unless `connection: close`,
  /// HTTP/1.0 only with `connection: keep-alive`.
  /// Read without allocating: the load client and both servers ask it of every message.
  public var keepAlive: Bool {
    var keepAliveToken = false
    for header in headers where Self.sameName(header.name, "connection") {
      var value = header.value
      let tokens = value.withUTF8(Self.connectionTokens)
      if tokens.close { return false }
      keepAliveToken = keepAliveToken || tokens.keepAlive
    }
    return minorVersion >= 1 || keepAliveToken
  }

  /// Whether a `connection` value's comma-separated tokens (spaces and tabs around each ignored, ASCII case too)
  /// include `close` and `keep-alive`.
  static func connectionTokens(_ value: UnsafeBufferPointer<UInt8>) -> (close: Bool, keepAlive: Bool) {
    var found = (close: false, keepAlive: false)
    var start = 0
    while start <= value.count {
      var end = start
      while end < value.count && value[end] != UInt8(ascii: ",") { end += 1 }
      var (first, last) = (start, end)
      while first < last && (value[first] == 0x20 || value[first] == 0x09) { first += 1 }
      while last > first && (value[last - 1] == 0x20 || value[last - 1] == 0x09) { last -= 1 }
      let token = UnsafeBufferPointer(rebasing: value[first..<last])
      if token.count == 5, sameToken(token, "close") { found.close = true }
      if token.count == 10, sameToken(token, "keep-alive") { found.keepAlive = true }
      start = end + 1
    }
    return found
  }

  private static func sameToken(_ token: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    for i in 0..<token.count where lower(token[i]) != word.utf8Start[i] { return false }
    return true
  }
}

extension String {
  func trimmed(of set: String) -> String {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return String(s)
  }
}

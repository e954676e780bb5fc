/// One webhook POST as the transport sees it: URL, headers in sending order, body bytes and timeout.
public struct TransportRequest: Sendable, Equatable {
  /// The absolute `http://` or `https://` URL.
  public var url: String
  /// Headers in sending order; the transport sends exactly these (plus what HTTP framing requires).
  public var headers: [HTTPHeader]
  /// The exact body bytes.
  public var body: [UInt8]
  /// How long to wait for the whole response, in milliseconds (Voucherify: 10 000).
  public var timeoutMilliseconds: Int64

  /// Creates a request.
  public init(
    url: String, headers: [HTTPHeader], body: [UInt8],
    timeoutMilliseconds: Int64 = RetryPolicy.voucherifyTimeoutMilliseconds
  ) {
    self.url = url
    self.headers = headers
    self.body = body
    self.timeoutMilliseconds = timeoutMilliseconds
  }

  /// The request that delivers `sendout` to its source's target URL.
  public init(_ sendout: Sendout, timeoutMilliseconds: Int64) {
    self.init(
      url: sendout.source.targetURL, headers: sendout.headers, body: sendout.body,
      timeoutMilliseconds: timeoutMilliseconds)
  }

  /// Throws unless `url` is `http://` or `https://` followed by a host (checked before any attempt,
  /// so a typo is a usage error rather than 13 failed attempts).
  public static func validate(url: String) throws(DeliveryError) {
    let lower = url.lowercased()
    guard let scheme = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else {
      throw .invalidTargetURL(url)
    }
    let rest = url.dropFirst(scheme.count)
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard !host.isEmpty, !host.hasPrefix(":"), !host.contains(" ") else { throw .invalidTargetURL(url) }
    // The authority: RFC 3986 characters only, brackets only around an IPv6 literal, a numeric port.
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%!$&'()*+,;=:@[]".utf8)
    guard host.utf8.allSatisfy({ allowed.contains($0) }) else { throw .invalidTargetURL(url) }
    let hostPort = host.split(separator: "@").last ?? ""
    var port: Substring?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]"), close > hostPort.index(after: hostPort.startIndex) else {
        throw .invalidTargetURL(url)
      }
      let after = hostPort[hostPort.index(after: close)...]
      guard after.isEmpty || after.hasPrefix(":") else { throw .invalidTargetURL(url) }
      port = after.isEmpty ? nil : after.dropFirst()
    } else {
      guard !hostPort.contains("["), !hostPort.contains("]") else { throw .invalidTargetURL(url) }
      let parts = hostPort.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count <= 2, !(parts.first ?? "").isEmpty else { throw .invalidTargetURL(url) }
      port = parts.count == 2 ? parts[1] : nil
    }
    if let port, !port.isEmpty {
      guard port.utf8.allSatisfy({ (48...57).contains($0) }), let n = Int(port.prefix(6)), (1...65535).contains(n)
      else {
        throw .invalidTargetURL(url)
      }
    }
  }
}

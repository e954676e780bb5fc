/// Why a request got no HTTP response. Carried as a value from the transport to the audit record and the
/// printer; its text (`reason`) is made only where it is written or shown.
public enum TransportError: Error, Sendable, Hashable {
  /// No complete response within the timeout (milliseconds).
  case timeout(milliseconds: Int64)
  /// The receiver refused the connection.
  case refused
  /// The target's host name did not resolve.
  case hostNotFound
  /// The connection closed (or was reset) before any response.
  case closedBeforeResponse
  /// The connection closed after a response started but before it was complete.
  case closedMidResponse
  /// What came back is HTTP, but malformed.
  case malformedResponse
  /// What came back is not HTTP at all.
  case notHTTP
  /// The TLS handshake failed.
  case tlsFailed
  /// The machine has no network.
  case noNetwork
  /// The URL's scheme or form is one the transport cannot send to.
  case unsupportedURL
  /// The target URL is not an absolute http(s) URL.
  case invalidURL(String)
  /// The surrounding task was cancelled (Ctrl-C) before a response arrived.
  case cancelled
  /// Any other connection failure, with a short reason.
  case other(String)

  /// A short reason for the audit log's `error` field.
  public var reason: String {
    switch self {
    case .timeout(let ms): "timeout after \(DurationText.format(milliseconds: Double(ms)))"
    case .refused: "connection refused"
    case .hostNotFound: "host not found"
    case .closedBeforeResponse: "connection closed before a response"
    case .closedMidResponse: "connection closed before a complete response"
    case .malformedResponse: "malformed response"
    case .notHTTP: "malformed response (not HTTP)"
    case .tlsFailed: "TLS failed"
    case .noNetwork: "no network"
    case .unsupportedURL: "unsupported URL"
    case .invalidURL(let url):
      "invalid URL '\(TerminalText.escape(TargetURL.withoutPassword(url)))': expected an absolute http:// or https:// URL"
    case .cancelled: "cancelled"
    case .other(let why): why
    }
  }

  /// The error whose `reason` is `text` (as read back from an audit log); unknown texts become `.other`.
  public init(reason text: String) {
    let fixed: [TransportError] = [
      .refused, .hostNotFound, .closedBeforeResponse, .closedMidResponse, .malformedResponse, .notHTTP, .tlsFailed,
      .noNetwork, .unsupportedURL, .cancelled,
    ]
    if let match = fixed.first(where: { $0.reason == text }) {
      self = match
    } else if text.hasPrefix("timeout after "), let ms = DurationText.wholeMilliseconds(String(text.dropFirst(14))) {
      self = .timeout(milliseconds: ms)
    } else if text.hasPrefix("invalid URL '"), let end = text.range(of: "': expected", options: .backwards) {
      self = .invalidURL(String(text[text.index(text.startIndex, offsetBy: 13)..<end.lowerBound]))
    } else {
      self = .other(text)
    }
  }
}

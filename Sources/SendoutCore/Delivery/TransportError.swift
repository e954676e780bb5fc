/// Why a request got no HTTP response.
public enum TransportError: Error, Sendable, Equatable {
  /// No complete response within the timeout (milliseconds).
  case timeout(milliseconds: Int64)
  /// The connection could not be made or broke; the text is a short reason (`connection refused`).
  case connection(String)
  /// The target URL is not an absolute http(s) URL.
  case invalidURL(String)
  /// The surrounding task was cancelled (Ctrl-C) before a response arrived.
  case cancelled

  /// A short reason for the audit log's `error` field.
  public var reason: String {
    switch self {
    case .timeout(let ms): "timeout after \(DurationText.format(milliseconds: Double(ms)))"
    case .connection(let why): why
    case .invalidURL(let url): "invalid URL '\(url)': expected an absolute http:// or https:// URL"
    case .cancelled: "cancelled"
    }
  }
}

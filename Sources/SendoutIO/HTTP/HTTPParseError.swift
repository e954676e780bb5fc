/// Why bytes are not a valid HTTP/1.1 message; `status` is what a server should answer.
public enum HTTPParseError: Error, Sendable, Equatable {
  /// Start line and headers exceed `HTTPLimits.maxHeadBytes` or `maxHeaderCount` (431).
  case headTooLarge(limit: Int)
  /// The body exceeds `HTTPLimits.maxBodyBytes` (413).
  case bodyTooLarge(limit: Int)
  /// Not HTTP/1.x syntax; the text says what was wrong (400).
  case malformed(String)
  /// A transfer coding other than `chunked` (501).
  case unsupportedTransferEncoding(String)
  /// The connection ended in the middle of a message.
  case incomplete

  /// The response status a server sends for this error.
  public var status: Int {
    switch self {
    case .headTooLarge: 431
    case .bodyTooLarge: 413
    case .malformed, .incomplete: 400
    case .unsupportedTransferEncoding: 501
    }
  }

  /// A short description.
  public var reason: String {
    switch self {
    case .headTooLarge(let limit): "request head larger than \(limit) bytes or too many header fields"
    case .bodyTooLarge(let limit): "body larger than \(limit) bytes"
    case .malformed(let what): "malformed HTTP: \(what)"
    case .unsupportedTransferEncoding(let te): "unsupported transfer-encoding '\(te)': only chunked is accepted"
    case .incomplete: "connection closed mid-message"
    }
  }
}

/// Why a load-test request got no final status, counted by kind. Both generators (the socket client and
/// URLSession) report these values; `text` is the form the report and the load audit lines show.
public enum LoadFailure: Error, Sendable, Hashable {
  /// No response within the timeout.
  case timeout
  /// The receiver refused the connection.
  case refused
  /// The connection could not be made; the system's reason.
  case connect(String)
  /// The receiver reset the connection while a request was on it.
  case reset
  /// The connection closed before any response.
  case closedBeforeResponse
  /// The socket failed while reading; the system's reason.
  case socket(String)
  /// A response arrived when no request was waiting for one.
  case unsolicitedResponse
  /// What came back is not a valid HTTP response; the parser's reason.
  case badResponse(String)
  /// URLSession's answer was not an HTTP response.
  case malformedResponse
  /// Not sent: the target was unreachable for a whole timeout, so the run ended.
  case notSentTargetUnreachable
  /// Any other failure, with a short reason.
  case other(String)

  /// The kind as the report and the load audit log write it.
  public var text: String {
    switch self {
    case .timeout: "timeout"
    case .refused: "connection refused"
    case .connect(let why): "connect: \(why)"
    case .reset: "connection reset"
    case .closedBeforeResponse: "connection closed before a response"
    case .socket(let why): why
    case .unsolicitedResponse: "unsolicited response"
    case .badResponse(let why): "bad response: \(why)"
    case .malformedResponse: "malformed response"
    case .notSentTargetUnreachable: "not sent: target unreachable"
    case .other(let why): why
    }
  }
}

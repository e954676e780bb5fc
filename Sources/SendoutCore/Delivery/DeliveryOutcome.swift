/// How one record of a sendout came about: a response with a status, no response (and why), a cancellation
/// before the attempt, or a skip because the source is paused. The audit log's `http_status` and `error`
/// fields are its text form, and `init(httpStatus:error:)` reads them back.
public enum DeliveryOutcome: Sendable, Hashable {
  /// The receiver answered with this status (2xx is a success; anything else a failed attempt); `note` tells
  /// something odd about a 2xx that still counts as delivered (a body that is not valid gzip).
  case response(status: Int, note: String? = nil)
  /// The attempt got no response.
  case noResponse(TransportError)
  /// Ctrl-C stopped the run before this attempt started; `attempt` is the attempt that was not made.
  case cancelledBefore(attempt: Int)
  /// Not sent: the source (distribution or project webhook) is paused after a sendout failed every attempt.
  case skipped(SourceKind, sourceID: String)

  /// The HTTP status, when there was a response.
  public var httpStatus: Int? {
    if case .response(let status, _) = self { return status }
    return nil
  }

  /// Whether Voucherify counts it as delivered (a 2xx response).
  public var isSuccess: Bool { httpStatus.map { (200...299).contains($0) } ?? false }

  /// Whether an in-flight attempt was cancelled, or the run stopped before the attempt.
  public var isCancellation: Bool {
    switch self {
    case .noResponse(.cancelled), .cancelledBefore: true
    default: false
    }
  }

  /// The audit log's `error` text; `nil` for a 2xx response.
  public var error: String? {
    switch self {
    case .response(let status, let note): isSuccess ? note : "HTTP \(status)"
    case .noResponse(let error): error.reason
    case .cancelledBefore(let attempt):
      "cancelled before " + (attempt <= 1 ? "the first attempt" : "attempt \(attempt)")
    case .skipped(let kind, let id):
      "not sent: "
        + (kind == .distribution ? "distribution \(id) is paused" : "webhook \(id) is disabled")
        + " after a sendout failed every attempt"
    }
  }

  /// The outcome written as `http_status` and `error`; texts this version does not know become `.other`.
  public init(httpStatus: Int?, error: String?) {
    if let httpStatus {
      let delivered = (200...299).contains(httpStatus)
      self = .response(status: httpStatus, note: delivered ? error : nil)
      return
    }
    guard let error else {
      self = .noResponse(.other("no status recorded"))
      return
    }
    if let rest = error.stripping(prefix: "cancelled before ") {
      if rest == "the first attempt" {
        self = .cancelledBefore(attempt: 1)
        return
      }
      if let n = rest.stripping(prefix: "attempt ").flatMap({ Int($0) }), n > 0 {
        self = .cancelledBefore(attempt: n)
        return
      }
    }
    if let rest = error.stripping(prefix: "not sent: "), let end = rest.range(of: " after a sendout failed") {
      let words = rest[..<end.lowerBound].split(separator: " ")
      if words.count == 4, words[2] == "is" {
        if words[0] == "distribution", words[3] == "paused" {
          self = .skipped(.distribution, sourceID: String(words[1]))
          return
        }
        if words[0] == "webhook", words[3] == "disabled" {
          self = .skipped(.webhook, sourceID: String(words[1]))
          return
        }
      }
    }
    self = .noResponse(TransportError(reason: error))
  }
}

extension String {
  /// The rest of the string after `prefix`, or `nil` when it does not start with it.
  fileprivate func stripping(prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }
}

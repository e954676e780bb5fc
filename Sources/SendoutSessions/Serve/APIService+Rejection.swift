import SendoutIO

extension APIService {
  /// A request the HTTP loop rejected before the mock API saw it: Voucherify's `Error` body, and a line for the
  /// observer.
  func rejection(status: Int, reason: String) -> HTTPReply {
    observer(.apiCall(method: "-", path: "(rejected: \(reason))", status: status))
    return .rejection(status: status, reason: reason)
  }
}

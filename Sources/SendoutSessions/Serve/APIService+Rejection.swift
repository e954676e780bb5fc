import SendoutIO

extension APIService {
  /// A request the HTTP loop rejected before the mock API saw it: Voucherify's `Error` body with a `request_id` from
  /// the sequence of refused calls (as any call refused before an endpoint), and a line for the observer.
  func rejection(status: Int, reason: String) -> HTTPReply {
    observer(.apiCall(method: "-", path: "(rejected: \(reason))", status: status))
    let at = clock()
    let requestID = state.withLock { $0.mock.refusedIDs.make(.group, at: $0.mock.simulatedNow ?? at) }
    return .rejection(status: status, reason: reason, requestID: requestID)
  }
}

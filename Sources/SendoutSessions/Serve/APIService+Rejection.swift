import SendoutCore
import SendoutIO

extension APIService {
  /// What the HTTP loop answers to a request it rejects before the mock API sees it (malformed 400, foreign `Host`
  /// on a `/_sendout/` page 403, too slow 408, body over 1 MiB 413, head too large 431): Voucherify's `Error` body,
  /// so clients parse it like any error. Nothing is applied or journaled, so its `request_id` is empty.
  func rejection(status: Int, reason: String) -> HTTPReply {
    observer(.apiCall(method: "-", path: "(rejected: \(reason))", status: status))
    return Self.rejectionReply(status: status, reason: reason)
  }

  /// A rejection as Voucherify's `Error` body (the dashboard's too).
  static func rejectionReply(status: Int, reason: String) -> HTTPReply {
    let (key, message) =
      switch status {
      case 403: ("forbidden_host", "Forbidden")
      case 408: ("request_timeout", "Request timeout")
      case 413: ("payload_too_large", "Payload too large")
      case 431: ("request_header_fields_too_large", "Request header fields too large")
      default: ("bad_request", "Bad request")
      }
    let error = APIError(status: status, key: key, message: message, details: reason)
    return HTTPReply(
      status: status, headers: [HTTPHeader("content-type", "application/json; charset=utf-8")],
      body: error.body(requestID: "").compactBytes)
  }
}

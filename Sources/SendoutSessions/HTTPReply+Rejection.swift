import SendoutAPI
import SendoutCore
import SendoutIO

extension HTTPReply {
  /// What a server answers to a request its HTTP loop rejects before any handler sees it (malformed 400, foreign
  /// `Host` on a `/_sendout/` page 403, too slow 408, body over 1 MiB 413, head too large 431): Voucherify's `Error`
  /// body, so clients parse it like any error, with `requestID` (the mock API draws one as for any refused call;
  /// the dashboard's is empty). Nothing was applied or journaled. The mock API and the dashboard answer alike.
  static func rejection(status: Int, reason: String, requestID: String = "") -> HTTPReply {
    let (key, message) =
      switch status {
      case 403: ("forbidden_host", "Forbidden")
      case 408: ("request_timeout", "Request timeout")
      case 413: ("payload_too_large", "Payload too large")
      case 431: ("request_header_fields_too_large", "Request header fields too large")
      default: ("bad_request", "Bad request")
      }
    let error = VoucherifyError(status: status, key: key, message: message, details: reason)
    return HTTPReply(
      status: status, headers: [HTTPHeader("content-type", "application/json; charset=utf-8")],
      body: error.body(requestID: requestID).compactBytes)
  }
}

import SendoutAPI
import SendoutCore

/// The filters and page of `GET /_sendout/api/sendouts`: `status`, `event_type`, `source`, `q` (free text),
/// `page` (from 1) and `limit` (1…500, default 50).
struct SendoutQuery: Sendable, Equatable {
  /// The most rows one page holds.
  static let maxLimit = 500

  /// Only rows whose latest status is this.
  var status: AuditStatus?
  /// Only rows whose event type (or envelope type) is this.
  var eventType: String?
  /// Only rows of this source (`wh_…` or `distr_…`).
  var source: String?
  /// Only rows whose ids, types, source, target, status or error contain this (case-insensitive).
  var search: String?
  /// The page, from 1.
  var page = 1
  /// Rows per page.
  var limit = 50

  /// Reads the query parameters; an unknown status or a bad page/limit is a 400 naming the parameter.
  init(_ parameters: [String: String]) throws(VoucherifyError) {
    func nonEmpty(_ key: String) -> String? { parameters[key].flatMap { $0.isEmpty ? nil : $0 } }
    if let text = nonEmpty("status") {
      guard let parsed = AuditStatus(text: text) else {
        throw Self.invalid("`status` must be SUCCESS, RETRYING, FAILED or SKIPPED, got '\(text)'")
      }
      status = parsed
    }
    eventType = nonEmpty("event_type")
    source = nonEmpty("source")
    search = nonEmpty("q")
    page = try Self.number(parameters, "page", default: 1, in: 1...1_000_000)
    limit = try Self.number(parameters, "limit", default: 50, in: 1...Self.maxLimit)
  }

  /// An integer parameter in `range`, or `fallback` when absent.
  static func number(_ parameters: [String: String], _ key: String, default fallback: Int, in range: ClosedRange<Int>)
    throws(VoucherifyError) -> Int
  {
    guard let text = parameters[key], !text.isEmpty else { return fallback }
    guard let n = Int(text), range.contains(n) else {
      throw invalid("`\(key)` must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
    }
    return n
  }

  /// A 400 about the query string.
  static func invalid(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_query_params", message: "Invalid query params", details: details)
  }
}

import SendoutAPI
import SendoutCore
import SendoutIO

/// One request to the dashboard: method, path split into segments after `/_sendout/`, and decoded query.
struct DashboardRequest: Sendable {
  /// `GET`, `POST`…
  var method: String
  /// The path without the query.
  var path: String
  /// The query parameters, percent-decoded.
  var query: [String: String]
  /// The head, for the guard's headers.
  var head: HTTPHead

  /// Splits the request target; a malformed %-escape in the query is a 400.
  init(_ message: HTTPMessage) throws(VoucherifyError) {
    head = message.head
    method = message.head.method ?? "GET"
    let target = message.head.target ?? "/"
    path = String(target.prefix { $0 != "?" })
    let queryText = target.firstIndex(of: "?").map { target[target.index(after: $0)...] } ?? ""
    guard let decoded = PercentDecoding.query(queryText) else {
      throw SendoutQuery.invalid("the query string has a malformed %-escape")
    }
    query = decoded
  }

  /// The path's segments after `/_sendout/` (`["api", "sendouts", ID]`), each percent-decoded.
  var segments: [String] {
    guard path.hasPrefix(DashboardService.prefix) else { return [] }
    return path.dropFirst(DashboardService.prefix.count).split(separator: "/").map {
      PercentDecoding.decode($0) ?? String($0)
    }
  }
}

import SendoutAPI
import SendoutCore

/// The world endpoints of `sendout serve`'s dashboard.
extension DashboardService {
  /// `GET /_sendout/api/world/{customers|vouchers|campaigns}?q=&page=&limit=`: one page, read under the API's lock.
  func world(_ kind: String, _ parameters: [String: String]) throws(VoucherifyError) -> JSON {
    guard let reader = configuration.world else {
      throw VoucherifyError(
        status: 404, key: "not_found", message: "Resource not found",
        details: "No world here: the world tabs are in 'sendout serve''s dashboard")
    }
    let query = try WorldBrowser.Query(kind: kind, parameters)
    return reader { world in WorldBrowser.page(world, query) }
  }
}

extension DashboardService {
  /// `GET /_sendout/api/calls`: `sendout serve`'s most recent API calls, newest first, each with the sendouts it
  /// caused; `bound` says how many are kept.
  func calls() throws(VoucherifyError) -> JSON {
    guard let log = configuration.calls else {
      throw VoucherifyError(
        status: 404, key: "not_found", message: "Resource not found",
        details: "No API calls here: the API calls tab is in 'sendout serve''s dashboard")
    }
    let (entries, total) = log.recent
    return [
      "object": "list", "bound": .int(APICallLog.bound), "total": .int(total),
      "calls": .array(entries.map(APICallLog.json)),
    ]
  }
}

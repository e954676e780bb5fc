import SendoutAPI
import SendoutCore
import SendoutIO

/// What keeps the dashboard's `POST` (Retry) to its own page. A foreign `Host` never gets this far: the server's
/// `LoopbackHostGuard` refuses it on a loopback bind (DNS rebinding).
///
/// `Sec-Fetch-Site` (when the browser sends it) must be `same-origin` or `none`, and `Origin` (when sent) must be
/// `http://` + the request's `Host`. Requests without either header (curl, scripts) are not from a browser page and
/// pass. In `sendout serve` a POST needs the app keys as well (`ServeRouter`); `sendout dashboard` has no keys,
/// so this is its only check.
struct RequestGuard: Sendable {
  /// `nil` when the request may go on, else the 403 to answer.
  func refusal(_ request: DashboardRequest) -> VoucherifyError? {
    guard request.method != "GET", request.method != "HEAD" else { return nil }
    if let site = request.head.value("sec-fetch-site")?.lowercased(), site != "same-origin", site != "none" {
      return VoucherifyError(
        status: 403, key: "cross_site_request", message: "Forbidden",
        details: "A \(request.method) must come from the dashboard's own page (Sec-Fetch-Site '\(site)')")
    }
    if let origin = request.head.value("origin"), origin != "http://" + (request.head.value("host") ?? "") {
      return VoucherifyError(
        status: 403, key: "cross_site_request", message: "Forbidden",
        details: "A \(request.method) must come from the dashboard's own page (Origin '\(origin)')")
    }
    return nil
  }
}

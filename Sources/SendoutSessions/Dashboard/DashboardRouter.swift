import SendoutIO

/// `sendout serve`'s front door: the dashboard's paths (`/_sendout/`, `/_sendout/api/…`, `/_sendout/assets/…`) go
/// to the dashboard, everything else (Voucherify's API, `/_sendout/clock`, `/_sendout/sendouts`,
/// `/_sendout/reset`) and requests refused before they were whole to the mock API. Holds both handlers (the server does not retain its handler).
final class DashboardRouter: HTTPHandler, @unchecked Sendable {
  let dashboard: DashboardService
  let api: any HTTPHandler

  /// Routes between `dashboard` and `api`.
  init(dashboard: DashboardService, api: any HTTPHandler) {
    self.dashboard = dashboard
    self.api = api
  }

  /// A request the HTTP loop refused before it was whole: answered as the API answers it (Voucherify's Error body).
  func rejection(status: Int, reason: String) -> HTTPReply { api.rejection(status: status, reason: reason) }

  /// Answers from the dashboard for its paths, else from the API.
  func reply(to request: HTTPMessage) -> HTTPReply {
    let path = (request.head.target ?? "/").prefix { $0 != "?" }
    guard DashboardService.handles(path: String(path)), path != "/_sendout" else { return api.reply(to: request) }
    return dashboard.reply(to: request)
  }
}

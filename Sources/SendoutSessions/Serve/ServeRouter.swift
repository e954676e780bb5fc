import SendoutAPI
import SendoutCore
import SendoutIO

/// `sendout serve`'s front door: the dashboard's paths (`/_sendout/`, `/_sendout/api/…`, `/_sendout/assets/…`) go
/// to the dashboard, everything else (Voucherify's API, `/_sendout/clock`, `/_sendout/sendouts`,
/// `/_sendout/reset`) and requests refused before they were whole to the mock API. Like every other `POST` under
/// `/_sendout/`, the dashboard's (Retry) needs the app keys here: the page sends them from its "API keys" form.
/// Holds both handlers (the server does not retain its handler).
final class ServeRouter: HTTPHandler, Sendable {
  let dashboard: DashboardService
  let api: APIService

  /// Routes between `dashboard` and `api`.
  init(dashboard: DashboardService, api: APIService) {
    self.dashboard = dashboard
    self.api = api
  }

  /// A request the HTTP loop refused before it was whole: answered as the API answers it (Voucherify's Error body).
  func rejection(status: Int, reason: String) -> HTTPReply { api.rejection(status: status, reason: reason) }

  /// Answers from the dashboard for its paths, else from the API.
  func reply(to request: HTTPMessage) -> HTTPReply {
    let path = (request.head.target ?? "/").prefix { $0 != "?" }
    guard DashboardService.handles(path: String(path)), path != "/_sendout" else { return api.reply(to: request) }
    let method = request.head.method ?? "GET"
    if method != "GET", method != "HEAD", !api.authorized(request.head).contains(.server) {
      let error = VoucherifyError.unauthorized("X-App-Id / X-App-Token")
      return DashboardService.json(error.body(requestID: ""), status: error.status)
    }
    return dashboard.reply(to: request)
  }
}

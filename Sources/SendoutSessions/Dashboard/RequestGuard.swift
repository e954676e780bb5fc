import SendoutCore
import SendoutIO

/// What keeps an unauthenticated page on localhost to itself.
///
/// - Bound to a loopback address, it answers only requests whose `Host` is a loopback name: a page on another site
///   whose name was rebound to 127.0.0.1 (DNS rebinding) cannot read the audit log.
/// - A `POST` (Retry) must come from the dashboard's own page: `Sec-Fetch-Site` (when the browser sends it) must be
///   `same-origin` or `none`, and `Origin` (when sent) must be `http://` + the request's `Host`. Requests without
///   either header (curl, scripts) are not from a browser page and pass.
struct RequestGuard: Sendable {
  /// Host names a loopback-bound dashboard answers to.
  static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

  /// Whether the server is bound to a loopback address (then `Host` is checked).
  var checksHost: Bool

  /// A guard for a server bound to `bindHost`.
  init(bindHost: String) { checksHost = HTTPServer.isLoopback(bindHost) }

  /// `nil` when the request may go on, else the 403 to answer.
  func refusal(_ request: DashboardRequest) -> APIError? {
    let host = request.head.value("host")
    if checksHost, let host, !Self.loopbackNames.contains(Self.hostName(host).lowercased()) {
      return APIError(
        status: 403, key: "forbidden_host", message: "Forbidden",
        details: "The dashboard answers only to localhost, 127.0.0.1 or [::1], got Host '\(host)'")
    }
    guard request.method != "GET", request.method != "HEAD" else { return nil }
    if let site = request.head.value("sec-fetch-site")?.lowercased(), site != "same-origin", site != "none" {
      return APIError(
        status: 403, key: "cross_site_request", message: "Forbidden",
        details: "A \(request.method) must come from the dashboard's own page (Sec-Fetch-Site '\(site)')")
    }
    if let origin = request.head.value("origin"), origin != "http://" + (host ?? "") {
      return APIError(
        status: 403, key: "cross_site_request", message: "Forbidden",
        details: "A \(request.method) must come from the dashboard's own page (Origin '\(origin)')")
    }
    return nil
  }

  /// The name in a `Host` header: `[::1]:8080` → `[::1]`, `localhost:8080` → `localhost`.
  static func hostName(_ header: String) -> String {
    if header.hasPrefix("["), let close = header.firstIndex(of: "]") { return String(header[...close]) }
    return String(header.prefix { $0 != ":" })
  }
}

import SendoutAPI
import SendoutCore
import SendoutIO

/// The dashboard's one HTML page, made on the server with every untrusted value escaped (`HTMLText`), and its two
/// assets (stylesheet, script), all embedded in the binary: no CDN, no build step, works offline. The page
/// forbids inline scripts (`Content-Security-Policy`), so even text that escaped escaping could not run.
struct DashboardPage: Sendable {
  /// The security headers every page and asset carries.
  static let securityHeaders = [
    HTTPHeader(
      "content-security-policy",
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    HTTPHeader("x-content-type-options", "nosniff"), HTTPHeader("referrer-policy", "no-referrer"),
    HTTPHeader("cache-control", "no-store"),
  ]

  /// The audit log shown (a user-supplied path: escaped).
  var auditPath: String
  /// Whether the world tabs (customers, vouchers, campaigns) are shown.
  var worldTabs: Bool
  /// Whether this is `sendout serve`'s page: the API calls tab and the clock, reset, delivery and scenario controls.
  var serve = false

  /// The page as a reply.
  var reply: HTTPReply {
    HTTPReply(
      status: 200, headers: [HTTPHeader("content-type", "text/html; charset=utf-8")] + Self.securityHeaders,
      body: Array(html.utf8))
  }

  /// `dashboard.css` or `dashboard.js`; anything else is a 404.
  static func asset(named name: String) throws(VoucherifyError) -> HTTPReply {
    let (type, text): (String, String)
    switch name {
    case "dashboard.css": (type, text) = ("text/css; charset=utf-8", stylesheet)
    case "dashboard.js":
      (type, text) = (
        "text/javascript; charset=utf-8", script + detailScript + sourcesScript + serveScript + worldScript + keysScript
      )
    default:
      throw VoucherifyError(status: 404, key: "not_found", message: "Resource not found", details: "No asset '\(name)'")
    }
    return HTTPReply(status: 200, headers: [HTTPHeader("content-type", type)] + securityHeaders, body: Array(text.utf8))
  }

  /// The settings the script reads, as JSON inside a non-executable script block.
  var configJSON: String {
    var o = JSONObject()
    o.append("api", .string(DashboardService.prefix + "api/"))
    o.append("audit_path", .string(auditPath))
    o.append("world", .bool(worldTabs))
    o.append("serve", .bool(serve))
    return HTMLText.scriptJSON(JSON.object(o).compactString)
  }

  /// The world tabs' buttons and serve's API calls tab (none for `sendout dashboard`).
  var worldTabButtons: String {
    guard worldTabs else { return "" }
    let calls = serve ? [##"<a role="tab" id="tab-calls" href="#calls" aria-selected="false">API calls</a>"##] : []
    let world = WorldBrowser.Kind.allCases.map { kind in
      let name = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
      return
        ##"<a role="tab" id="tab-\##(kind.rawValue)" href="#\##(kind.rawValue)" aria-selected="false">\##(name)</a>"##
    }
    return (calls + world).joined(separator: "\n        ")
  }
}

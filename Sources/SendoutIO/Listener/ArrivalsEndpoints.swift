import SendoutCore

/// The pages and JSON endpoints of `sendout listen --ui`, under the reserved prefix `/_sendout/` (documented in
/// docs/ui.md). Requests there are answered here and never counted as arrivals.
///
/// - `GET /_sendout/`: the live Arrivals page (`/_sendout/arrivals.css` and `/_sendout/arrivals.js` with it).
/// - `GET /_sendout/api/arrivals?since=N&limit=M`: arrivals numbered after N, oldest first (M ≤ 1000, default 500).
/// - `GET /_sendout/api/arrivals/SEQ`: one arrival with its headers (secrets redacted) and body.
/// - `POST /_sendout/api/arrivals/SEQ/forward` `{"url": URL}` (JSON only, same origin): re-sends the arrival's exact
///   bytes and headers to URL from this process (`ArrivalForward`); answers 202 `{"forward": N}` at once, and
///   `GET /_sendout/api/forwards/N` gives the answer when it came.
public enum ArrivalsEndpoints {
  /// The reserved prefix.
  public static let prefix = "/_sendout"

  /// Whether `target` is under the reserved prefix (`/_sendout` or `/_sendout/…`).
  public static func handles(_ target: String) -> Bool {
    let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return path == prefix || path.hasPrefix(prefix + "/")
  }

  /// The answer to a request under the prefix.
  public static func reply(to request: HTTPMessage, log: ArrivalLog) -> HTTPReply {
    let parts = (request.head.target ?? "").split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts.first ?? "")
    let query = parts.count > 1 ? String(parts[1]) : ""
    let method = request.head.method ?? ""
    if method == "POST", path.hasPrefix(prefix + "/api/arrivals/"), path.hasSuffix("/forward") {
      let seq = path.dropFirst(prefix.count + "/api/arrivals/".count).dropLast("/forward".count)
      return forward(String(seq), request, log: log)
    }
    guard method == "GET" || method == "HEAD" else {
      return error(405, "Method '\(method)' is not allowed on \(path): the UI endpoints take GET", allow: true)
    }
    guard case .found(let endpoint, let parameters) = routes.route(method: "GET", path: path) else {
      return error(404, "No UI page or endpoint at '\(path)': see /_sendout/ and docs/ui.md")
    }
    return endpoint(query, parameters, log)
  }

  /// One page or endpoint: the query, the path's parameters and the log to an answer.
  private typealias Endpoint = @Sendable (_ query: String, _ parameters: [String: String], ArrivalLog) -> HTTPReply

  /// The UI's pages and endpoints (all `GET`; `HEAD` too); a new endpoint is a row.
  private static let routes = HTTPRouter<Endpoint>(
    ["/_sendout", "/_sendout/", "/_sendout/arrivals"].map {
      HTTPRouter<Endpoint>.Route("GET", $0) { _, _, _ in ArrivalsEndpoints.page }
    } + [
      .init("GET", "/_sendout/arrivals.css") { _, _, _ in
        ArrivalsEndpoints.asset(ArrivalsPage.css, type: "text/css; charset=utf-8")
      },
      .init("GET", "/_sendout/arrivals.js") { _, _, _ in
        ArrivalsEndpoints.asset(ArrivalsPage.script, type: "text/javascript; charset=utf-8")
      },
      .init("GET", "/_sendout/api/arrivals") { query, _, log in ArrivalsEndpoints.list(query: query, log: log) },
      .init("GET", "/_sendout/api/arrivals/{seq}") { _, p, log in ArrivalsEndpoints.detail(p["seq"] ?? "", log: log) },
      .init("GET", "/_sendout/api/forwards/{n}") { _, p, log in ArrivalsEndpoints.forwardResult(p["n"] ?? "", log: log)
      },
    ])

  private static var page: HTTPReply { asset(ArrivalsPage.html, type: "text/html; charset=utf-8", page: true) }

  private static func list(query: String, log: ArrivalLog) -> HTTPReply {
    var since = 0
    var limit = 500
    for pair in query.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(kv[0])
      let value = kv.count > 1 ? String(kv[1]) : ""
      switch name {
      case "since":
        guard let n = Int(value), n >= 0 else {
          return error(400, "Query 'since=\(value)' is not allowed: give a non-negative arrival number")
        }
        since = n
      case "limit":
        guard let n = Int(value), (0...1000).contains(n) else {
          return error(400, "Query 'limit=\(value)' is not allowed: give an integer from 0 to 1000")
        }
        limit = n
      default:
        return error(400, "Query parameter '\(name)' is not known: use since and limit")
      }
    }
    let page = log.page(since: since, limit: limit)
    var o = JSONObject()
    o.append("arrivals", .array(page.entries.map(summary)))
    o.append("next", .int(page.entries.last?.seq ?? max(min(since, page.latest), page.dropped)))
    o.append("latest", .int(page.latest))
    o.append("dropped", .int(page.dropped))
    o.append("kept", .int(page.latest - page.dropped))
    o.append("capacity", .int(log.capacity))
    return json(.object(o))
  }

  private static func detail(_ text: String, log: ArrivalLog) -> HTTPReply {
    guard let seq = Int(text), seq > 0 else {
      return error(400, "Arrival '\(text)' is not a number: give the seq from /_sendout/api/arrivals")
    }
    guard let entry = log.entry(seq) else {
      return error(
        404, "Arrival \(seq) is not kept (never received, or dropped: the UI keeps the last \(log.capacity))")
    }
    guard case .object(var o) = summary(entry) else { return error(500, "Internal error") }
    let headers = CustomHeader.redacted(entry.webhook.headers).map { header -> JSON in
      ["name": .string(header.name), "value": .string(header.value)]
    }
    o.append("headers", .array(headers))
    o.append("body", .string(String(decoding: entry.webhook.body, as: UTF8.self)))
    let parsed = try? JSONParser.parse(entry.webhook.body)
    o.append("body_pretty", parsed.map { .string($0.prettyString) } ?? .null)
    return json(.object(o))
  }

  /// `POST …/arrivals/SEQ/forward`: only a JSON body from this page's origin (a cross-site form cannot send one, so
  /// no other page can make the listener send requests).
  private static func forward(_ text: String, _ request: HTTPMessage, log: ArrivalLog) -> HTTPReply {
    guard request.head.value("content-type")?.lowercased().hasPrefix("application/json") == true else {
      return error(415, "Forward takes a JSON body {\"url\": \"http://…\"} with content-type application/json")
    }
    if let origin = request.head.value("origin"), let host = request.head.value("host"),
      origin != "http://" + host, origin != "https://" + host
    {
      return error(403, "Forward is refused from origin '\(origin)': only this listener's own page may forward")
    }
    guard let seq = Int(text), seq > 0, let entry = log.entry(seq) else {
      return error(404, "Arrival '\(text)' is not kept: give a seq from /_sendout/api/arrivals")
    }
    guard let url = (try? JSONParser.parse(request.body))?["url"]?.stringValue else {
      return error(400, "Forward takes {\"url\": \"http://…\"}: the body has no string `url`")
    }
    do throws(DeliveryError) {
      let number = log.forwards.start(try ArrivalForward.request(entry.webhook, to: url))
      return json(["forward": .int(number), "url": .string(TargetURL.withoutPassword(url))], status: 202)
    } catch let refusal {
      return error(400, "Cannot forward to '\(url)': \(refusal.message)")
    }
  }

  /// `GET /_sendout/api/forwards/N`: `{"done": false}` while in flight, then the result.
  private static func forwardResult(_ text: String, log: ArrivalLog) -> HTTPReply {
    guard let number = Int(text), let result = log.forwards.result(number) else {
      return error(404, "Forward '\(text)' is not known (the last \(ArrivalForwards.bound) are kept)")
    }
    guard let result else { return json(["done": false]) }
    guard case .object(var o) = result.json else { return error(500, "Internal error") }
    o.append("done", true)
    return json(.object(o))
  }

  /// The table row of an arrival.
  static func summary(_ entry: ArrivalLog.Entry) -> JSON {
    let w = entry.webhook
    var o = JSONObject()
    o.append("seq", .int(entry.seq))
    o.append("received_at", .string(w.receivedAt.iso8601))
    o.append("method", .string(w.method))
    o.append("path", .string(w.target))
    o.append("event_type", w.eventType.map(JSON.string) ?? .null)
    o.append("sendout_id", w.sendoutID.map(JSON.string) ?? .null)
    o.append("signature", .string(w.signature.rawValue))
    o.append("size", .int(w.body.count))
    o.append("status", .int(w.respondedStatus))
    o.append("content_type", w.header("content-type").map(JSON.string) ?? .null)
    return .object(o)
  }

  /// JSON with `<`, `>` and `&` as `\u003c`…: the same data, and never markup even if a browser sniffs it as HTML.
  private static func json(_ value: JSON, status: Int = 200) -> HTTPReply {
    HTTPReply(
      status: status,
      headers: commonHeaders + [HTTPHeader("content-type", "application/json; charset=utf-8")],
      body: Array(HTMLText.scriptJSON(value.compactString).utf8))
  }

  private static func error(_ status: Int, _ message: String, allow: Bool = false) -> HTTPReply {
    var reply = json(["error": .string(message)], status: status)
    if allow { reply.headers.append(HTTPHeader("allow", "GET, HEAD")) }
    return reply
  }

  private static func asset(_ text: String, type: String, page: Bool = false) -> HTTPReply {
    var headers = commonHeaders + [HTTPHeader("content-type", type)]
    if page {
      headers.append(
        HTTPHeader(
          "content-security-policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"))
      headers.append(HTTPHeader("referrer-policy", "no-referrer"))
    }
    return HTTPReply(status: 200, headers: headers, body: Array(text.utf8))
  }

  private static let commonHeaders = [
    HTTPHeader("cache-control", "no-store"), HTTPHeader("x-content-type-options", "nosniff"),
  ]
}

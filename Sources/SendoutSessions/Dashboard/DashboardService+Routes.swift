import SendoutCore
import SendoutIO

extension DashboardService {
  /// One of the dashboard's pages or JSON endpoints.
  enum Endpoint: Sendable {
    case page, asset, info, sendouts, changes, sendout, retry, world, sources, resume, calls
  }

  /// The dashboard's pages and JSON endpoints (`HEAD` is answered as `GET`); a new endpoint is a row here and a case
  /// in `run`. (Rows are cases, not closures: Swift 6.3 crashes lowering typed-throws closures stored in a table.)
  static let routes = HTTPRouter<Endpoint>([
    .init("GET", "/_sendout", .page), .init("GET", "/_sendout/dashboard", .page),
    .init("GET", "/_sendout/assets/{name}", .asset), .init("GET", "/_sendout/api/info", .info),
    .init("GET", "/_sendout/api/sendouts", .sendouts), .init("GET", "/_sendout/api/sendouts/changes", .changes),
    .init("GET", "/_sendout/api/sendouts/{id}", .sendout), .init("POST", "/_sendout/api/sendouts/{id}/retry", .retry),
    .init("GET", "/_sendout/api/world/{kind}", .world), .init("GET", "/_sendout/api/sources", .sources),
    .init("POST", "/_sendout/api/sources/{id}/resume", .resume), .init("GET", "/_sendout/api/calls", .calls),
  ])

  /// Runs one endpoint with the path's parameters.
  private func run(_ endpoint: Endpoint, _ request: DashboardRequest, _ p: [String: String]) throws(VoucherifyError)
    -> HTTPReply
  {
    switch endpoint {
    case .page: return page().reply
    case .asset: return try DashboardPage.asset(named: p["name"] ?? "")
    case .info: return Self.json(info())
    case .sendouts: return Self.json(try list(SendoutQuery(request.query)))
    case .changes: return Self.json(try changes(since: request.query["since"]))
    case .sendout: return Self.json(try detail(p["id"] ?? ""))
    case .retry: return Self.json(try retry(p["id"] ?? ""), status: 202)
    case .world: return Self.json(try world(p["kind"] ?? "", request.query))
    case .sources: return Self.json(sources())
    case .resume: return Self.json(try resume(p["id"] ?? ""), status: 202)
    case .calls: return Self.json(try calls())
    }
  }

  /// Answers `request` from `routes`. Paths outside `/_sendout/` are the page (`sendout dashboard` serves nothing
  /// else); under `api/` and `assets/` a method other than `GET` is a 405 even where no endpoint is.
  func route(_ request: DashboardRequest) throws(VoucherifyError) -> HTTPReply {
    if request.path == "/" || request.path == "/_sendout" {
      return HTTPReply(status: 302, headers: [HTTPHeader("location", Self.prefix)])
    }
    let segments = request.segments
    let method = request.method == "HEAD" ? "GET" : request.method
    switch Self.routes.route(method: method, segments: ["_sendout"] + segments) {
    case .found(let endpoint, let parameters): return try run(endpoint, request, parameters)
    case .methodNotAllowed(let allowed): throw VoucherifyError.methodNotAllowed(request.method, allowed: allowed)
    case .notFound where segments.first == "api" && method == "GET":
      throw VoucherifyError(
        status: 404, key: "not_found", message: "Resource not found",
        details: "No endpoint at \(request.path); see docs/dashboard.md")
    case .notFound where segments.first == "api" || segments.first == "assets":
      throw VoucherifyError.methodNotAllowed(
        request.method, allowed: ["retry", "resume"].contains(segments.last ?? "") ? ["POST"] : ["GET"])
    case .notFound:
      throw VoucherifyError(
        status: 404, key: "not_found", message: "Resource not found", details: "No page at \(request.path)")
    }
  }
}

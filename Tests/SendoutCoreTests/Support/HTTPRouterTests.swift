import SendoutCore
import Testing

/// `HTTPRouter`: method and path to a row, `{param}` segments bound, literals before parameters, 404 and 405.
@Suite struct HTTPRouterTests {
  static let router = HTTPRouter<String>([
    .init("GET", "/_sendout/clock", "read clock"),
    .init("POST", "/_sendout/clock", "move clock"),
    .init("GET", "/v1/vouchers/{code}", "get voucher"),
    .init("PUT", "/v1/vouchers/{code}", "update voucher"),
    .init("GET", "/v1/vouchers/qualification", "qualification"),
    .init("POST", "/v1/vouchers/{code}/balance", "add balance"),
    .init("GET", "/v1/{kind}/{id}/transactions", "transactions"),
    .init("GET", "/v1/campaigns/{id}/transactions", "campaign transactions"),
    .init("GET", "/_sendout", "page"),
    .init("GET", "/_sendout/", "page with slash"),
  ])

  /// (method, path, what it finds: a row and its parameters, `404`, or `405 A,B`).
  @Test(arguments: [
    ("GET", "/_sendout/clock", "read clock []"),
    ("POST", "/_sendout/clock", "move clock []"),
    ("DELETE", "/_sendout/clock", "405 GET,POST"),
    ("GET", "/v1/vouchers/ABC-1", "get voucher [code=ABC-1]"),
    ("PUT", "/v1/vouchers/ABC-1", "update voucher [code=ABC-1]"),
    ("GET", "/v1/vouchers/qualification", "qualification []"),
    ("PUT", "/v1/vouchers/qualification", "update voucher [code=qualification]"),
    ("DELETE", "/v1/vouchers/ABC-1", "405 GET,PUT"),
    ("POST", "/v1/vouchers/ABC-1/balance", "add balance [code=ABC-1]"),
    ("GET", "/v1/vouchers/ABC-1/balance", "405 POST"),
    ("GET", "/v1/vouchers/ABC-1/balance/x", "404"),
    ("GET", "/v1/campaigns/c1/transactions", "campaign transactions [id=c1]"),
    ("GET", "/v1/vouchers/v1/transactions", "transactions [id=v1,kind=vouchers]"),
    ("GET", "/v1/vouchers/", "get voucher [code=]"),
    ("GET", "/v1/vouchers", "404"),
    ("GET", "/_sendout", "page []"),
    ("GET", "/_sendout/", "page with slash []"),
    ("GET", "/_sendout/clock/", "404"),
    ("GET", "/nowhere", "404"),
    ("GET", "", "404"),
    ("get", "/_sendout/clock", "405 GET,POST"),
  ])
  func routes(_ method: String, _ path: String, _ expected: String) {
    #expect(Self.describe(Self.router.route(method: method, path: path)) == expected)
  }

  @Test func a405ListsTheMethodsOfTheTemplateThatWins() {
    // `/v1/vouchers/qualification` (GET) wins over `/v1/vouchers/{code}` (GET, PUT) for that path: its methods only.
    #expect(Self.describe(Self.router.route(method: "DELETE", path: "/v1/vouchers/qualification")) == "405 GET")
  }

  @Test func templatesAlikeButForParameterNamesTakeTheFirstRow() {
    let router = HTTPRouter<String>([
      .init("GET", "/exports/{exportId}", "get export"), .init("GET", "/exports/{export_Id}", "download export"),
      .init("DELETE", "/exports/{export_Id}", "delete export"),
    ])
    #expect(Self.describe(router.route(method: "GET", path: "/exports/e1")) == "get export [exportId=e1]")
    #expect(Self.describe(router.route(method: "DELETE", path: "/exports/e1")) == "delete export [export_Id=e1]")
    #expect(Self.describe(router.route(method: "PUT", path: "/exports/e1")) == "405 GET,DELETE")
  }

  /// A large table (the spec's is 241 rows) routes every path to its own row, whichever order the rows come in.
  @Test func aLargeTableRoutesEveryRow() {
    var routes: [HTTPRouter<String>.Route] = []
    for a in 0..<12 {
      for b in 0..<10 {
        routes.append(.init("GET", "/r\(a)/{id}/s\(b)", "r\(a) s\(b)"))
        routes.append(.init("POST", "/r\(a)/s\(b)/{id}", "r\(a) new s\(b)"))
      }
    }
    for router in [HTTPRouter(routes), HTTPRouter(routes.reversed())] {
      for a in 0..<12 {
        for b in 0..<10 {
          #expect(Self.describe(router.route(method: "GET", path: "/r\(a)/7/s\(b)")) == "r\(a) s\(b) [id=7]")
          #expect(Self.describe(router.route(method: "POST", path: "/r\(a)/s\(b)/9")) == "r\(a) new s\(b) [id=9]")
          #expect(Self.describe(router.route(method: "GET", path: "/r\(a)/s\(b)/s\(b)")) == "r\(a) s\(b) [id=s\(b)]")
        }
      }
      #expect(Self.describe(router.route(method: "GET", path: "/r12/7/s0")) == "404")
    }
  }

  @Test func decodedSegmentsRouteAsGiven() {
    let found = Self.router.route(method: "GET", segments: ["v1", "vouchers", "A/B"])
    #expect(Self.describe(found) == "get voucher [code=A/B]", "a decoded `/` inside a segment stays in the parameter")
  }

  @Test(arguments: [
    ("/a/b", ["a", "b"]), ("/a/", ["a", ""]), ("/", [""]), ("a", ["a"]), ("//x", ["", "x"]),
    ("/a/\u{301}", ["a", "\u{301}"]), ("/\u{301}", ["\u{301}"]),
  ])
  func splitKeepsEmptySegments(_ path: String, _ segments: [String]) {
    #expect(HTTPRouter<Int>.split(path) == segments)
  }

  @Test func anEmptyTableFindsNothing() {
    #expect(Self.describe(HTTPRouter<String>([]).route(method: "GET", path: "/")) == "404")
  }

  static func describe(_ outcome: HTTPRouter<String>.Outcome) -> String {
    switch outcome {
    case .found(let row, let parameters):
      return row + " [" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        + "]"
    case .notFound: return "404"
    case .methodNotAllowed(let allowed): return "405 " + allowed.joined(separator: ",")
    }
  }
}

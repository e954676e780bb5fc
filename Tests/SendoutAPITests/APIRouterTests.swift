import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

@Suite struct APIRouterTests {
  let router = APIRouter()

  @Test func theTableIsEveryOperationOfTheSpec() throws {
    let spec = try Fixtures.apiSpec()
    var fromSpec: Set<String> = []
    for path in spec["paths"]?.objectValue?.members ?? [] {
      for method in ["get", "post", "put", "delete", "patch"] {
        guard let operation = path.value[method] else { continue }
        fromSpec.insert("\(method.uppercased()) \(path.key) \(operation["operationId"]?.stringValue ?? "")")
      }
    }
    let table = Set(APIOperation.spec.map { "\($0.method) \($0.template) \($0.operationID)" })
    #expect(APIOperation.spec.count == 241)
    #expect(table == fromSpec)
  }

  @Test(arguments: [
    ("GET", "/v1/vouchers/SPRING-2024", "get-voucher", ["code": "SPRING-2024"]),
    ("POST", "/v1/vouchers/import", "import-vouchers", [:]),
    ("POST", "/v1/vouchers/importCSV", "import-vouchers-using-csv", [:]),
    ("POST", "/v1/vouchers/SPRING/enable", "enable-voucher", ["code": "SPRING"]),
    ("GET", "/v1/vouchers/CODE%201%2Fx", "get-voucher", ["code": "CODE 1/x"]),
    ("GET", "/v1/loyalties/members/v_1", "get-member", ["memberId": "v_1"]),
    ("GET", "/v1/loyalties/camp_1/tiers", "list-loyalty-tiers", ["campaignId": "camp_1"]),
    ("GET", "/v1/promotions/tiers/promo_1", "get-promotion-tier", ["promotionTierId": "promo_1"]),
    ("GET", "/v1/promotions/camp_1/tiers", "list-promotion-tiers-from-campaign", ["campaignId": "camp_1"]),
    ("post", "/v1/redemptions/r_1/rollback/", "rollback-redemption", ["redemptionId": "r_1"]),
    ("GET", "/management/v1/projects/proj_1/webhooks", "list-webhooks", ["projectId": "proj_1"]),
  ])
  func routesToTheSpecOperation(_ method: String, _ path: String, _ operationID: String, _ parameters: [String: String])
  {
    guard case .operation(let operation, let bound) = router.match(method: method, path: path) else {
      Issue.record("\(method) \(path) matched no operation")
      return
    }
    #expect(operation.operationID == operationID)
    #expect(bound == parameters)
  }

  @Test func aLiteralRouteWithoutTheMethodFallsBackToTheParameterRoute() {
    // GET /v1/vouchers/import is no operation, but GET /v1/vouchers/{code} is: a voucher whose code is "import".
    guard case .operation(let operation, let bound) = router.match(method: "GET", path: "/v1/vouchers/import") else {
      Issue.record("no match")
      return
    }
    #expect(operation.operationID == "get-voucher")
    #expect(bound == ["code": "import"])
  }

  @Test func aKnownPathWithAnotherMethodIs405WithTheAllowedOnes() {
    #expect(router.match(method: "PUT", path: "/v1/vouchers/X/enable") == .methodNotAllowed(allowed: ["POST"]))
    #expect(
      VoucherifyError.methodNotAllowed("PUT", allowed: ["GET", "POST"]).details
        == "PUT is not supported by this endpoint. Did you mean GET or POST?")
  }

  @Test func a405ListsTheWinningTemplatesMethodsSorted() {
    // `/v1/vouchers/{code}` takes GET, POST, PUT, DELETE (in the spec's order); `/v1/vouchers/import` only POST, and
    // it wins for that path, though the other methods route to `{code}` there.
    #expect(
      router.match(method: "PATCH", path: "/v1/vouchers/X")
        == .methodNotAllowed(allowed: ["DELETE", "GET", "POST", "PUT"]))
    #expect(router.match(method: "PATCH", path: "/v1/vouchers/import") == .methodNotAllowed(allowed: ["POST"]))
    guard case .operation(let operation, let bound) = router.match(method: "delete", path: "/v1//vouchers/import/")
    else {
      Issue.record("DELETE /v1/vouchers/import matched no operation")
      return
    }
    #expect(operation.operationID == "delete-voucher")
    #expect(bound == ["code": "import"])
  }

  @Test(arguments: ["/v2/vouchers", "/v1", "/", "/v1/vouchers/%zz", "/v1/vouchers/%C3%28"])
  func anythingElseIsNotFound(_ path: String) {
    #expect(router.match(method: "GET", path: path) == .notFound)
  }

  @Test func theErrorBodyHasVoucherifysKeysInOrder() throws {
    let body = VoucherifyError.notFound("voucher", id: "eee33463").body(requestID: "v-0c6c6e20dc42940f0b")
    #expect(
      JSONWriter().string(body)
        == #"{"code":404,"key":"not_found","message":"Resource not found","details":"Cannot find voucher with id eee33463","request_id":"v-0c6c6e20dc42940f0b","resource_id":"eee33463","resource_type":"voucher"}"#
    )
    let operation = try #require(APIOperation.spec.first { $0.operationID == "list-products" })
    #expect(
      VoucherifyError.notImplemented(operation).details
        == "GET /v1/products (list-products) is not simulated by sendout serve"
    )
    #expect(VoucherifyError.notImplemented(operation).status == 501)
  }
}

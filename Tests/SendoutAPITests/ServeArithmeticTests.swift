import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutAPI

/// Red-team breaks of issue 17: one request with huge or negative numbers, or a body that is not an object, used to
/// trap the mock API ("arithmetic overflow", SIGILL, exit 132) or be taken as `{}`. Each is now Voucherify's 400
/// before anything changes (in process; ServeArithmeticLoopbackTests checks the server answers the next call).
@Suite struct ServeArithmeticTests {
  static let max = AmountLimits.maxAmount

  /// Every place the trap sat: item price × quantity, item sums, an order's amount, a gift balance, loyalty points.
  @Test func hugeAmountsAreRefusedBeforeAnythingChanges() throws {
    let api = try InProcessAPI()
    let (code, gift, card, program) = api.read { w in
      (
        w.vouchers.first { $0.campaignType == .discountCoupons && $0.active }?.code ?? "",
        w.vouchers.first { $0.campaignType == .giftVouchers }?.code ?? "",
        w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID != nil }?.code ?? "",
        w.firstCampaign(.loyaltyProgram)?.id ?? ""
      )
    }
    let redeemables = #""redeemables":[{"object":"voucher","id":"\#(code)"}]"#
    let calls: [(String, String, String, Bool)] = [
      ("POST", "/client/v1/validations", ServeRepro.overflowingOrder(code: code), true),
      (
        "POST", "/v1/validations",
        "{\(redeemables),\(#""order":{"items":[{"price":9223372036854775807,"quantity":2}]}"#)}", false
      ),
      (
        "POST", "/v1/validations", "{\(redeemables),\"order\":{\"items\":[{\"amount\":\(Self.max)},{\"amount\":1}]}}",
        false
      ),
      ("POST", "/v1/redemptions", "{\(redeemables),\"order\":{\"amount\":9223372036854775807}}", false),
      (
        "POST", "/v1/redemptions", "{\(redeemables),\"customer\":{\"source_id\":\"new\"},\"order\":{\"amount\":-1}}",
        false
      ),
      ("POST", "/v1/orders", #"{"amount":9223372036854775807,"customer":{"source_id":"new"}}"#, false),
      ("POST", "/v1/vouchers/\(gift)/balance", #"{"amount":9223372036854775807}"#, false),
      ("POST", "/v1/vouchers/\(gift)/balance", #"{"amount":-9223372036854775808}"#, false),
      ("POST", "/v1/loyalties/\(program)/members/\(card)/balance", #"{"points":9223372036854775807}"#, false),
    ]
    for (method, path, body, client) in calls {
      let before = api.read { ($0.customers.count, $0.orders.count, $0.products.count, $0.transactions.count) }
      let (status, answer) = api.call(method, path, body: body, client: client)
      #expect(
        status == 400 && InProcessAPI.isError(answer, status: 400), "\(path) \(body): \(status) \(answer ?? .null)")
      let after = api.read { ($0.customers.count, $0.orders.count, $0.products.count, $0.transactions.count) }
      #expect(before == after, "\(path) \(body) changed the world")
    }
    // At the cap a balance is accepted once; past it, refused.
    #expect(api.call("POST", "/v1/vouchers/\(gift)/balance", body: "{\"amount\":\(Self.max / 2)}").0 == 200)
    #expect(api.call("POST", "/v1/vouchers/\(gift)/balance", body: "{\"amount\":\(Self.max / 2)}").0 == 400)
    #expect(api.call("GET", "/v1/vouchers/\(gift)").0 == 200)
  }

  /// `[1,2,3]`, `"x"`, `null` used to be taken as `{}` and create a random customer.
  @Test(arguments: ["[1,2,3]", #""x""#, "null", "42", "true"])
  func bodiesThatAreNotObjectsAreRefused(_ body: String) throws {
    let api = try InProcessAPI()
    let customers = api.read { $0.customers.count }
    for path in ["/v1/customers", "/v1/orders", "/v1/validations", "/v1/redemptions", "/v1/events"] {
      let (status, answer) = api.call("POST", path, body: body)
      #expect(status == 400 && InProcessAPI.isError(answer, status: 400), "\(path): \(status)")
      #expect(answer?["details"]?.stringValue?.contains("must be a JSON object") == true, "\(answer ?? .null)")
    }
    #expect(api.read { $0.customers.count } == customers)
    // A body the operation declares as an array still is one; an empty body is still `{}`.
    let program = api.read { $0.firstCampaign(.loyaltyProgram)?.id ?? "" }
    let tiers = api.call("POST", "/v1/loyalties/\(program)/tiers", body: #"[{"name":"Z","points":{"from":1,"to":2}}]"#)
    #expect(tiers.0 == 200, "\(tiers)")
    #expect(api.call("POST", "/v1/customers", body: "").0 == 200)
  }

  @Test(arguments: [
    #"{"order":{"items":[{"price":-100,"quantity":1}]}}"#, #"{"order":{"items":[{"price":100,"quantity":-1}]}}"#,
    #"{"order":{"items":[{"amount":-5}]}}"#, #"{"order":{"amount":-1}}"#, #"{"order":{"amount":0.5}}"#,
    #"{"order":{"amount":1e308}}"#, #"{"order":{"items":[{"price":1,"quantity":2.5}]}}"#,
  ])
  func negativeAndFractionalOrderNumbersAreRefused(_ order: String) throws {
    let api = try InProcessAPI()
    let code = api.read { w in w.vouchers.first { $0.campaignType == .discountCoupons }?.code ?? "" }
    let body = "{\"redeemables\":[{\"object\":\"voucher\",\"id\":\"\(code)\"}]," + order.dropFirst()
    let (status, answer) = api.call("POST", "/v1/validations", body: body)
    #expect(status == 400 && answer?["key"] == "invalid_payload", "\(answer ?? .null)")
  }

  @Test func negativeConfiguredAmountsAreRefused() throws {
    let api = try InProcessAPI()
    let campaigns = api.read { $0.campaigns.count }
    for body in [
      #"{"name":"G","campaign_type":"GIFT_VOUCHERS","type":"AUTO_UPDATE","voucher":{"type":"GIFT_VOUCHER","gift":{"amount":-5}}}"#,
      #"{"name":"L","campaign_type":"LOYALTY_PROGRAM","type":"AUTO_UPDATE","voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":-5}}}"#,
    ] {
      let (status, answer) = api.call("POST", "/v1/campaigns", body: body)
      #expect(status == 400 && answer?["details"]?.stringValue?.contains("from 0 to") == true, "\(answer ?? .null)")
    }
    #expect(api.read { $0.campaigns.count } == campaigns)
  }

  @Test func itemsPerOrderAndMetadataAreBounded() throws {
    let api = try InProcessAPI()
    let code = api.read { w in w.vouchers.first { $0.campaignType == .discountCoupons }?.code ?? "" }
    let item = #"{"price":1,"quantity":1}"#
    func validate(_ items: Int) -> (Int, JSON?) {
      api.call(
        "POST", "/v1/validations",
        body: "{\"redeemables\":[{\"object\":\"voucher\",\"id\":\"\(code)\"}],\"order\":{\"items\":["
          + Array(repeating: item, count: items).joined(separator: ",") + "]}}")
    }
    #expect(validate(500).0 == 200)
    let tooMany = validate(501)
    #expect(tooMany.0 == 400 && tooMany.1?["details"]?.stringValue?.contains("at most 500 items") == true)

    func nested(_ depth: Int) -> String {
      String(repeating: #"{"a":"#, count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
    }
    #expect(api.call("POST", "/v1/customers", body: "{\"metadata\":\(nested(8))}").0 == 200)
    let deep = api.call("POST", "/v1/customers", body: "{\"metadata\":\(nested(9))}")
    #expect(deep.0 == 400 && deep.1?["details"]?.stringValue?.contains("at most 8") == true, "\(deep)")
    let big = String(repeating: "x", count: APIBodyLimits.maxMetadataBytes)
    let large = api.call("POST", "/v1/customers", body: "{\"metadata\":{\"note\":\"\(big)\"}}")
    #expect(
      large.0 == 400 && large.1?["details"]?.stringValue?.contains("at most 65536 are accepted") == true, "\(large)")
    let inOrder = api.call("POST", "/v1/orders", body: "{\"amount\":100,\"metadata\":\(nested(9))}")
    #expect(inOrder.0 == 400)
  }

  /// The operations whose body is an array are exactly the simulated ones the spec declares so.
  @Test func arrayBodiesAreTheSpecsArrayBodies() throws {
    let spec = try Fixtures.apiSpec()
    func resolve(_ value: JSON) -> JSON {
      guard let ref = value["$ref"]?.stringValue else { return value }
      return spec.value(atPath: ref.dropFirst(2).replacingOccurrences(of: "/", with: ".")) ?? value
    }
    var arrays: Set<String> = []
    for member in spec["paths"]?.objectValue?.members ?? [] {
      for operation in member.value.objectValue?.members ?? [] {
        guard let id = operation.value["operationId"]?.stringValue, APIEndpoints.all[id] != nil,
          let body = operation.value["requestBody"].map(resolve),
          let schema = body.value(atPath: "content.application/json.schema").map(resolve)
        else { continue }
        if schema["type"] == "array" { arrays.insert(id) }
      }
    }
    #expect(arrays == APIBodyLimits.arrayBodies)
  }
}

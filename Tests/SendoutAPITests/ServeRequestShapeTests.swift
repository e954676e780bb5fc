import SendoutAPI
import SendoutCore
import Testing

/// Every call is checked against the request shape generated from the spec before any endpoint runs (issue 18,
/// item 4): a body or query of the wrong shape is a 400 with Voucherify's key and the field path, and what the spec
/// allows (unknown fields, `null` where nullable) still passes. Before, an endpoint checked only the fields it read.
@Suite struct ServeRequestShapeTests {
  /// A call (`$PROGRAM` is the sample's loyalty program), and what it answers: the status, the key and the exact
  /// details (`nil`: an accepted call, any 2xx).
  struct Case: Sendable, CustomStringConvertible {
    var method: String
    var path: String
    var body: String?
    var status: Int
    var key: String?
    var details: String?
    var description: String { "\(method) \(path) \(body ?? "")" }
  }

  static let refused: [Case] = [
    // A wrong type nested in an object (create-customer read only name, email, source_id and metadata).
    Case(
      method: "POST", path: "/v1/customers", body: #"{"source_id":"s1","address":{"city":5}}"#, status: 400,
      key: "invalid_customer", details: "`address.city` must be a string, got 5"),
    // An array element (a quantity the order's total ignored).
    Case(
      method: "POST", path: "/v1/orders", body: #"{"amount":1000,"items":[{"quantity":"2","price":500}]}"#,
      status: 400, key: "invalid_order", details: "`items[0].quantity` must be an integer, got '2'"),
    // A required field missing: the spec requires a member's customer (an anonymous one was made before).
    Case(
      method: "POST", path: "/v1/loyalties/$PROGRAM/members", body: "{}", status: 400, key: "missing_customer",
      details: "`customer` is required"),
    // A value outside its enum, inside an array element.
    Case(
      method: "POST", path: "/v1/redemptions",
      body: #"{"redeemables":[{"object":"coupon","id":"X"}],"order":{"amount":100}}"#, status: 400,
      key: "invalid_payload",
      details: "`redeemables[0].object` must be one of voucher, promotion_tier, promotion_stack, got 'coupon'"),
    // A query parameter outside its enum (the list was filtered to nothing before).
    Case(
      method: "GET", path: "/v1/campaigns?campaign_type=NOPE", body: nil, status: 400, key: "invalid_query_params",
      details:
        "`campaign_type` must be one of PROMOTION, GIFT_VOUCHERS, REFERRAL_PROGRAM, DISCOUNT_COUPONS, LOYALTY_PROGRAM,"
        + " got 'NOPE'"),
    // A string of the spec's `format: date` that is no date (schemathesis found it answered back; issue 19).
    Case(
      method: "POST", path: "/v1/customers", body: #"{"source_id":"s5","birthdate":"𺧇Y"}"#, status: 400,
      key: "invalid_customer", details: "`birthdate` must be a date YYYY-MM-DD, got '𺧇Y'"),
    Case(
      method: "POST", path: "/v1/customers", body: #"{"source_id":"s6","birthdate":"2023-02-29"}"#, status: 400,
      key: "invalid_customer", details: "`birthdate` must be a date YYYY-MM-DD, got '2023-02-29'"),
    // A query parameter of the wrong type.
    Case(
      method: "GET", path: "/v1/vouchers?campaign_id=x&limit=ten", body: nil, status: 400, key: "invalid_query_params",
      details: "`limit` must be an integer, got 'ten'"),
  ]

  static let accepted: [Case] = [
    // Unknown fields are accepted, as by Voucherify (no request body of the spec forbids them).
    Case(
      method: "POST", path: "/v1/customers", body: #"{"source_id":"s2","favourite_colour":"teal"}"#, status: 200),
    // A date that exists (a leap day).
    Case(method: "POST", path: "/v1/customers", body: #"{"source_id":"s7","birthdate":"2024-02-29"}"#, status: 200),
    // `null` where the spec marks the field nullable.
    Case(method: "POST", path: "/v1/customers", body: #"{"source_id":"s3","name":null,"address":null}"#, status: 200),
    // A campaign voucher of one kind: the spec's alternatives' fields merge, and none of them is required.
    Case(
      method: "POST", path: "/v1/campaigns",
      body: #"{"name":"Shapes","campaign_type":"DISCOUNT_COUPONS","voucher":{"code_config":{"length":6}}}"#,
      status: 200),
  ]

  @Test(arguments: refused + accepted)
  func aCallIsCheckedAgainstItsOperationsShape(_ test: Case) throws {
    let api = try InProcessAPI()
    let program = api.read { w in w.campaigns.first { $0.campaignType == .loyaltyProgram }?.id ?? "" }
    let (status, answer) = api.call(
      test.method, test.path.replacingOccurrences(of: "$PROGRAM", with: program), body: test.body)
    guard let key = test.key else {
      #expect((200..<300).contains(status), "\(answer ?? .null)")
      return
    }
    #expect(status == test.status && answer?["key"]?.stringValue == key, "\(answer ?? .null)")
    #expect(answer?["details"]?.stringValue == test.details, "\(answer ?? .null)")
    #expect(InProcessAPI.isError(answer, status: test.status), "\(answer ?? .null)")
  }

  /// A refused call changes nothing: the customer list is as before.
  @Test func aRefusedBodyChangesNothing() throws {
    let api = try InProcessAPI()
    let before = api.read { $0.customers.count }
    let (status, _) = api.call("POST", "/v1/customers", body: #"{"source_id":"s4","address":{"city":5}}"#)
    #expect(status == 400 && api.read { $0.customers.count } == before)
  }
}

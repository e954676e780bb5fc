import SendoutCore
import Testing

/// Validation rules through the in-process mock: a rule, a campaign that carries it, and one-code validations and
/// redemptions.
extension InProcessAPI {
  /// Creates a validation rule whose `rules` are `rules` (JSON text); its id.
  func makeRule(_ rules: String, error: String? = nil) throws -> String {
    let message = error.map { #","error":{"message":"\#($0)"}"# } ?? ""
    let (status, rule) = try send(
      "POST", "/v1/validation-rules", body: #"{"name":"rule \#(rules.count)","rules":\#(rules)\#(message)}"#)
    #expect(status == 200, "\(rule)")
    return try #require(rule["id"]?.stringValue)
  }

  /// A discount campaign (5.00 off, each code redeemable 100 times) with `codes` codes, created with `validation_rules:
  /// [rule]`; its codes.
  func ruledCampaign(_ name: String, rule: String, codes: Int = 1) throws -> [String] {
    let body = """
      {"name":"\(name)","campaign_type":"DISCOUNT_COUPONS","vouchers_count":\(codes),"validation_rules":["\(rule)"],
       "voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":500},"redemption":{"quantity":100}}}
      """
    let (status, campaign) = try send("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign)")
    let id = try #require(campaign["id"]?.stringValue)
    return read { w in w.vouchers.filter { $0.campaignID == id }.map(\.code) }
  }

  /// `POST path` (`/v1/validations` or `/v1/redemptions`) for `codes` on `order` (JSON text), for `customer` (a
  /// `source_id`) when given, with the request's `metadata` when given.
  func stack(_ path: String, _ codes: [String], customer: String? = nil, order: String, metadata: String? = nil)
    throws -> (Int, JSON)
  {
    let redeemables = codes.map { #"{"object":"voucher","id":"\#($0)"}"# }.joined(separator: ",")
    var body = #"{"redeemables":[\#(redeemables)],"order":\#(order)"#
    if let customer { body += #","customer":{"source_id":"\#(customer)"}"# }
    if let metadata { body += #","metadata":\#(metadata)"# }
    return try send("POST", path, body: body + "}")
  }

  /// Whether one code validates on `order` for `customer`, and the key of its refusal when it does not.
  func validates(_ code: String, customer: String? = nil, order: String, metadata: String? = nil) throws -> (
    Bool, String?
  ) {
    let (status, validation) = try stack(
      "/v1/validations", [code], customer: customer, order: order, metadata: metadata)
    #expect(status == 200, "\(validation)")
    let key = validation.value(atPath: "redeemables.0.result.error.key")?.stringValue
    return (validation["valid"] == true, key)
  }
}

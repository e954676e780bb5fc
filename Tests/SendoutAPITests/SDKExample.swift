import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

/// One request example of the spec for a simulated operation (`SDKExampleTests`): the operation, its method, the
/// example's name (`example` for a lone `example`) and its body as the spec writes it.
struct SDKExample: Sendable {
  let operation: String
  let method: String
  let name: String
  let body: String
  let client: Bool

  /// Every request example of every simulated operation, in the spec's order.
  static func all() throws -> [SDKExample] {
    let simulated = Set(APIEndpoints.all.keys).union(APIManagement.all.keys)
    var out: [SDKExample] = []
    for path in try Fixtures.apiSpec()["paths"]?.objectValue?.members ?? [] {
      for method in ["get", "post", "put", "delete"] {
        guard let op = path.value[method], let id = op["operationId"]?.stringValue, simulated.contains(id),
          let content = op["requestBody"]?["content"]?["application/json"]
        else { continue }
        var bodies: [(String, JSON)] = content["example"].map { [("example", $0)] } ?? []
        for example in content["examples"]?.objectValue?.members ?? [] {
          if let value = example.value["value"] { bodies.append((example.key, value)) }
        }
        let client = APIOperation.spec.first { $0.operationID == id }?.auth == .client
        out += bodies.map {
          SDKExample(operation: id, method: method.uppercased(), name: $0.0, body: $0.1.compactString, client: client)
        }
      }
    }
    return out
  }

  /// Where each operation is called: the world's object of the operation's kind in each path parameter.
  static let paths: [String: String] = [
    "validate-stacked-discounts": "/v1/validations", "redeem-stacked-discounts": "/v1/redemptions",
    "validate-stacked-discounts-client-side": "/client/v1/validations",
    "redeem-stacked-discounts-client-side": "/client/v1/redemptions",
    "check-eligibility": "/v1/qualifications", "check-eligibility-client-side": "/client/v1/qualifications",
    "generate-random-code": "/v1/vouchers", "update-voucher": "/v1/vouchers/{code}",
    "create-voucher": "/v1/vouchers/EXAMPLE-{n}", "update-voucher-balance": "/v1/vouchers/{gift}/balance",
    "create-campaign": "/v1/campaigns", "update-campaign": "/v1/campaigns/{discountCampaign}",
    "add-voucher-with-specific-code-to-campaign": "/v1/campaigns/{discountCampaign}/vouchers/EXAMPLE-ADDED-{n}",
    "add-promotion-tier-to-campaign": "/v1/promotions/{promo}/tiers",
    "update-promotion-tier": "/v1/promotions/tiers/{sampleTier}",
    "create-promotion-stack": "/v1/promotions/{promo}/stacks",
    "update-promotion-stack": "/v1/promotions/{promo}/stacks/{stack}",
    "create-reward-assignment": "/v1/rewards/{reward}/assignments",
    "update-reward-assignment": "/v1/rewards/{reward}/assignments/{rewardAssignment}",
    "create-publication": "/v1/publications",
    "rollback-redemption": "/v1/redemptions/{redemption}/rollback",
    "rollback-stacked-redemptions": "/v1/redemptions/{parentRedemption}/rollbacks",
    "add-member": "/v1/loyalties/{loyalty}/members",
    "adjust-member-pending-points": "/v1/loyalties/members/{pendingCard}/pending-points/{pending}/balance",
    "update-loyalty-card-balance-1": "/v1/loyalties/{loyalty}/members/{card}/balance",
    "update-loyalty-card-balance": "/v1/loyalties/members/{card}/balance",
    "create-earning-rule": "/v1/loyalties/{loyalty}/earning-rules",
    "update-earning-rule": "/v1/loyalties/{loyalty}/earning-rules/{earning}",
    "create-reward-assignment-1": "/v1/loyalties/{loyalty}/rewards",
    "update-reward-assignment-1": "/v1/loyalties/{loyalty}/rewards/{loyaltyAssignment}",
    "redeem-reward-1": "/v1/loyalties/{loyalty}/members/{card}/redemption",
    "redeem-reward": "/v1/loyalties/members/{card}/redemption",
    "create-customer": "/v1/customers", "update-customer": "/v1/customers/{customer}",
    "create-order": "/v1/orders", "update-order": "/v1/orders/{order}",
    "create-validation-rules": "/v1/validation-rules", "update-validation-rule": "/v1/validation-rules/{rule}",
    "create-validation-rule-assignment": "/v1/validation-rules/{rule}/assignments",
    "create-segment": "/v1/segments", "track-custom-event": "/v1/events",
    "track-custom-event-client-side": "/client/v1/events",
    "referrals-add-holders-1": "/v1/referrals/{referral}/members/{referralCard}/holders",
    "referrals-add-holders": "/v1/referrals/members/{referralCard}/holders",
    "create-reward": "/v1/rewards", "update-reward": "/v1/rewards/{reward}",
    "create-product": "/v1/products", "update-product": "/v1/products/{product}",
    "create-sku": "/v1/products/{product}/skus", "update-sku": "/v1/products/{product}/skus/{sku}",
    "create-category": "/v1/categories", "update-category": "/v1/categories/{category}",
    "create-product-collection": "/v1/product-collections",
    "create-brand": "/management/v1/projects/{project}/branding",
    "create-loyalty-program": "/v1/loyalties", "update-loyalty-program": "/v1/loyalties/{loyalty}",
    "transfer-points": "/v1/loyalties/{loyalty}/members/{card}/transfers",
    "export-voucher-transactions": "/v1/vouchers/{gift}/transactions/export",
    "export-campaign-transactions": "/v1/campaigns/{giftCampaign}/transactions/export",
    "export-loyalty-campaign-transactions": "/v1/loyalties/{loyalty}/transactions/export",
    "export-loyalty-card-transactions": "/v1/loyalties/members/{card}/transactions/export",
    "export-loyalty-card-transactions-1": "/v1/loyalties/{loyalty}/members/{card}/transactions/export",
    "create-points-expiration-export": "/v1/loyalties/{loyalty}/points-expiration/export",
    "create-order-export": "/v1/orders/export",
    "create-campaign-from-template": "/v1/templates/campaigns/{template}/campaign-setup",
    "update-customers-in-bulk": "/v1/customers/bulk/async",
    "update-customers-metadata-in-bulk": "/v1/customers/metadata/async",
    "update-products-in-bulk": "/v1/products/bulk/async",
    "update-products-metadata-in-bulk": "/v1/products/metadata/async",
    "update-vouchers-in-bulk": "/v1/vouchers/bulk/async",
    "update-vouchers-metadata-in-bulk": "/v1/vouchers/metadata/async",
    "import-vouchers": "/v1/vouchers/import", "import-vouchers-to-campaign": "/v1/campaigns/{discountCampaign}/import",
    "import-orders": "/v1/orders/import",
  ]

  /// The world's objects the paths name, and the ones the examples' Postman placeholders (`{{voucherId}}`) stand
  /// for. What the examples name by a code or `source_id` of their own is made first (`setUp`).
  static func worldIDs(_ api: InProcessAPI) throws -> [String: String] {
    var ids = api.read { w -> [String: String?] in
      let holder = w.customers.first?.id
      let loyalty = w.firstCampaign(.loyaltyProgram)?.id
      let promo = w.firstCampaign(.promotion)?.id
      let discount = w.firstCampaign(.discountCoupons)
      return [
        "code": w.vouchers.first { $0.campaignType == .discountCoupons && $0.active && $0.holderID == nil }?.code,
        "gift": w.vouchers.first { $0.campaignType == .giftVouchers && $0.holderID == holder }?.code,
        "card": w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID == holder }?.code,
        "discountCampaign": discount?.id, "loyalty": loyalty, "promo": promo,
        "giftCampaign": w.firstCampaign(.giftVouchers)?.id, "referral": w.firstCampaign(.referralProgram)?.id,
        "sampleTier": w.promotionTiers.first { $0.campaignID == promo }?.id,
        "stack": w.promotionStacks.first { $0.campaignID == promo }?.id,
        "reward": w.rewards.first?.id,
        "rewardAssignment": w.rewardAssignments.first { $0.rewardID == w.rewards.first?.id }?.id,
        "loyaltyAssignment": w.rewardAssignments.first { $0.campaignID == loyalty }?.id,
        "earning": w.earningRules.first { $0.campaignID == loyalty }?.id,
        "customer": holder, "voucherId": w.vouchers.first?.id, "campaignId": discount?.id,
        "distributionId": w.distributions.first?.id,
      ]
    }.compactMapValues { $0 }
    try setUp(api, &ids)
    return ids
  }

  /// Makes what the examples name by their own codes and `source_id`s (Voucherify's demo project has them), and a
  /// validation rule, an order, a redemption, a stacked redemption and a published referral code for the paths.
  static func setUp(_ api: InProcessAPI, _ ids: inout [String: String]) throws {
    func made(_ method: String, _ path: String, _ body: String) -> JSON? {
      let (status, answer) = api.call(method, SchemaCall.filled(path, ids), body: SchemaCall.filled(body, ids))
      #expect((200..<300).contains(status), "set-up \(method) \(path): \(answer?.compactString.prefix(300) ?? "")")
      return answer
    }
    for source in ["sample_customer", "36_bob", "referee-source_id", "source_customer_event", "source_customer_1"] {
      _ = made("POST", "/v1/customers", #"{"source_id":"\#(source)"}"#)
    }
    // The campaign Example 3 publishes from, its codes redeemable any number of times.
    ids["examples"] =
      made(
        "POST", "/v1/campaigns",
        #"{"name":"Test - Discount Effect - Amount - Items","voucher":{"discount":{"type":"AMOUNT","amount_off":100},"redemption":{"quantity":1000}}}"#
      )?["id"]?.stringValue
    let codes = [
      ("examples", ["BLCKFRDY", "voucher-code", "GNcuPKGe", "AnsvocvP"]), ("giftCampaign", ["M3X8IwW8"]),
      ("referral", ["46jL0kYI"]), ("loyalty", ["6CB4KDAu", "KpzbHUY5"]),
    ]
    for (campaign, list) in codes {
      for code in list { _ = made("POST", "/v1/campaigns/{\(campaign)}/vouchers/\(code)", "{}") }
    }
    ids["rule"] =
      made(
        "POST", "/v1/validation-rules",
        #"{"name":"SDK examples","rules":{"1":{"name":"order.amount","conditions":{"$more_than":[0]}},"logic":"1"}}"#
      )?["id"]?.stringValue
    ids["order"] = made("POST", "/v1/orders", #"{"amount":1000,"customer":{"id":"{customer}"}}"#)?["id"]?.stringValue
    ids["redemption"] =
      made(
        "POST", "/v1/redemptions", #"{"redeemables":[{"object":"voucher","id":"{code}"}],"order":{"amount":8000}}"#)?[
        "redemptions"]?.arrayValue?.first?["id"]?.stringValue
    let stacked =
      #"{"customer":{"id":"{customer}"},"order":{"amount":20000},"redeemables":[{"object":"voucher","id":"{gift}","gift":{"credits":100}},{"object":"promotion_tier","id":"{sampleTier}"}]}"#
    ids["parentRedemption"] = made("POST", "/v1/redemptions", stacked)?["parent_redemption"]?["id"]?.stringValue
    ids["referralCard"] =
      made("POST", "/v1/publications", #"{"customer":{"id":"{customer}"},"campaign":{"id":"{referral}"}}"#)?[
        "voucher"]?["code"]?.stringValue
    (ids["pendingCard"], ids["pending"]) = (ids["card"], "lpp_not_in_the_world")
    ids["product"] = made("POST", "/v1/products", #"{"name":"SDK examples","price":1000}"#)?["id"]?.stringValue
    ids["sku"] = made("POST", "/v1/products/{product}/skus", #"{"sku":"SDK examples"}"#)?["id"]?.stringValue
    ids["category"] = made("POST", "/v1/categories", #"{"name":"SDK examples","hierarchy":1}"#)?["id"]?.stringValue
    ids["project"] = api.projectID
    ids["template"] =
      made("POST", "/v1/templates/campaigns", #"{"name":"SDK examples","campaign_id":"{discountCampaign}"}"#)?["id"]?
      .stringValue
  }

  /// `body` with the Postman placeholders (`{{voucherId}}`) filled from `ids`.
  static func filled(_ body: String, _ ids: [String: String]) -> String {
    ids.reduce(body) { $0.replacingOccurrences(of: "{{\($1.key)}}", with: $1.value) }
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Campaigns created and changed through `sendout serve`, and the redemption and order lists: each answer validated
/// against the spec's schema, each webhook carrying the ids of the answer, and the main errors.
@Suite struct ServeCampaignCRUDTests {
  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try InProcessAPI.expectValid(body, schema, sourceLocation: sourceLocation)
  }

  @Test func aCampaignIsCreatedWithItsCodesChangedAndDeleted() throws {
    let server = try InProcessAPI.served()
    let body = """
      {"name":"Spring Sale","campaign_type":"DISCOUNT_COUPONS","vouchers_count":4,"description":"Spring",
       "metadata":{"season":"spring"},"voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT",
       "percent_off":15},"code_config":{"pattern":"SPRING-####","charset":"0123456789"},"redemption":{"quantity":2}}}
      """
    let (status, campaign) = try server.send("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign)")
    try expectValid(campaign, "CampaignsCreateResponseBody")
    let id = try #require(campaign["id"]?.stringValue)
    #expect(campaign["vouchers_count"] == 4 && campaign["description"] == "Spring")
    #expect(campaign.value(atPath: "voucher.discount.percent_off") == 15)
    #expect(campaign.value(atPath: "voucher.redemption.quantity") == 2)
    let (_, codes) = try server.send("GET", "/v1/vouchers?campaign_id=\(id)&limit=100")
    let made = codes["vouchers"]?.arrayValue ?? []
    #expect(made.count == 4)
    #expect(
      made.allSatisfy { $0["code"]?.stringValue?.hasPrefix("SPRING-") == true && $0["code"]?.stringValue?.count == 11 })

    let (dup, duplicate) = try server.send("POST", "/v1/campaigns", body: body)
    #expect(dup == 409 && duplicate["key"] == "duplicate_found")

    let (changed, updated) = try server.send(
      "PUT", "/v1/campaigns/Spring%20Sale", body: #"{"description":"Later","metadata":{"wave":2}}"#)
    #expect(changed == 200, "\(updated)")
    try expectValid(updated, "CampaignsUpdateResponseBody")
    #expect(updated["description"] == "Later" && updated.value(atPath: "metadata.wave") == 2)

    let (disabled, off) = try server.send("POST", "/v1/campaigns/\(id)/disable")
    #expect(disabled == 200 && off == [:])
    try expectValid(off, "CampaignsDisableResponseBody")
    let (_, read) = try server.send("GET", "/v1/campaigns/\(id)")
    #expect(read["active"] == false)
    let (enabled, on) = try server.send("POST", "/v1/campaigns/\(id)/enable")
    #expect(enabled == 200)
    try expectValid(on, "CampaignsEnableResponseBody")

    let (one, added) = try server.send("POST", "/v1/campaigns/\(id)/vouchers")
    #expect(one == 200 && added["campaign_id"]?.stringValue == id, "\(added)")
    try expectValid(added, "CampaignsVouchersCreateResponseBody")
    let (many, job) = try server.send("POST", "/v1/campaigns/\(id)/vouchers?vouchers_count=3")
    #expect(many == 202 && job["async_action_id"]?.stringValue?.hasPrefix("aa_") == true, "\(job)")
    try expectValid(job, "CampaignsVouchersCreateInBulkResponseBody")
    let (own, mine) = try server.send("POST", "/v1/campaigns/\(id)/vouchers/SPRING-MINE")
    #expect(own == 200 && mine["code"] == "SPRING-MINE", "\(mine)")
    let (_, count) = try server.send("GET", "/v1/campaigns/\(id)")
    #expect(count["vouchers_count"] == 9)

    let (deleted, deletion) = try server.send("DELETE", "/v1/campaigns/\(id)")
    #expect(deleted == 202, "\(deletion)")
    try expectValid(deletion, "CampaignsDeleteResponseBody")
    #expect(deletion["async_action_id"]?.stringValue?.hasPrefix("aa_") == true)
    let (gone, _) = try server.send("GET", "/v1/campaigns/\(id)")
    #expect(gone == 404)
    let (codeGone, _) = try server.send("GET", "/v1/vouchers/SPRING-MINE")
    #expect(codeGone == 404, "a campaign's codes go with it")

    let created = try server.bodies(of: "campaign.created")
    #expect(created.map { $0.value(atPath: "data.campaign.id")?.stringValue } == [id])
    for type in ["campaign.updated", "campaign.disabled", "campaign.enabled", "campaign.deleted"] {
      let bodies = try server.bodies(of: type)
      #expect(bodies.map { $0.value(atPath: "data.campaign.id")?.stringValue } == [id], "\(type)")
    }
    let generated = try server.bodies(of: "campaign.vouchers.generation.completed")
    #expect(generated.map { $0.value(atPath: "data.count") } == [4, 3])
  }

  @Test func aPromotionCampaignIsCreatedWithItsTiers() throws {
    let server = try InProcessAPI.served()
    let body = """
      {"name":"Cart Deals","campaign_type":"PROMOTION","promotion":{"tiers":[{"name":"5 off",
       "action":{"discount":{"type":"AMOUNT","amount_off":500}}}]}}
      """
    let (status, campaign) = try server.send("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign)")
    try expectValid(campaign, "CampaignsCreateResponseBody")
    let id = try #require(campaign["id"]?.stringValue)
    let (_, tiers) = try server.send("GET", "/v1/promotions/\(id)/tiers")
    #expect(tiers["total"] == 1 && tiers.value(atPath: "tiers.0.name") == "5 off", "\(tiers)")
    let created = try server.bodies(of: "campaign.promotion_tier.created")
    #expect(created.first?.value(atPath: "data.promotion_tier.id") == tiers.value(atPath: "tiers.0.id"))
  }

  @Test func campaignErrorsNameTheField() throws {
    let server = try InProcessAPI.served()
    let cases: [InProcessAPI.Refusal] = [
      ("POST", "/v1/campaigns", #"{"campaign_type":"DISCOUNT_COUPONS"}"#, 400, "invalid_campaign_params", "`name`"),
      (
        "POST", "/v1/campaigns", #"{"name":"A","campaign_type":"COUPONS"}"#, 400, "invalid_campaign_params",
        "`campaign_type`"
      ),
      (
        "POST", "/v1/campaigns", #"{"name":"A","campaign_type":"DISCOUNT_COUPONS","vouchers_count":"3"}"#, 400,
        "invalid_campaign_params", "`vouchers_count`"
      ),
      (
        "POST", "/v1/campaigns",
        #"{"name":"A","campaign_type":"DISCOUNT_COUPONS","voucher":{"discount":{"type":"AMOUNT"}}}"#, 400,
        "invalid_campaign_params", "`voucher.discount.amount_off`"
      ),
      (
        "POST", "/v1/campaigns",
        ##"{"name":"A","campaign_type":"DISCOUNT_COUPONS","vouchers_count":20,"voucher":{"code_config":{"pattern":"#","charset":"01"}}}"##,
        400, "invalid_code_config", nil
      ),
      (
        "POST", "/v1/campaigns", #"{"name":"Welcome Offer","campaign_type":"DISCOUNT_COUPONS"}"#, 409,
        "duplicate_found", nil
      ),
      ("PUT", "/v1/campaigns/nope", "{}", 404, "not_found", nil),
      ("PUT", "/v1/campaigns/Welcome%20Offer", #"{"metadata":[1]}"#, 400, "invalid_campaign_params", "`metadata`"),
      ("POST", "/v1/campaigns/nope/enable", nil, 404, "not_found", nil),
      ("DELETE", "/v1/campaigns/nope", nil, 404, "not_found", nil),
      ("POST", "/v1/campaigns/Welcome%20Offer/vouchers?vouchers_count=0", nil, 400, "invalid_query_params", nil),
    ]
    try server.expectRefusals(cases)
  }

  @Test func redemptionsAndOrdersAreListedWithTheirFilters() throws {
    let server = try InProcessAPI.served()
    var codes: [String] = []
    for name in ["mia", "ned"] {
      let (_, publication) = try server.send(
        "POST", "/v1/publications", body: #"{"customer":{"source_id":"\#(name)"},"campaign":{"name":"Welcome Offer"}}"#)
      codes.append(try #require(publication.value(atPath: "voucher.code")?.stringValue))
    }
    var ids: [String] = []
    for (code, name) in zip(codes, ["mia", "ned"]) {
      let redeem =
        #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":9000},"customer":{"source_id":"\#(name)"}}"#
      let (_, redeemed) = try server.send("POST", "/v1/redemptions", body: redeem)
      ids.append(try #require(redeemed.value(atPath: "redemptions.0.id")?.stringValue))
    }
    _ = try server.send("POST", "/v1/vouchers/\(codes[1])/disable")
    let failing = #"{"redeemables":[{"object":"voucher","id":"\#(codes[1])"}],"order":{"amount":9000}}"#
    _ = try server.send("POST", "/v1/redemptions", body: failing)

    let (status, list) = try server.send("GET", "/v1/redemptions?campaign=Welcome%20Offer")
    #expect(status == 200, "\(list)")
    try expectValid(list, "RedemptionsListResponseBody")
    #expect(list["total"] == 3)
    let (_, mine) = try server.send("GET", "/v1/redemptions?customer=mia")
    #expect(mine["total"] == 1 && mine.value(atPath: "redemptions.0.id")?.stringValue == ids[0])
    let (_, failed) = try server.send("GET", "/v1/redemptions?result=FAILURE")
    #expect(failed["total"] == 1 && failed.value(atPath: "redemptions.0.failure_code") == "voucher_disabled")
    let (_, newest) = try server.send("GET", "/v1/redemptions?result=SUCCESS&order=-created_at&limit=1")
    #expect(newest.value(atPath: "redemptions.0.id")?.stringValue == ids[1])
    _ = try server.send("POST", "/v1/redemptions/\(ids[0])/rollback")
    let (_, rolled) = try server.send("GET", "/v1/redemptions?customer=mia&order=created_at")
    try expectValid(rolled, "RedemptionsListResponseBody")
    #expect(rolled["total"] == 2, "the redemption and its rollback")
    #expect(rolled.value(atPath: "redemptions.0.status") == "ROLLED_BACK", "the REST schema's spelling: \(rolled)")
    #expect(rolled.value(atPath: "redemptions.1.object") == "redemption_rollback")
    let (bad, error) = try server.send("GET", "/v1/redemptions?result=MAYBE")
    #expect(bad == 400 && error["key"] == "invalid_query_params")

    let (entriesStatus, entries) = try server.send("GET", "/v1/vouchers/\(codes[1])/redemption")
    #expect(entriesStatus == 200, "\(entries)")
    try expectValid(entries, "VouchersRedemptionGetResponseBody")
    #expect(entries["total"] == 2 && entries["redeemed_quantity"] == 1)
    let (noCode, _) = try server.send("GET", "/v1/vouchers/NOPE/redemption")
    #expect(noCode == 404)

    let (ordersStatus, orders) = try server.send("GET", "/v1/orders?order=-created_at&limit=1")
    #expect(ordersStatus == 200, "\(orders)")
    try expectValid(orders, "OrdersListResponseBody")
    #expect((orders["total"]?.intValue ?? 0) >= 2 && orders["orders"]?.arrayValue?.count == 1)
    #expect(orders.value(atPath: "orders.0.redemptions")?.objectValue?.keys.contains(ids[1]) == true, "\(orders)")
  }

  @Test func theSameSeedAndCallsGiveTheSameCreatedObjects() throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try InProcessAPI.served(seed: 11)
      var answers: [JSON] = []
      let campaign =
        #"{"name":"Twice","campaign_type":"GIFT_VOUCHERS","vouchers_count":3,"voucher":{"gift":{"amount":900}}}"#
      answers.append(try server.send("POST", "/v1/campaigns", body: campaign).1)
      answers.append(try server.send("POST", "/v1/vouchers", body: #"{"campaign":"Twice"}"#).1)
      answers.append(try server.send("GET", "/v1/vouchers?campaign=Twice").1)
      answers.append(try server.send("DELETE", "/v1/campaigns/Twice").1)
      runs.append(answers)
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0][2]["total"] == 4 && runs[0][2].value(atPath: "vouchers.0.gift.amount") == 900)
  }

  /// A discount formula or several units cannot be held by the mock's discounts: a campaign's or a promotion tier's is
  /// refused with a 501 naming the field (both were dropped, so the discount answered differed from the one sent).
  @Test func aDiscountFormulaOrSeveralUnitsAreRefusedNamingTheFieldNotDropped() throws {
    let server = try InProcessAPI.served()
    let formula = """
      {"name":"Formula Sale","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1,"voucher":{"type":"DISCOUNT_VOUCHER",
       "discount":{"type":"AMOUNT","amount_off":100,"amount_off_formula":"ORDER_AMOUNT / 10"}}}
      """
    let (status, refused) = try server.send("POST", "/v1/campaigns", body: formula)
    #expect(status == 501 && refused["key"] == "not_implemented", "\(refused)")
    #expect(refused["details"]?.stringValue?.contains("`voucher.discount.amount_off_formula`") == true)
    #expect(try server.send("GET", "/v1/campaigns/Formula%20Sale").0 == 404, "nothing was created")
    let units = """
      {"name":"Units Promo","campaign_type":"PROMOTION","promotion":{"tiers":[{"name":"Two units","banner":"2",
       "action":{"discount":{"type":"UNIT","effect":"ADD_MANY_ITEMS","units":[{"unit_off":1,"unit_type":"prod_a",
       "effect":"ADD_MISSING_ITEMS"}]}}}]}}
      """
    let (tierStatus, tier) = try server.send("POST", "/v1/campaigns", body: units)
    #expect(tierStatus == 501, "\(tier)")
    #expect(tier["details"]?.stringValue?.contains("`promotion.tiers.0.action.discount.units`") == true, "\(tier)")
    // A percent formula is kept as sent and read back (the world evaluates it per order); one it cannot evaluate is a 501.
    let percent = """
      {"name":"Formula Percent","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1,"voucher":{"type":"DISCOUNT_VOUCHER",
       "discount":{"type":"PERCENT","percent_off":10,"percent_off_formula":"IF(ORDER_AMOUNT > 150;15;10)"}}}
      """
    let (kept, campaign) = try server.send("POST", "/v1/campaigns", body: percent)
    #expect(kept == 200, "\(campaign)")
    #expect(campaign.value(atPath: "voucher.discount.percent_off_formula") == "IF(ORDER_AMOUNT > 150;15;10)")
    let unknown = percent.replacingOccurrences(of: "Formula Percent", with: "Formula Meta").replacingOccurrences(
      of: "IF(ORDER_AMOUNT > 150;15;10)", with: "CUSTOMER_METADATA(tier) * 2")
    let (unsupported, answer) = try server.send("POST", "/v1/campaigns", body: unknown)
    #expect(unsupported == 501 && answer["details"]?.stringValue?.contains("percent_off_formula") == true, "\(answer)")
  }
}

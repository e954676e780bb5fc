import SendoutCore
import Testing

/// A campaign's summary counted from what the calls did (redemptions, rollbacks, validations, codes, points), a
/// promotion stack deleted, and a validation session released, each answered per the spec.
@Suite struct ServeCampaignSummaryTests {
  @Test func aDiscountCampaignsSummaryCountsItsRedemptionsRollbacksAndValidations() throws {
    let server = try InProcessAPI.served()
    let (_, campaign) = try server.send(
      "POST", "/v1/campaigns",
      body:
        #"{"name":"Summary Coupons","campaign_type":"DISCOUNT_COUPONS","vouchers_count":3,"voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":500}}}"#
    )
    let id = try #require(campaign["id"]?.stringValue, "\(campaign)")
    let (_, listed) = try server.send("GET", "/v1/vouchers?campaign_id=\(id)")
    let codes = try #require(listed["vouchers"]?.arrayValue?.compactMap { $0["code"]?.stringValue })
    #expect(codes.count == 3)
    func body(_ code: String, _ amount: Int) -> String {
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":\#(amount)}}"#
    }
    let (valid, _) = try server.send("POST", "/v1/validations", body: body(codes[0], 8000))
    _ = try server.send("POST", "/v1/vouchers/\(codes[2])/disable")
    let (_, refused) = try server.send("POST", "/v1/validations", body: body(codes[2], 8000))
    #expect(valid == 200 && refused["valid"] == false, "\(refused)")
    let (_, first) = try server.send("POST", "/v1/redemptions", body: body(codes[0], 8000))
    _ = try server.send("POST", "/v1/redemptions", body: body(codes[1], 3000))
    let redemption = try #require(first.value(atPath: "redemptions.0.id")?.stringValue, "\(first)")
    let (rolled, _) = try server.send("POST", "/v1/redemptions/\(redemption)/rollback")
    #expect(rolled == 200)

    let (status, summary) = try server.send("GET", "/v1/campaigns/\(id)/summary")
    #expect(status == 200, "\(summary)")
    try InProcessAPI.expectValid(summary, "CampaignsSummaryDiscountCampaign")
    let expected: [String: Int] = [
      "redemptions": 2, "redemptions_succeeded": 2, "redemptions_failed": 0, "rollbacks": 1,
      "rollbacks_succeeded": 1, "rollbacks_failed": 0, "validations": 2, "validations_succeeded": 1,
      "validations_failed": 1, "vouchers_created": 3, "vouchers_deleted": 0, "discounted_amount": 1000,
      "rolledback_discounted_amount": 500, "orders_amount": 11000, "orders_rolledback_amount": 8000,
    ]
    for (key, value) in expected { #expect(summary[key]?.intValue == value, "\(key): \(summary)") }
    #expect(summary["object"] == "campaign_summary" && summary.value(atPath: "campaign.id")?.stringValue == id)

    let (_, later) = try server.send("GET", "/v1/campaigns/Summary%20Coupons/summary?start_date=2030-01-01")
    #expect(later["redemptions"] == 0 && later["validations"] == 0 && later["vouchers_created"] == 0, "\(later)")
    try server.expectRefusals([
      ("GET", "/v1/campaigns/camp_nope/summary", nil, 404, "not_found", "camp_nope"),
      ("GET", "/v1/campaigns/\(id)/summary?end_date=2024-13-45", nil, 400, "invalid_query_params", "2024-13-45"),
    ])
  }

  @Test func aLoyaltyProgramsSummaryCountsThePointsMoved() throws {
    let server = try InProcessAPI.served()
    let (program, code) = try ServeLoyaltyReadTests.member(server, "quinn")
    let (_, before) = try server.send("GET", "/v1/campaigns/\(program)/summary")
    try InProcessAPI.expectValid(before, "CampaignsSummaryLoyaltyCampaign")
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":70}"#)
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-20}"#)
    let (_, after) = try server.send("GET", "/v1/campaigns/\(program)/summary")
    #expect(after["points_added"]?.intValue == (before["points_added"]?.intValue ?? 0) + 70, "\(after)")
    #expect(after["points_subtracted"]?.intValue == (before["points_subtracted"]?.intValue ?? 0) + 20)
    #expect(
      after["points_rewarded"] == before["points_rewarded"] && after["vouchers_created"] == before["vouchers_created"])
  }

  @Test func aDeletedPromotionStackIsGoneAndSendsNoWebhook() throws {
    let server = try InProcessAPI.served()
    let (promo, tier) = try #require(
      server.read { w -> (String, String)? in
        guard let c = w.firstCampaign(.promotion), let t = w.promotionTiers.first(where: { $0.campaignID == c.id })
        else { return nil }
        return (c.id, t.id)
      })
    let (_, stack) = try server.send(
      "POST", "/v1/promotions/\(promo)/stacks", body: #"{"name":"Doomed","tiers":{"ids":["\#(tier)"]}}"#)
    let id = try #require(stack["id"]?.stringValue, "\(stack)")
    let sent = server.sendouts.count
    let (deleted, body) = try server.send("DELETE", "/v1/promotions/\(promo)/stacks/\(id)")
    #expect(deleted == 204 && body == .null)
    #expect(server.sendouts.count == sent, "Voucherify has no promotion stack deletion event")
    let (_, all) = try server.send("GET", "/v1/promotions/\(promo)/stacks")
    #expect(all["data"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == false)
    #expect(server.read { $0.promotionTiers[id: tier] } != nil, "the tiers stay")
    try server.expectRefusals([
      ("GET", "/v1/promotions/\(promo)/stacks/\(id)", nil, 404, "not_found", id),
      ("DELETE", "/v1/promotions/\(promo)/stacks/\(id)", nil, 404, "not_found", id),
      ("DELETE", "/v1/promotions/camp_nope/stacks/\(id)", nil, 404, "not_found", "camp_nope"),
    ])
  }

  @Test func releasingAValidationSessionIsIdempotentForAKnownVoucher() throws {
    let server = try InProcessAPI.served()
    let code = try #require(server.read { w in w.vouchers.first { !$0.deleted }?.code })
    let before = server.read { $0.vouchers.first { $0.code == code } }
    for _ in 0..<2 {
      let (status, body) = try server.send(
        "DELETE", "/v1/vouchers/\(code)/sessions/ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts")
      #expect(status == 204 && body == .null)
    }
    #expect(server.read { $0.vouchers.first { $0.code == code } } == before, "nothing was locked, nothing changes")
    try server.expectRefusals([
      ("DELETE", "/v1/vouchers/NOPE-CODE/sessions/ssn_1", nil, 404, "not_found", "NOPE-CODE")
    ])
  }
}

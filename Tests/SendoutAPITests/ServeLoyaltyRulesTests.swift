import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// The scenario operations that were not reachable through the API before: earning rules written, pending points
/// adjusted, rewards assigned, loyalty tiers created and promotion stacks, each answered per the spec's schema and
/// sending the events of its scenario step with the ids of the answer.
@Suite struct ServeLoyaltyRulesTests {
  func program(_ server: InProcessAPI) throws -> String {
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    return try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
  }

  @Test func earningRulesAreCreatedChangedAndDeletedAndEarnPendingPoints() throws {
    let server = try InProcessAPI.served()
    let program = try program(server)
    let (status, created) = try server.send(
      "POST", "/v1/loyalties/\(program)/earning-rules",
      body: #"""
        [{"event":"order.paid","loyalty":{"type":"PROPORTIONAL","calculation_type":"ORDER_AMOUNT",
          "order":{"amount":{"every":100,"points":2}}},"pending_points":{"period_type":"DAY","period_value":7}}]
        """#)
    #expect(status == 200, "\(created)")
    let rule = try #require(created.arrayValue?.first)
    try InProcessAPI.expectValid(rule, "LoyaltiesEarningRulesCreateResponseBody")
    let id = try #require(rule["id"]?.stringValue)

    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"pia"}}"#)
    let code = try #require(card["code"]?.stringValue)
    let (paid, order) = try server.send(
      "POST", "/v1/orders", body: #"{"customer":{"source_id":"pia"},"amount":10000,"status":"PAID"}"#)
    #expect(paid == 200, "\(order)")
    let (_, pending) = try server.send("GET", "/v1/loyalties/members/\(code)/pending-points")
    let entry = try #require(pending["data"]?.arrayValue?.first, "\(pending)")
    let pendingID = try #require(entry["id"]?.stringValue)
    let before = try #require(entry["points"]?.intValue)
    #expect(before == 200, "2 points per 100 cents of 10000: \(entry)")
    let (adjusted, balance) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/pending-points/\(pendingID)/balance", body: #"{"points":-50}"#)
    #expect(adjusted == 200 && balance["points"] == -50 && balance["total"] == 150, "\(balance)")
    try InProcessAPI.expectValid(balance, "LoyaltiesMembersPendingPointsBalanceResponseBody")
    let (zero, rejected) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/pending-points/\(pendingID)/balance", body: #"{"points":"x"}"#)
    #expect(zero == 400 && rejected["key"] == "invalid_payload")
    let updates = try server.bodies(of: "voucher.loyalty_card.pending_points.updated")
    #expect(updates.map { $0.value(atPath: "data.pending_points.id")?.stringValue } == [pendingID])

    let (changed, updated) = try server.send(
      "PUT", "/v1/loyalties/\(program)/earning-rules/\(id)", body: #"{"pending_points":null}"#)
    #expect(changed == 200 && updated["id"]?.stringValue == id, "\(updated)")
    try InProcessAPI.expectValid(updated, "LoyaltiesEarningRulesUpdateResponseBody")
    let (disabled, off) = try server.send("POST", "/v1/loyalties/\(program)/earning-rules/\(id)/disable")
    #expect(disabled == 200 && off["active"] == false)
    try InProcessAPI.expectValid(off, "LoyaltiesEarningRulesDisableResponseBody")
    let (enabled, on) = try server.send("POST", "/v1/loyalties/\(program)/earning-rules/\(id)/enable")
    #expect(enabled == 200 && on["active"] == true)
    try InProcessAPI.expectValid(on, "LoyaltiesEarningRulesEnableResponseBody")
    let (deleted, _) = try server.send("DELETE", "/v1/loyalties/\(program)/earning-rules/\(id)")
    #expect(deleted == 204)
    let (gone, _) = try server.send("GET", "/v1/loyalties/\(program)/earning-rules/\(id)")
    #expect(gone == 404)
    for type in ["assigned", "updated", "disabled", "enabled", "deleted"] {
      let bodies = try server.bodies(of: "campaign.earning_rule.\(type)")
      #expect(bodies.map { $0.value(atPath: "data.earning_rule.id")?.stringValue } == [id], "\(type)")
    }
    let (fixed, notSimulated) = try server.send(
      "POST", "/v1/loyalties/\(program)/earning-rules",
      body: #"[{"event":"order.paid","loyalty":{"type":"FIXED","points":5}}]"#)
    #expect(fixed == 501 && notSimulated["key"] == "not_implemented")
  }

  @Test func rewardsAreAssignedRepricedAndWithdrawnByProgramOrByReward() throws {
    let server = try InProcessAPI.served()
    let program = try program(server)
    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"ravi"}}"#)
    let code = try #require(card["code"]?.stringValue)
    let (_, offered) = try server.send("GET", "/v1/loyalties/members/\(code)/rewards")
    let reward = try #require(offered["data"]?.arrayValue?.first?.value(atPath: "reward.id")?.stringValue)

    let (status, assignment) = try server.send(
      "POST", "/v1/loyalties/\(program)/rewards",
      body: #"[{"reward":"\#(reward)","parameters":{"loyalty":{"points":7}}}]"#)
    #expect(status == 200, "\(assignment)")
    try InProcessAPI.expectValid(assignment, "LoyaltiesRewardsCreateAssignmentResponseBody")
    let id = try #require(assignment["id"]?.stringValue)
    let (repriced, updated) = try server.send(
      "PUT", "/v1/loyalties/\(program)/rewards/\(id)", body: #"{"parameters":{"loyalty":{"points":9}}}"#)
    #expect(repriced == 200 && updated.value(atPath: "parameters.loyalty.points") == 9, "\(updated)")
    try InProcessAPI.expectValid(updated, "LoyaltiesRewardsUpdateAssignmentResponseBody")
    let (deleted, _) = try server.send("DELETE", "/v1/loyalties/\(program)/rewards/\(id)")
    #expect(deleted == 204)
    let (again, _) = try server.send("DELETE", "/v1/rewards/\(reward)/assignments/\(id)")
    #expect(again == 404)

    let (byReward, other) = try server.send(
      "POST", "/v1/rewards/\(reward)/assignments",
      body: #"{"campaign":"\#(program)","parameters":{"loyalty":{"points":3}}}"#)
    #expect(byReward == 200, "\(other)")
    try InProcessAPI.expectValid(other, "RewardsAssignmentsCreateResponseBody")
    let otherID = try #require(other["id"]?.stringValue)
    let (put, _) = try server.send(
      "PUT", "/v1/rewards/\(reward)/assignments/\(otherID)", body: #"{"parameters":{"loyalty":{"points":4}}}"#)
    #expect(put == 200)
    let (noPoints, invalid) = try server.send(
      "PUT", "/v1/rewards/\(reward)/assignments/\(otherID)", body: #"{"parameters":{"loyalty":{"points":0}}}"#)
    #expect(noPoints == 400 && invalid["key"] == "invalid_payload")
    let (unknown, _) = try server.send(
      "POST", "/v1/rewards/rew_nope/assignments",
      body: #"{"campaign":"\#(program)","parameters":{"loyalty":{"points":3}}}"#)
    #expect(unknown == 404)
    let created = try server.bodies(of: "campaign.reward.assignment.created")
    #expect(created.map { $0.value(atPath: "data.reward_assignment.id")?.stringValue } == [id, otherID])
  }

  @Test func loyaltyTiersAndPromotionStacksAreCreated() throws {
    let server = try InProcessAPI.served()
    let program = try program(server)
    let (status, tiers) = try server.send(
      "POST", "/v1/loyalties/\(program)/tiers", body: #"[{"name":"Diamond","points":{"from":100000,"to":199999}}]"#)
    #expect(status == 200, "\(tiers)")
    try InProcessAPI.expectValid(tiers, "LoyaltiesTiersCreateInBulkResponseBody")
    let tier = try #require(tiers.arrayValue?.first?["id"]?.stringValue)
    let (_, listed) = try server.send("GET", "/v1/loyalties/\(program)/tiers")
    #expect(listed["total"] == 4)
    let made = try server.bodies(of: "campaign.loyalty_tier.created")
    #expect(made.map { $0.value(atPath: "data.loyalty_tier.id")?.stringValue } == [tier])

    let (_, promotions) = try server.send("GET", "/v1/promotions/tiers")
    let promotion = try #require(promotions["tiers"]?.arrayValue?.first)
    let campaign = try #require(promotion["campaign_id"]?.stringValue)
    let promotionTier = try #require(promotion["id"]?.stringValue)
    let (created, stack) = try server.send(
      "POST", "/v1/promotions/\(campaign)/stacks", body: #"{"name":"Weekend","tiers":{"ids":["\#(promotionTier)"]}}"#)
    #expect(created == 200, "\(stack)")
    try InProcessAPI.expectValid(stack, "PromotionsStacksCreateResponseBody")
    let id = try #require(stack["id"]?.stringValue)
    let (renamed, updated) = try server.send(
      "PUT", "/v1/promotions/\(campaign)/stacks/\(id)", body: #"{"name":"Long weekend"}"#)
    #expect(renamed == 200 && updated["name"] == "Long weekend", "\(updated)")
    try InProcessAPI.expectValid(updated, "PromotionsStacksUpdateResponseBody")
    let (got, read) = try server.send("GET", "/v1/promotions/\(campaign)/stacks/\(id)")
    #expect(got == 200 && read == updated)
    try InProcessAPI.expectValid(read, "PromotionsStacksGetResponseBody")
    let (_, all) = try server.send("GET", "/v1/promotions/stacks")
    try InProcessAPI.expectValid(all, "PromotionsStacksListResponseBody")
    #expect(all["data"]?.arrayValue?.contains(read) == true)
    let (badTier, error) = try server.send(
      "POST", "/v1/promotions/\(campaign)/stacks", body: #"{"name":"x","tiers":{"ids":["promo_nope"]}}"#)
    #expect(badTier == 400 && error["key"] == "invalid_payload")
    let updates = try server.bodies(of: "campaign.promotion_stack.updated")
    #expect(updates.map { $0.value(atPath: "data.promotion_stack.id")?.stringValue } == [id])
  }

  @Test func aTierMappingEarningRulesOrRewardsIsRefusedAndItsMetadataKept() throws {
    let server = try InProcessAPI.served()
    let program = try program(server)
    let path = "/v1/loyalties/\(program)/tiers"
    let (_, before) = try server.send("GET", path)
    try server.expectRefusals([
      (
        "POST", path,
        #"[{"name":"A","points":{"from":0,"to":9}},{"name":"B","points":{"from":10,"to":19},"#
          + #""earning_rules":{"ern_1":{"type":"MULTIPLY","multiplication_factor":2}}}]"#, 501, "not_implemented",
        "[1].earning_rules"
      ),
      (
        "POST", path, #"[{"name":"C","points":{"from":0,"to":9},"rewards":{"rewa_1":{"type":"CUSTOM","points":5}}}]"#,
        501, "not_implemented", "[0].rewards"
      ),
    ])
    let (_, after) = try server.send("GET", path)
    #expect(after["total"] == before["total"], "nothing made: refused before the first tier")
    let (status, tiers) = try server.send(
      "POST", path,
      body: #"[{"name":"Plain","points":{"from":200000,"to":299999},"earning_rules":{},"metadata":{"perk":"lounge"}}]"#)
    #expect(status == 200, "\(tiers)")
    #expect(tiers.value(atPath: "0.metadata.perk") == "lounge" && tiers.value(atPath: "0.earning_rules") == [:])
    let id = try #require(tiers.value(atPath: "0.id")?.stringValue)
    let (_, read) = try server.send("GET", "\(path)/\(id)")
    #expect(read.value(atPath: "metadata.perk") == "lounge", "\(read)")
  }
}

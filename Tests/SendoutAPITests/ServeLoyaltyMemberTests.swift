import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// A loyalty member through the mock API: rewards listed and redeemed for points, points removed, pending points,
/// and the program's tiers and earning rules, each answered per the spec.
@Suite struct ServeLoyaltyMemberTests {
  @Test func aMemberRedeemsARewardAndLosesPoints() throws {
    let server = try InProcessAPI.served()
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    let program = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"nora"}}"#)
    let code = try #require(card["code"]?.stringValue)
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":500}"#)

    let (listed, rewards) = try server.send("GET", "/v1/loyalties/members/\(code)/rewards")
    #expect(listed == 200, "\(rewards)")
    try InProcessAPI.expectValid(rewards, "LoyaltiesMembersRewardsListResponseBody")
    let cheapest = try #require(
      rewards["data"]?.arrayValue?.min {
        ($0.value(atPath: "assignment.parameters.loyalty.points")?.intValue ?? 0)
          < ($1.value(atPath: "assignment.parameters.loyalty.points")?.intValue ?? 0)
      })
    let rewardID = try #require(cheapest.value(atPath: "reward.id")?.stringValue)
    let (redeemed, redemption) = try server.send(
      "POST", "/v1/loyalties/\(program)/members/\(code)/redemption", body: #"{"reward":{"id":"\#(rewardID)"}}"#)
    #expect(redeemed == 200, "\(redemption)")
    try InProcessAPI.expectValid(redemption, "LoyaltiesMembersRedemptionRedeemResponseBody")
    #expect(redemption["reward"]?["id"]?.stringValue == rewardID, "\(redemption)")
    let (unknown, notFound) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/redemption", body: #"{"reward":{"id":"rew_nope"}}"#)
    #expect(unknown == 404 && notFound["key"] == "not_found")
    let (missing, noReward) = try server.send("POST", "/v1/loyalties/members/\(code)/redemption", body: "{}")
    #expect(missing == 400 && noReward["key"] == "missing_reward")

    let (_, member) = try server.send("GET", "/v1/loyalties/members/\(code)")
    let balance = try #require(member.value(atPath: "loyalty_card.balance")?.intValue)
    #expect(balance < 500)
    let (removed, after) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-\#(balance),"reason":"correction"}"#)
    #expect(removed == 200 && after["balance"] == 0, "\(after)")
    try InProcessAPI.expectValid(after, "LoyaltiesMembersBalanceUpdateResponseBody")
    let (tooMany, exceeded) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-1}"#)
    #expect(tooMany == 400 && exceeded["key"] == "loyalty_card_points_exceeded", "\(exceeded)")
    let arrived = server.sendouts
    #expect(arrived.contains { $0.eventType == "customer.rewarded" })
  }

  /// The redeem-reward call's `order` and `metadata` are kept as a redemption keeps them: the answer, the order read
  /// back by its `source_id` and the `customer.rewarded` webhook all carry what the application sent.
  @Test func aRewardRedeemedOnAnOrderKeepsTheOrderAndMetadata() throws {
    let server = try InProcessAPI.served()
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    let program = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"ola"}}"#)
    let code = try #require(card["code"]?.stringValue)
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":5000}"#)
    let (_, rewards) = try server.send("GET", "/v1/loyalties/members/\(code)/rewards")
    let rewardID = try #require(rewards["data"]?.arrayValue?.first?.value(atPath: "reward.id")?.stringValue)
    let order = #"{"source_id":"shop-77","items":[{"source_id":"mug","quantity":2,"price":450}],"metadata":{"k":"v"}}"#
    let (status, redemption) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/redemption",
      body: #"{"reward":{"id":"\#(rewardID)"},"order":\#(order),"metadata":{"till":"3"}}"#)
    #expect(status == 200, "\(redemption)")
    try InProcessAPI.expectValid(redemption, "LoyaltiesMembersRedemptionRedeemResponseBody")
    #expect(redemption.value(atPath: "order.source_id") == "shop-77", "\(redemption)")
    #expect(redemption.value(atPath: "order.amount") == 900)
    #expect(redemption["metadata"] == ["till": "3"])
    let (found, stored) = try server.send("GET", "/v1/orders/shop-77")
    #expect(found == 200 && stored["metadata"] == ["k": "v"] && stored["status"] == "PAID", "\(stored)")
    let rewarded = try #require(try server.bodies(of: "customer.rewarded").last)
    #expect(rewarded.value(atPath: "data.redemption.order.source_id") == "shop-77")
    #expect(rewarded.value(atPath: "data.redemption.metadata.till") == "3")
    let redemptionID = try #require(redemption["id"]?.stringValue)
    #expect(stored["redemptions"]?[redemptionID]?["related_object_type"] == "voucher", "\(stored)")

    let (_, before) = try server.send("GET", "/v1/loyalties/members/\(code)")
    let (unknown, notFound) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/redemption",
      body: #"{"reward":{"id":"\#(rewardID)"},"order":{"id":"ord_nope"}}"#)
    #expect(unknown == 404 && notFound["key"] == "not_found", "\(notFound)")
    let (_, after) = try server.send("GET", "/v1/loyalties/members/\(code)")
    #expect(after.value(atPath: "loyalty_card.balance") == before.value(atPath: "loyalty_card.balance"))
  }

  @Test func pendingPointsTiersAndEarningRulesAnswerPerTheSpec() throws {
    let server = try InProcessAPI.served()
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    let program = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"otto"}}"#)
    let code = try #require(card["code"]?.stringValue)
    let (status, pending) = try server.send("GET", "/v1/loyalties/\(program)/members/\(code)/pending-points")
    #expect(status == 200, "\(pending)")
    try InProcessAPI.expectValid(pending, "LoyaltiesMembersPendingPointsListResponseBody")
    #expect(pending["data"]?.arrayValue?.isEmpty == true && pending["has_more"] == false)
    let (activate, error) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/pending-points/lopp_nope/activate")
    #expect(activate == 404 && error["key"] == "not_found")
    let (cancel, _) = try server.send("POST", "/v1/loyalties/members/\(code)/pending-points/lopp_nope/cancel")
    #expect(cancel == 404)

    let (_, tiers) = try server.send("GET", "/v1/loyalties/\(program)/tiers")
    try InProcessAPI.expectValid(tiers, "LoyaltiesTiersListResponseBody")
    let tier = try #require(tiers["data"]?.arrayValue?.first?["id"]?.stringValue)
    #expect(tiers["total"] == 3)
    let (got, one) = try server.send("GET", "/v1/loyalties/\(program)/tiers/\(tier)")
    #expect(got == 200 && one["id"]?.stringValue == tier)
    try InProcessAPI.expectValid(one, "LoyaltiesTiersGetResponseBody")
    _ = try server.send("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":150}"#)
    let (_, mine) = try server.send("GET", "/v1/loyalties/members/\(code)/tiers")
    try InProcessAPI.expectValid(mine, "LoyaltiesMembersTiersListResponseBody")
    #expect(mine["data"]?.arrayValue?.first?["id"]?.stringValue == tier, "\(mine)")
    let (_, rules) = try server.send("GET", "/v1/loyalties/\(program)/earning-rules")
    try InProcessAPI.expectValid(rules, "LoyaltiesEarningRulesListResponseBody")
    let rule = try #require(rules["data"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, fetched) = try server.send("GET", "/v1/loyalties/\(program)/earning-rules/\(rule)")
    try InProcessAPI.expectValid(fetched, "LoyaltiesEarningRulesGetResponseBody")
    let (unknownTier, _) = try server.send("GET", "/v1/loyalties/\(program)/tiers/ltr_nope")
    #expect(unknownTier == 404)
  }
}

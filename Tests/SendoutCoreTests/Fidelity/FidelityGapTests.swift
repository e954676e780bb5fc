import SendoutCore
import SendoutTestSupport
import Testing

/// The fidelity gaps of issue 12 §4, each checked against the official examples
/// (Tests/Fixtures/voucherify-webhook-examples.json).
@Suite struct FidelityGapTests {
  static func data(_ type: String, via: SendoutSource.Kind? = nil, seed: UInt64 = 1) throws -> JSON {
    let body = try JSONParser.parse(SingleEventRequest(eventType: type, via: via, seed: seed).sendout().body)
    return try #require(body["data"])
  }

  @Test(arguments: ["voucher.loyalty_card.points_expired", "customer.voucher.loyalty_card.points_expired"])
  func expiredPointsSendTheirBucketsAsAnArray(_ type: String) throws {
    let buckets = try #require(try Self.data(type)["buckets"]?.arrayValue)
    #expect(buckets.count == 1)
    #expect(buckets.first?["object"] == "loyalty_points_bucket")
  }

  @Test(arguments: ["redemption.rollback.succeeded", "customer.redemption.rollback.succeeded"])
  func aRollbackCancelsTheOrderAndShowsTheRedemptionAsRedeemed(_ type: String) throws {
    let data = try Self.data(type)
    #expect(data.value(atPath: "order.status") == "CANCELED")
    #expect(data.value(atPath: "redemption_rollback.order.status") == "CANCELED")
    #expect(data.value(atPath: "redemption_rollback.status") == "SUCCEEDED")
    #expect(data.value(atPath: "redemption.status") == "SUCCEEDED")
    #expect(data.value(atPath: "redemption.order.status") == "PAID")
  }

  @Test func aFailedRollbackShowsTheSpecsRolledBackSpelling() throws {
    let data = try Self.data("redemption.rollback.failed")
    #expect(data.value(atPath: "redemption.status") == "ROLLED BACK")
    #expect(data.value(atPath: "redemption_rollback.status") == "FAILED")
    #expect(data.value(atPath: "redemption_rollback.failure_code") == "already_rolled_back")
    #expect(data.value(atPath: "order.status") == "CANCELED")
  }

  @Test func noBodySpellsRolledBackWithAnUnderscore() throws {
    for d in EventCatalog.all where d.isRenderable {
      for via in d.configuredIn {
        let body = try SingleEventRequest(eventType: d.type, via: via).sendout().body
        #expect(!String(decoding: body, as: UTF8.self).contains("ROLLED_BACK"), "\(d.type)")
      }
    }
  }

  @Test func theCampaignVoucherTemplateNeverCountsRedemptions() throws {
    let data = try Self.data("redemption.succeeded")
    #expect(data.value(atPath: "voucher.redemption.redeemed_quantity") == 1)
    #expect(data.value(atPath: "campaign.voucher.redemption.redeemed_quantity") == 0)
    for s in try ScenarioFixtures.plan("spring-discounts.json") {
      guard
        let counted = try ScenarioFixtures.json(s).value(atPath: "data.campaign.voucher.redemption.redeemed_quantity")
      else { continue }
      #expect(counted == 0, "\(s.sendout.eventType): the template counts \(counted)")
    }
  }

  /// One rule (support.voucherify.io/article/587-tier-qualification-rules, "qualification is based on the current
  /// point balance"): a reward redemption that drops the balance below the tier is a downgrade, and the transaction,
  /// the event and a later prolongation all name the new tier.
  @Test func aRewardRedemptionBelowTheTierIsADowngradeEverywhere() throws {
    var w = try World.sample(seed: 1, start: SingleEventRequest.defaultStart)
    let loyalty = try #require(w.campaigns.first { $0.campaignType == .loyaltyProgram })
    let customer = w.customers[0].id
    let card = try w.publish(campaignID: loyalty.id, customerID: customer).value.voucherIDs[0]
    _ = try w.addLoyaltyPoints(voucherID: card, points: 1100)
    let silver = try #require(w.loyaltyTiers.first { $0.campaignID == loyalty.id && $0.contains(1100) })
    let assignment = try #require(w.rewardAssignments.first { $0.campaignID == loyalty.id && $0.points == 200 })
    let events = try w.redeemReward(voucherID: card, assignmentID: assignment.id).events
    let bronze = try #require(w.loyaltyTiers.first { $0.campaignID == loyalty.id && $0.contains(900) })
    let downgrade = try #require(events.first { $0.type == "customer.loyalty.tier.downgraded" })
    #expect(downgrade.fullData["loyalty_tier_from"]?["id"]?.stringValue == silver.id)
    #expect(downgrade.fullData["loyalty_tier_to"]?["id"]?.stringValue == bronze.id)
    let tx = try #require(events.first { $0.type == "voucher.loyalty_card.transaction.created" })
    #expect(tx.fullData["holder_loyalty_tier"]?["id"]?.stringValue == bronze.id)
    #expect(tx.createdAt <= downgrade.createdAt)
    let prolonged = try w.prolongTier(voucherID: card).events
    #expect(prolonged.first?.fullData["loyalty_tier"]?["id"]?.stringValue == bronze.id)
    #expect(loyalty.fullJSON["loyalty_tiers_expiration"]?["expiration_date"]?["type"] == "BALANCE_DROP")
  }

  @Test func theShippedLoyaltyScenarioSendsTheDowngrade() throws {
    let plan = try ScenarioFixtures.plan("loyalty-program.json")
    let types = plan.map(\.sendout.eventType)
    let downgrade = try #require(types.firstIndex(of: "customer.loyalty.tier.downgraded"))
    let prolong = try #require(types.firstIndex(of: "customer.loyalty.tier.prolonged"))
    #expect(downgrade < prolong)
    let body = try ScenarioFixtures.json(plan[prolong])
    let to = try ScenarioFixtures.json(plan[downgrade]).value(atPath: "data.loyalty_tier_to.name")
    #expect(to == "Bronze")
    #expect(body.value(atPath: "data.loyalty_tier.name") == to)
  }

  @Test func aCustomEventWithoutReferralOrLoyaltyHasNulls() throws {
    let data = try Self.data("customer.custom_event")
    #expect(data.value(atPath: "event.referral") == .null)
    #expect(data.value(atPath: "event.loyalty") == .null)
  }

  @Test func orderCreatedAloneIsACreatedOrderWithoutRedemption() throws {
    let created = try Self.data("customer.order.created")
    #expect(created.value(atPath: "order.status") == "CREATED")
    #expect(created["redemption"] == .null)
    let paid = try Self.data("customer.order.paid")
    #expect(paid.value(atPath: "order.status") == "PAID")
    #expect(paid.value(atPath: "order.updated_at")?.stringValue != nil)
    let redeemed = try ScenarioFixtures.plan("spring-discounts.json").filter {
      $0.sendout.eventType == "customer.order.paid"
    }
    for s in redeemed {
      #expect(try ScenarioFixtures.json(s).value(atPath: "data.order.updated_at")?.stringValue != nil)
    }
  }

  @Test func theEnvelopeIsCreatedWhenItsEventIs() throws {
    for d in EventCatalog.all where d.isRenderable {
      let body = try JSONParser.parse(SingleEventRequest(eventType: d.type).sendout().body)
      #expect(body["created_at"] == body.value(atPath: "event.created_at"), "\(d.type)")
    }
  }

  @Test(arguments: ScenarioFixtures.shipped)
  func eventsOfOneStepArriveInCreatedAtOrder(_ name: String) throws {
    let plan = try ScenarioFixtures.plan(name)
    var last: [String: Timestamp] = [:]
    for s in plan {
      if let previous = last[s.stepPath] {
        #expect(previous <= s.sendout.eventCreatedAt, "\(name) \(s.stepPath): \(s.sendout.eventType) goes back")
      }
      last[s.stepPath] = s.sendout.eventCreatedAt
      #expect(s.sendout.createdAt == s.sendout.eventCreatedAt)
    }
  }
}

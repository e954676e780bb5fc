import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 19, item 7: events whose data the spec's `Event…Data` schemas or the official examples give, rendered as
/// they give it, and keys real payloads always carry, never `null` or absent.
@Suite struct EventShapeTests {
  static func data(_ type: String, via: SendoutSource.Kind? = nil) throws -> JSON {
    let body = try JSONParser.parse(SingleEventRequest(eventType: type, via: via, seed: 1).sendout().body)
    return try #require(body["data"])
  }

  /// Every event of the sample world's history, rendered (its data).
  static func history() throws -> [WorldEvent] {
    try World.sample(seed: 1, start: SingleEventRequest.defaultStart).log
  }

  /// `EventCustomerConfirmed`: the customer and the `unconfirmed_customer` it was.
  @Test func customerConfirmedNamesTheUnconfirmedCustomer() throws {
    let data = try Self.data("customer.confirmed")
    let customer = try #require(data["customer"]?["id"]?.stringValue)
    #expect(data["unconfirmed_customer"]?["id"]?.stringValue == "u" + customer)
  }

  /// `EventCustomerReferred`: `custom_event` present (required), no `created_at`, the redemption `RedemptionInternal`.
  @Test func customerReferredHasTheSpecsKeys() throws {
    let data = try Self.data("customer.referred", via: .distribution)
    #expect(data.objectValue?.keys == ["customer", "referrer", "campaign", "voucher", "custom_event", "redemption"])
    #expect(data["redemption"]?["object"] == "redemption")
  }

  /// A referrer's reward: `rew_…`/`rewa_…` ids (never the tier's `reftr_…`), the redemption with its order and the
  /// reward as a redemption embeds it.
  @Test func aReferrersRewardIsARewardWithTheRedemptionsOrder() throws {
    var w = try World.sample(seed: 1, start: SingleEventRequest.defaultStart)
    let referral = try #require(w.firstCampaign(.referralProgram))
    if !w.referralTiers.contains(where: { $0.campaignID == referral.id }) {
      _ = try w.createReferralTier(campaignID: referral.id, credits: 500)
    }
    let (referrer, referee) = (w.customers[0].id, w.customers[1].id)
    let code = try w.publish(campaignID: referral.id, customerID: referrer).value.voucherIDs[0]
    let product = try #require(w.products.first).id
    let events = try w.redeem(voucherID: code, customerID: referee, lines: [OrderLine(productID: product)]).events
    let event = try #require(events.first { $0.type == "customer.rewarded" }, "\(events.map(\.type))")
    let data = JSON.object(event.fullData)
    #expect(data["reward"]?["id"]?.stringValue?.hasPrefix("rew_") == true, "\(data["reward"] ?? .null)")
    #expect(data["reward"]?["assignment_id"]?.stringValue?.hasPrefix("rewa_") == true)
    #expect(data["redemption"]?["order"]?["id"]?.stringValue != nil)
    #expect(data["redemption"]?["reward"]?["customer"]?["id"] == data["customer"]?["id"])
  }

  /// A loyalty reward's redemption embeds the full reward (`created_at`, `parameters`, the customer).
  @Test func aLoyaltyRewardRedemptionEmbedsTheReward() throws {
    let data = try Self.data("customer.rewarded")
    for key in ["customer", "assignment_id", "id", "created_at", "updated_at", "parameters", "type"] {
      #expect(data["redemption"]?["reward"]?[key] != nil, "redemption.reward.\(key)")
    }
  }

  /// `campaign.updated_at` is always a time (never `null`): the last change, or the creation.
  @Test func noCampaignIsRenderedWithANullUpdatedAt() throws {
    var campaigns = 0
    func walk(_ json: JSON) {
      if let o = json.objectValue {
        if o["object"] == "campaign", o["campaign_type"] != nil {
          campaigns += 1
          #expect(o["updated_at"]?.stringValue != nil, "\(o["id"] ?? .null)")
        }
        for m in o.members { walk(m.value) }
      }
      for item in json.arrayValue ?? [] { walk(item) }
    }
    for event in try Self.history() { walk(.object(event.fullData)) }
    #expect(campaigns > 10)
  }

  /// Loyalty cards carry `next_expiration_date`, `next_expiration_points` and `pending_points`; once points were
  /// added, the day they expire and how many.
  @Test func loyaltyCardsCarryTheirNextExpiration() throws {
    let card = try #require(try Self.data("voucher.loyalty_card.points_added")["voucher"]?["loyalty_card"])
    #expect(card["next_expiration_date"]?.stringValue?.count == 10, "\(card)")
    #expect((card["next_expiration_points"]?.intValue ?? 0) > 0)
    #expect(card["pending_points"]?.intValue != nil)
  }

  /// The full voucher carries `validation_rules_assignments`, with the rules assigned to it.
  @Test func vouchersListTheirValidationRuleAssignments() throws {
    var w = try World.sample(seed: 1, start: SingleEventRequest.defaultStart)
    let voucher = try #require(w.vouchers.first { $0.campaignType == .discountCoupons })
    #expect(voucher.fullJSON["validation_rules_assignments"]?["total"] == 0)
    let rule = w.createValidationRule(name: "Big orders", minimumOrderAmount: 5000).value
    let assignment = try w.assignValidationRule(rule.id, to: voucher.id).value
    let assigned = try w.voucher(voucher.id).fullJSON["validation_rules_assignments"]
    #expect(assigned?["total"] == 1)
    #expect(assigned?["data"]?.arrayValue?.first?["id"]?.stringValue == assignment.id)
    _ = try w.unassignValidationRule(assignment.id)
    #expect(try w.voucher(voucher.id).fullJSON["validation_rules_assignments"]?["total"] == 0)
  }
}

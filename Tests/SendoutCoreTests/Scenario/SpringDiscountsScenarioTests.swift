import SendoutCore
import Testing

/// What a receiver of the shipped Spring Discounts scenario sees, checked as a receiver would.
@Suite struct SpringDiscountsScenarioTests {
  static func bodies() throws -> [(PlannedSendout, JSON)] {
    try ScenarioFixtures.plan("spring-discounts.json").map { ($0, try ScenarioFixtures.json($0)) }
  }

  @Test func redemptionsComeAfterThePublicationToThatCustomer() throws {
    var published: Set<String> = []
    for (p, body) in try Self.bodies() where p.sendout.source.object == .webhook {
      let code = body["data"]?["voucher"]?["code"]?.stringValue ?? ""
      let customer = body["data"]?["customer"]?["id"]?.stringValue ?? ""
      if p.sendout.eventType == "voucher.published" { published.insert(code + "/" + customer) }
      if p.sendout.eventType.hasPrefix("redemption.") {
        #expect(published.contains(code + "/" + customer), "\(p.sendout.eventType) of \(code) before its publication")
      }
    }
  }

  @Test func redeemedQuantityCountsUpExhaustsAndComesBackOnRollback() throws {
    let webhook = try Self.bodies().filter { $0.0.sendout.source.object == .webhook && $0.0.stepName != "pub_bob" }
    let alice = webhook.filter { $0.0.stepPath < "steps.6" && $0.0.sendout.eventType.hasPrefix("redemption.") }
    #expect(
      alice.map(\.0.sendout.eventType) == [
        "redemption.succeeded", "redemption.succeeded", "redemption.failed", "redemption.rollback.succeeded",
        "redemption.succeeded",
      ])
    let quantities = alice.map { $0.1["data"]?["voucher"]?["redemption"]?["redeemed_quantity"]?.intValue }
    #expect(quantities == [1, 2, 2, 1, 2])
    #expect(alice[2].1["data"]?["redemption"]?["failure_code"]?.stringValue == "quantity_exceeded")
  }

  @Test func formulaDiscountIsFifteenPercentOver150CappedAt30() throws {
    let succeeded = try Self.bodies().filter { $0.0.sendout.eventType == "redemption.succeeded" }
    func discount(_ step: String) -> Int? {
      succeeded.first { $0.0.stepName == step }?.1["data"]?["order"]?["total_discount_amount"]?.intValue
    }
    #expect(discount("small") == 990)  // 99.00 → 10 %
    #expect(discount("big") == 3000)  // 258.00 → 15 % = 38.70, capped at 30.00
    #expect(discount("again") == 3000)  // 200.00 → 15 % = 30.00
  }

  @Test func distributionSendsTheDesignedPayloadInsideTheEnvelope() throws {
    let receipts = try Self.bodies().filter { $0.0.endpointName == "Redemption receipt" }
    #expect(receipts.count == 4)
    for (p, body) in receipts {
      #expect(p.sendout.type == "spring_discount_used" && p.sendout.eventType == "customer.redemption.succeeded")
      #expect(body["type"]?.stringValue == "spring_discount_used")
      #expect(body["data"]?["message"]?.stringValue?.hasPrefix("Thanks ") == true)
      #expect(body["source"]?["object"]?.stringValue == "distribution")
    }
  }

  @Test func codesFollowTheCampaignCodeConfig() throws {
    for (p, body) in try Self.bodies() where p.sendout.eventType == "voucher.published" {
      let code = body["data"]?["voucher"]?["code"]?.stringValue ?? ""
      #expect(code.hasPrefix("SPRING-2024-") && code.count == 15 && code.suffix(3).allSatisfy(\.isNumber), "\(code)")
    }
  }

  @Test func everySendoutIsSignedWithTheProjectSecret() throws {
    let verifier = VoucherifySignature(secret: "spring-secret")
    for (p, _) in try Self.bodies() {
      let signature = p.sendout.headers.first { $0.name == VoucherifySignature.headerName }?.value
      #expect(signature == verifier.sign(p.sendout.body))
    }
  }
}

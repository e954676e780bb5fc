import Testing

@testable import SendoutCore

@Suite struct EventCatalogTests {
  @Test func countsMatchTheSpec() {
    let renderable = EventCatalog.all.filter(\.isRenderable)
    #expect(renderable.count == 72)
    #expect(renderable.filter { $0.configuredIn == [.webhook] }.count == 46)
    #expect(renderable.filter { $0.configuredIn == [.distribution] }.count == 24)
    #expect(
      renderable.filter { $0.configuredIn == [.webhook, .distribution] }.map(\.type).sorted()
        == ["customer.rewarded", "customer.rewarded.loyalty_points"])
    #expect(Set(EventCatalog.all.map(\.type)).count == EventCatalog.all.count)
  }

  @Test func renderableComeFirst() {
    let flags = EventCatalog.all.map(\.isRenderable)
    #expect(flags == flags.sorted { $0 && !$1 })
    #expect(EventCatalog.all.count == 72 + 18)
  }

  @Test(arguments: [
    "campaign.earning_rule.assigned", "campaign.promotion_stack.created", "campaign.referral_tier.deleted",
    "campaign.reward.assignment.updated", "campaign.vouchers.added", "campaign.vouchers.generation.failed",
    "campaign.vouchers.generation.started", "customer.confirmed", "customer.referred",
  ])
  func schemalessAreNotRenderable(type: String) throws {
    let d = try #require(EventCatalog.descriptor(for: type))
    #expect(d.notRenderableReason == "documented by Voucherify but the official spec has no schema for its data")
    #expect(throws: WorldError.notRenderable(type, reason: d.notRenderableReason!)) {
      try SampleWorld.event(type: type, seed: 1, start: SingleEventRequest.defaultStart)
    }
  }

  @Test(arguments: [
    ("customer.segment.entered", [DistributionPurpose.notifyAboutPromotion, .sendUniqueCodes, .plainMessage]),
    ("customer.custom_event", [.notifyAboutPromotion, .sendUniqueCodes, .plainMessage]),
    ("manual_distribution_schedule", [.notifyAboutPromotion, .sendUniqueCodes]),
    ("customer.redemption.succeeded", [.plainMessage]), ("customer.rewarded", [.plainMessage]),
    ("redemption.succeeded", []),
  ])
  func purposes(type: String, purposes: [DistributionPurpose]) {
    #expect(EventCatalog.descriptor(for: type)?.purposes == purposes)
  }

  @Test func unknownTypeThrows() {
    #expect(throws: WorldError.unknownEventType("voucher.exploded")) {
      try SampleWorld.event(type: "voucher.exploded", seed: 1, start: SingleEventRequest.defaultStart)
    }
  }
}

import Testing

@testable import SendoutCore

@Suite struct EventCatalogTests {
  @Test func countsMatchTheSpec() {
    let renderable = EventCatalog.official
    #expect(renderable.count == 72)
    #expect(renderable.filter { $0.configuredIn == [.webhook] }.count == 46)
    #expect(renderable.filter { $0.configuredIn == [.distribution] }.count == 24)
    #expect(
      renderable.filter { $0.configuredIn == [.webhook, .distribution] }.map(\.type).sorted()
        == ["customer.rewarded", "customer.rewarded.loyalty_points"])
    #expect(Set(EventCatalog.all.map(\.type)).count == EventCatalog.all.count)
  }

  @Test func officialComeFirst() {
    let flags = EventCatalog.all.map(\.hasOfficialSchema)
    #expect(flags == flags.sorted { $0 && !$1 })
    #expect(EventCatalog.all.count == 72 + 18)
    #expect(EventCatalog.all.filter { !$0.isRenderable }.isEmpty)
  }

  @Test(arguments: EventCatalog.all.filter { !$0.hasOfficialSchema }.map(\.type))
  func inferredAreRenderedWithTheirOwnType(type: String) throws {
    let d = try #require(EventCatalog.descriptor(for: type))
    #expect(d.schema == .inferred)
    let e = try SampleWorld.event(type: type, seed: 1, start: SingleEventRequest.defaultStart)
    #expect(e.type == type)
    #expect(!e.fullData.members.isEmpty)
    let objects = e.fullData.members.filter { if case .object = $0.value { true } else { false } }
    #expect(!objects.isEmpty, "inferred data has no object")
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

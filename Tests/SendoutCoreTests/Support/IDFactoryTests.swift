// swift-format-ignore-file: NeverForceUnwrap

// Test code: a force unwrap of a literal or a fixture is the clearest assertion that it is well-formed.
import SendoutCore
import Testing

@Suite struct IDFactoryTests {
  static let allFormats: [(String, IDFormat)] = [
    ("campaign", .campaign), ("voucher", .voucher), ("customer", .customer), ("publication", .publication),
    ("distribution", .distribution), ("webhook", .webhook), ("sendout", .sendout), ("customerEvent", .customerEvent),
    ("redemptionEvent", .redemptionEvent), ("voucherEvent", .voucherEvent), ("campaignEvent", .campaignEvent),
    ("validationRuleEvent", .validationRuleEvent), ("publicationEvent", .publicationEvent),
    ("distributionEvent", .distributionEvent), ("group", .group), ("customEvent", .customEvent),
    ("redemption", .redemption), ("redemptionFailed", .redemptionFailed), ("rollback", .rollback),
    ("rollbackFailed", .rollbackFailed), ("order", .order), ("orderLineItem", .orderLineItem), ("category", .category),
    ("product", .product), ("sku", .sku), ("project", .project), ("segment", .segment), ("loyaltyTier", .loyaltyTier),
    ("reward", .reward), ("rewardAssignment", .rewardAssignment), ("rewardRedemption", .rewardRedemption),
    ("promotionTier", .promotionTier), ("promotionStack", .promotionStack), ("validationRule", .validationRule),
    ("validationRuleAssignment", .validationRuleAssignment), ("earningRule", .earningRule),
    ("transaction", .transaction), ("pendingPoints", .pendingPoints), ("pointsBucket", .pointsBucket),
    ("redeemableHolder", .redeemableHolder), ("metadataSchema", .metadataSchema),
    ("productCollection", .productCollection), ("asyncAction", .asyncAction), ("user", .user),
    ("tracking", .tracking), ("referralTier", .referralTier), ("asset", .asset),
  ]

  struct Format: Sendable, CustomTestStringConvertible {
    var name: String
    var format: IDFormat
    var testDescription: String { "\(name) (\(format.prefix))" }
  }

  static let formats = allFormats.map { Format(name: $0.0, format: $0.1) }
  static let now = Timestamp(iso8601: "2024-01-03T10:03:24.092Z")!

  static func isBase62(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
  static func isLowerHex(_ c: Character) -> Bool { "0123456789abcdef".contains(c) }

  @Test(arguments: formats)
  func prefixLengthAndAlphabet(_ f: Format) {
    var factory = IDFactory(seed: 1)
    for i in 0..<200 {
      let id = factory.make(f.format, at: Self.now.adding(milliseconds: Int64(i)))
      #expect(id.hasPrefix(f.format.prefix))
      let body = id.dropFirst(f.format.prefix.count)
      switch f.format.body {
      case .base62(let n):
        #expect(body.count == n)
        #expect(body.allSatisfy(Self.isBase62), "\(id)")
      case .timeHex:
        #expect(body.count == 18)
        #expect(body.allSatisfy(Self.isLowerHex), "\(id)")
      case .uuid:
        let groups = body.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        #expect(groups == [8, 4, 4, 4, 12], "\(id)")
        #expect(body.filter { $0 != "-" }.allSatisfy(Self.isLowerHex))
        #expect(Array(body)[14] == "4")  // version 4
        #expect("89ab".contains(Array(body)[19]))  // RFC 4122 variant
      }
    }
  }

  @Test func timeOrderedPrefixEncodesMillisecondsSinceTheEpochTimesFour() {
    var factory = IDFactory(seed: 3)
    let id = factory.make(.sendout, at: Self.now)
    let ticks = (Self.now.milliseconds - IDFactory.timeEpochMilliseconds) * 4
    let hex = String(ticks, radix: 16)
    #expect(id.dropFirst(4).prefix(11) == String(repeating: "0", count: 11 - hex.count) + hex)
    #expect(IDFactory.timestamp(ofTimeOrdered: id, prefix: "whs_") == Self.now)
  }

  /// Real ids and their `created_at` from the official examples (checked in Python first): the
  /// category, loyalty tier and custom event ids decode to exactly their creation millisecond.
  static let exact: [(String, String, String)] = [
    ("cat_0e156dab8f2e43873a", "cat_", "2024-01-03T10:03:24.092Z"),
    ("ltr_0e30613ad01f044515", "ltr_", "2024-01-24T08:28:02.240Z"),
    ("ltr_10445f698e4abcf607", "ltr_", "2025-03-12T13:32:01.465Z"),
    ("event_0e70ee5acd8b2555ce", "event_", "2024-03-14T11:47:24.598Z"),
  ]

  @Test(arguments: exact)
  func decodesRealExamples(_ id: String, _ prefix: String, _ createdAt: String) {
    #expect(IDFactory.timestamp(ofTimeOrdered: id, prefix: prefix)?.iso8601 == createdAt)
  }

  /// Others (order, event, transaction) are minted a few milliseconds around `created_at`.
  static let close: [(String, String, String)] = [
    ("ord_0f1ad36a828d1c7c5f", "ord_", "2024-07-24T10:51:29.669Z"),
    ("evcus_0f1ad36a884d1c7c69", "evcus_", "2024-07-24T10:51:29.670Z"),
    ("vtx_0e6d44043e9e51d377", "vtx_", "2024-03-11T15:27:44.884Z"),
    ("evcus_115d38459e5318ae94", "evcus_", "2025-10-16T16:54:11.816Z"),
  ]

  @Test(arguments: close)
  func realExamplesAreClose(_ id: String, _ prefix: String, _ createdAt: String) throws {
    let decoded = try #require(IDFactory.timestamp(ofTimeOrdered: id, prefix: prefix))
    let created = try #require(Timestamp(iso8601: createdAt))
    #expect(abs(decoded.milliseconds - created.milliseconds) < 50)
  }

  @Test(arguments: [
    "whs_", "whs_0e156dab8f2e43873", "whs_0e156dab8f2e43873ab", "whs_zz156dab8f2e43873a", "r_0e156dab8f2e43873a",
  ])
  func timestampOfMalformedIdIsNil(_ id: String) {
    #expect(IDFactory.timestamp(ofTimeOrdered: id, prefix: "whs_") == nil)
  }

  @Test func timeOrderedIdsSortByTime() {
    var factory = IDFactory(seed: 9)
    let ids = (0..<1000).map { factory.make(.redemption, at: Self.now.adding(milliseconds: Int64($0 / 3))) }
    #expect(ids.map { $0.prefix(13) } == ids.map { $0.prefix(13) }.sorted())
  }

  @Test(arguments: [IDFormat.customer, .sendout, .project, .validationRule, .asset])
  func unique(_ format: IDFormat) {
    var factory = IDFactory(seed: 11)
    var seen = Set<String>()
    for _ in 0..<100_000 { seen.insert(factory.make(format, at: Self.now)) }
    #expect(seen.count == 100_000)
  }

  @Test func deterministicPerSeed() {
    func run(_ seed: UInt64) -> [String] {
      var factory = IDFactory(seed: seed)
      return Self.allFormats.flatMap { f in
        (0..<3).map { factory.make(f.1, at: Self.now.adding(milliseconds: Int64($0))) }
      }
    }
    #expect(run(42) == run(42))
    #expect(run(42) != run(43))
  }

  @Test func timeBeforeTheEpochClampsToZero() {
    var factory = IDFactory(seed: 1)
    let id = factory.make(.sendout, at: Timestamp(milliseconds: 0))
    #expect(id.hasPrefix("whs_00000000000"))
  }
}

import Testing

@testable import SendoutCore

/// Every relation the store keeps answers what a scan of the world's tables answers, in a sample world after
/// many operations of every kind that inserts, updates or deletes a related entity, and again in the same world
/// replayed from its seed.
@Suite struct WorldRelationIndexTests {
  static let start = SingleEventRequest.defaultStart

  /// The sample world after publications, redemptions, stacked redemptions and their rollbacks, holder changes,
  /// points added, earned and expired, gift credits, and campaign and voucher deletions (a new campaign reusing
  /// a deleted one's name).
  static func played(seed: UInt64) throws -> World {
    var w = try World.sample(seed: seed, start: start)
    let coupons = try #require(w.firstCampaign(.discountCoupons))
    let loyalty = try #require(w.firstCampaign(.loyaltyProgram)).id
    let gift = try #require(w.firstCampaign(.giftVouchers)).id
    let referral = try #require(w.firstCampaign(.referralProgram)).id
    let customers = w.customers.map(\.id)
    for (n, c) in customers.enumerated() {
      let code = try w.publish(campaignID: coupons.id, customerID: c).value.voucherIDs[0]
      _ = try w.redeem(voucherID: code, customerID: c)
      let a = try w.publish(campaignID: coupons.id, customerID: c).value.voucherIDs[0]
      let b = try w.publish(campaignID: coupons.id, customerID: c).value.voucherIDs[0]
      let stack = try w.redeemStack(
        [StackRedeemable(kind: .voucher, id: a), StackRedeemable(kind: .voucher, id: b)], customerID: c, lines: [])
      if n % 2 == 0, let parent = stack.value.parent { _ = try w.rollbackStack(parentID: parent.id) }
      let card = try w.publish(campaignID: loyalty, customerID: c).value.voucherIDs[0]
      _ = try w.addLoyaltyPoints(voucherID: card, points: 100 + n)
      _ = try w.addLoyaltyPoints(voucherID: card, points: 50)
      let order = try w.createOrder(customerID: c).value
      _ = try w.payOrder(order.id)
      _ = try w.expirePoints(voucherID: card)
      let giftCard = try w.publish(campaignID: gift, customerID: c).value.voucherIDs[0]
      _ = try w.addGiftCredits(voucherID: giftCard, amount: 1_000 * (n + 1))
      let referralCode = try w.publish(campaignID: referral, customerID: c).value.voucherIDs[0]
      _ = try w.assignHolder(voucherID: referralCode, customerID: customers[(n + 1) % customers.count])
      if n % 2 == 1 {
        _ = try w.removeHolder(voucherID: b, customerID: c)
        _ = try w.removeHolder(voucherID: referralCode, customerID: customers[(n + 1) % customers.count])
      }
    }
    _ = try w.deleteVoucher(
      try w.publish(campaignID: coupons.id, customerID: customers[0]).value.voucherIDs[0],
      force: true)
    _ = try w.addVouchers(campaignID: coupons.id, count: 3)
    _ = try w.deleteCampaign(coupons.id, force: true)
    _ = try w.createCampaign(CampaignSpec(type: .discountCoupons, name: coupons.name, vouchersCount: 2))
    return w
  }

  /// What each relation answers through the store's lookups, and what a scan of the tables answers.
  static func answers(_ w: World) -> (indexed: [String], scanned: [String]) {
    var indexed: [String] = []
    var scanned: [String] = []
    func add(_ name: String, _ index: [String], _ scan: [String]) {
      indexed.append("\(name): \(index.joined(separator: ","))")
      scanned.append("\(name): \(scan.joined(separator: ","))")
    }
    for c in w.campaigns {
      add("codes of \(c.id)", w.voucherIDs(inCampaign: c.id), w.vouchers.filter { $0.campaignID == c.id }.map(\.id))
      add(
        "campaign named \(c.name)", [w.campaign(named: c.name)?.id ?? "-"],
        [w.campaigns.first { $0.name == c.name && !$0.deleted }?.id ?? "-"])
      add(
        "transactions of \(c.id)", w.transactions(ofCampaign: c.id).map(\.id),
        w.transactions.filter { $0.campaignID == c.id }.map(\.id))
      for customer in w.customers {
        add(
          "held by \(customer.id) in \(c.id)", w.vouchers(heldBy: customer.id, in: c.id).map(\.id),
          w.vouchers.filter { $0.holderID == customer.id && $0.campaignID == c.id }.map(\.id))
      }
    }
    for v in w.vouchers {
      add(
        "holders of \(v.id)", w.holders(ofVoucher: v.id).map(\.id), w.holders.filter { $0.voucherID == v.id }.map(\.id))
      add(
        "active buckets of \(v.id)", w.activeBuckets(ofVoucher: v.id).map(\.id),
        w.buckets.filter { $0.voucherID == v.id && $0.status == "ACTIVE" }.map(\.id))
      add(
        "transactions of \(v.id)", w.transactions(ofVoucher: v.id).map(\.id),
        w.transactions.filter { $0.voucherID == v.id }.map(\.id))
      add(
        "redemptions of \(v.id)", w.redemptions(ofVoucher: v.id).map(\.id),
        w.redemptions.filter { $0.voucherID == v.id }.map(\.id))
    }
    for r in w.redemptions {
      add(
        "children of \(r.id)", w.stackChildren(of: r.id).map(\.id),
        w.redemptions.filter { $0.kind == .redemption && $0.parentID == r.id }.map(\.id))
    }
    return (indexed, scanned)
  }

  @Test func everyRelationMatchesAScanAfterManyOperations() throws {
    let w = try Self.played(seed: 11)
    let (indexed, scanned) = Self.answers(w)
    for (index, scan) in zip(indexed, scanned) { #expect(index == scan) }
    // The operations reached every relation: removed holders, rolled-back stacks, expired buckets, a reused name.
    #expect(w.redemptions.contains { $0.kind == .rollback && $0.parentID != nil && $0.voucherID == nil })
    #expect(w.buckets.contains { $0.status == "EXPIRED" } && w.buckets.contains { $0.status == "ACTIVE" })
    #expect(Dictionary(grouping: w.campaigns, by: \.name).values.contains { $0.count == 2 && $0[0].deleted })
    #expect(
      w.transactions.count > 12 && w.holders.count > 12 && w.holders.count > w.vouchers.count { $0.holderID != nil })
  }

  @Test func aReplayedWorldAnswersTheSame() throws {
    let first = Self.answers(try Self.played(seed: 11))
    let replayed = Self.answers(try Self.played(seed: 11))
    #expect(first.indexed == replayed.indexed)
    #expect(replayed.indexed == replayed.scanned)
  }

  @Test func codesLeftCountsTheCampaignsCodes() throws {
    var w = try World.sample(seed: 3, start: Self.start)
    let c = try w.createCampaign(
      CampaignSpec(type: .discountCoupons, codeConfig: CodeConfig(pattern: "##"), vouchersCount: 30)
    ).value
    let left = w.codesLeft(in: c)
    #expect(left == Set(c.codeConfig.charset).count * Set(c.codeConfig.charset).count - 30)
    #expect(throws: VoucherifyError.self) { _ = try w.addVouchers(campaignID: c.id, count: left + 1) }
    _ = try w.addVouchers(campaignID: c.id, count: left)
    #expect(try w.codesLeft(in: w.campaign(c.id)) == 0)
  }
}

extension World {
  /// The sample world built so that its setup ends at `time` (the world's clock then reads `time`): what `sendout
  /// serve` starts from without a scenario, so the mock's calls begin where the sample's history ends.
  public static func sample(seed: UInt64, endingAt time: Timestamp) throws(VoucherifyError) -> World {
    let probe = try sample(seed: seed, start: time)
    let elapsed = probe.now.milliseconds - time.milliseconds
    return try sample(seed: seed, start: time.adding(milliseconds: -elapsed))
  }

  /// A small, fully populated world: products, four customers, two segments, one campaign of every type
  /// (two of discount coupons), loyalty tiers, earning rule and rewards, a referral tier, promotion tiers
  /// and a stack, a validation rule and a "send unique codes" distribution. Setup emits the events the
  /// setup operations would (campaign, customer and tier creation).
  public static func sample(seed: UInt64, start: Timestamp) throws(VoucherifyError) -> World {
    var w = World(seed: seed, start: start)
    for name in WordLists.categories.prefix(2) { w.addCategory(name: name) }
    var catalog = WordLists.products
    for _ in 0..<5 {
      let (name, sourceID, price) = catalog.remove(at: w.rng.int(in: 0...(catalog.count - 1)))
      w.addProduct(name: name, sourceID: sourceID, price: price)
    }
    for _ in 0..<4 { _ = w.createCustomer() }
    for name in WordLists.segments.prefix(2) { w.addSegment(name: name) }
    _ = try w.createCampaign(CampaignSpec(type: .discountCoupons, vouchersCount: 5))
    let welcome = try w.createCampaign(
      CampaignSpec(
        type: .discountCoupons, name: "Welcome Offer", discount: .amount(off: 1000), redemptionQuantity: nil,
        codeConfig: CodeConfig(pattern: "WELCOME-####", charset: CodeConfig.readable), vouchersCount: 3)
    ).value
    _ = try w.createCampaign(CampaignSpec(type: .giftVouchers, giftAmount: 5000))
    let loyalty = try w.createCampaign(CampaignSpec(type: .loyaltyProgram)).value
    for (i, range) in [(100, 999), (1000, 4999), (5000, 1_000_000)].enumerated() {
      _ = try? w.createLoyaltyTier(
        campaignID: loyalty.id, name: WordLists.tierNames[i], pointsFrom: range.0, pointsTo: range.1)
    }
    w.addEarningRule(campaignID: loyalty.id, every: 1000, points: 10)
    if let p = w.products.first {
      w.addReward(name: p.name, kind: .material(productID: p.id), campaignID: loyalty.id, points: 100)
    }
    w.addReward(
      name: "10.00 off coupon", kind: .campaign(campaignID: welcome.id, credits: nil), campaignID: loyalty.id,
      points: 200)
    let referral = try w.createCampaign(CampaignSpec(type: .referralProgram)).value
    w.addReferralTier(campaignID: referral.id, credits: 1000)
    let promo = try w.createCampaign(CampaignSpec(type: .promotion)).value
    let t1 = try? w.createPromotionTier(
      campaignID: promo.id, name: "10% off orders over 100.00",
      discount: .percent(off: 10, amountLimit: 5000, formula: nil)
    ).value
    let t2 = try? w.createPromotionTier(campaignID: promo.id, name: "5.00 off every order", discount: .amount(off: 500))
      .value
    try w.addPromotionStack(campaignID: promo.id, name: "Cart stack", tierIDs: [t1, t2].compactMap { $0?.id })
    _ = w.createValidationRule(name: "Orders over 50.00", minimumOrderAmount: 5000)
    w.addDistribution(purpose: .sendUniqueCodes, campaignID: welcome.id)
    w.addDistribution(purpose: .notifyAboutPromotion, campaignID: promo.id)
    return w
  }

  /// Makes an earning rule award pending points after `days` (or immediate points when `nil`).
  public mutating func setEarningRule(_ id: String, pendingDays: Int?) throws(VoucherifyError) {
    let i = try position(in: earningRules, id, "earning rule")
    earningRules[i].pendingDays = pendingDays
    earningRules[i].banner = pendingDays == nil ? "Order paid" : "Earn points and wait"
  }
}

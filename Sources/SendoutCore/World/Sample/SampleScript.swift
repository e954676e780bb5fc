/// The short sequence of world operations `SampleWorld` plays to reach one event type.
struct SampleScript {
  /// The event type to reach.
  let type: String

  /// Plays the operations on a sample world.
  func play(on w: inout World) throws(VoucherifyError) {
    let c0 = w.customers[0].id
    let c1 = w.customers[1].id
    let coupons = try campaignID(of: .discountCoupons, in: w)
    let welcome = try sample(w.campaigns.first { $0.name == "Welcome Offer" }, "the Welcome Offer campaign").id
    let gift = try campaignID(of: .giftVouchers, in: w)
    let loyalty = try campaignID(of: .loyaltyProgram, in: w)
    let referral = try campaignID(of: .referralProgram, in: w)
    let promo = try campaignID(of: .promotion, in: w)
    let segment = w.segments[0].id

    func card() throws(VoucherifyError) -> String {
      let pub = try w.publish(campaignID: loyalty, customerID: c0).value
      return pub.voucherIDs[0]
    }
    func coupon(_ campaign: String = coupons) throws(VoucherifyError) -> String {
      try w.publish(campaignID: campaign, customerID: c0, channel: .userPortal).value.voucherIDs[0]
    }
    func referralRedemption() throws(VoucherifyError) -> Redemption {
      let code = try w.publish(campaignID: referral, customerID: c0).value.voucherIDs[0]
      return try w.redeem(voucherID: code, customerID: c1).value
    }
    /// The order a reward is redeemed on, as in the official `customer.rewarded` example: one unit of the product a
    /// material reward gives (at its price), paid.
    func rewardOrder(_ assignment: Int) throws(VoucherifyError) -> OrderFields {
      var line = OrderItemFields()
      let reward = try w.entity(in: w.rewards, w.rewardAssignments[assignment].rewardID, "reward")
      if case .material(let product) = reward.kind { line.productID = product }
      line.quantity = 1
      var order = OrderFields()
      order.items = [line]
      return order
    }
    func pendingPoints() throws(VoucherifyError) -> String {
      try w.setEarningRule(w.earningRules[0].id, pendingDays: 14)
      _ = try card()
      let order = try w.createOrder(customerID: c0).value
      _ = try w.payOrder(order.id)
      return try sample(w.pendingPoints.last, "pending points").id
    }

    switch type {
    case "voucher.published", "publication.succeeded", "customer.publication.succeeded":
      _ = try coupon()
    case "customer.holder.assignment.created", "customer.holder.assignment.deleted":
      let code = try w.publish(campaignID: referral, customerID: c0).value.voucherIDs[0]
      _ = try w.assignHolder(voucherID: code, customerID: c1, role: "REFEREE")
      if type.hasSuffix("deleted") { _ = try w.removeHolder(voucherID: code, customerID: c1) }
    case "redemption.succeeded", "customer.redemption.succeeded":
      _ = try w.redeem(voucherID: try coupon(), customerID: c0)
    case "customer.order.created": _ = try w.createOrder(customerID: c0)
    case "customer.order.paid": _ = try w.payOrder(w.createOrder(customerID: c0).value.id)
    case "redemption.failed":
      let v = try coupon()
      _ = try w.redeem(voucherID: v, customerID: c0)
      _ = try w.redeem(voucherID: v, customerID: c0)
    case "redemption.rollback.succeeded", "customer.redemption.rollback.succeeded":
      let r = try w.redeem(voucherID: try coupon(), customerID: c0).value
      _ = try w.rollback(redemptionID: r.id)
    case "redemption.rollback.failed":
      let r = try w.redeem(voucherID: try coupon(), customerID: c0).value
      _ = try w.rollback(redemptionID: r.id)
      _ = try w.rollback(redemptionID: r.id)
    case "customer.created": _ = w.createCustomer()
    case "customer.updated": _ = try w.updateCustomer(c0, metadata: ["newsletter": true])
    case "customer.deleted": _ = try w.deleteCustomer(w.createCustomer().value.id)
    case "customer.order.updated", "customer.order.canceled":
      // One history for both: the order is updated, then (for `canceled`) canceled, so two renders of one seed show
      // the same order consistently (it was canceled before its update in one and paid after it in the other).
      let o = try sample(try referralRedemption().orderID, "the referral redemption's order")
      _ = try w.updateOrder(o, lines: [OrderLine(productID: w.products[1].id, quantity: 2)])
      if type == "customer.order.canceled" { _ = try w.cancelOrder(o) }
    case "customer.rewarded":
      let v = try card()
      _ = try w.addLoyaltyPoints(voucherID: v, points: 300)
      _ = try w.redeemReward(voucherID: v, assignmentID: w.rewardAssignments[0].id, order: try rewardOrder(0))
    case "customer.rewarded.loyalty_points", "voucher.loyalty_card.transaction.created":
      _ = try card()
      _ = try w.payOrder(
        w.createOrder(customerID: c0, lines: [OrderLine(productID: w.products[0].id, quantity: 4)]).value.id)
    case "customer.reward_redemptions.created", "customer.reward_redemptions.pending",
      "customer.reward_redemptions.completed":
      let v = try card()
      _ = try w.addLoyaltyPoints(voucherID: v, points: 500)
      let rr = try w.redeemReward(voucherID: v, assignmentID: w.rewardAssignments[1].id).value
      if type.hasSuffix("completed") { _ = try w.completeRewardRedemption(rr.id) }
    case "voucher.loyalty_card.pending_points.added", "customer.voucher.loyalty_card.pending_points.added":
      _ = try pendingPoints()
    case "voucher.loyalty_card.pending_points.updated", "customer.voucher.loyalty_card.pending_points.updated":
      let p = try pendingPoints()
      _ = try w.updatePendingPoints(p, points: (try sample(w.pendingPoints.last, "pending points")).points + 15)
    case "voucher.loyalty_card.pending_points.activated", "customer.voucher.loyalty_card.pending_points.activated":
      _ = try w.activatePendingPoints(try pendingPoints())
    case "voucher.loyalty_card.pending_points.canceled", "customer.voucher.loyalty_card.pending_points.canceled":
      _ = try w.cancelPendingPoints(try pendingPoints())
    case "voucher.loyalty_card.points_added", "customer.voucher.loyalty_card.points_added":
      _ = try w.addLoyaltyPoints(voucherID: try card(), points: 250, reason: "Birthday bonus")
    case "voucher.loyalty_card.points_expired", "customer.voucher.loyalty_card.points_expired":
      let v = try card()
      _ = try w.addLoyaltyPoints(voucherID: v, points: 80)
      w.advance(milliseconds: 86_400_000 * 180)
      _ = try w.expirePoints(voucherID: v)
    case "customer.loyalty.tier.joined", "customer.loyalty.tier.upgraded", "customer.loyalty.tier.downgraded",
      "customer.loyalty.tier.left", "customer.loyalty.tier.prolonged":
      let v = try card()
      _ = try w.addLoyaltyPoints(voucherID: v, points: 400)
      if type.hasSuffix("prolonged") { _ = try w.prolongTier(voucherID: v) }
      if type.hasSuffix("upgraded") || type.hasSuffix("downgraded") {
        _ = try w.addLoyaltyPoints(voucherID: v, points: 900)
      }
      if type.hasSuffix("downgraded") {
        _ = try w.addLoyaltyPoints(voucherID: v, points: -800, reason: "Returned order")
      }
      if type.hasSuffix("left") { _ = try w.addLoyaltyPoints(voucherID: v, points: -350, reason: "Returned order") }
    case "voucher.gift.balance_added", "customer.voucher.gift.balance_added":
      let v = try w.publish(campaignID: gift, customerID: c0).value.voucherIDs[0]
      _ = try w.addGiftCredits(voucherID: v, amount: 2500)
    case "voucher.gift.transaction.created":
      let v = try w.publish(campaignID: gift, customerID: c0).value.voucherIDs[0]
      _ = try w.redeem(voucherID: v, customerID: c0, lines: [OrderLine(productID: w.products[1].id, quantity: 2)])
    case "customer.segment.entered": _ = try w.enterSegment(customerID: c0, segmentID: segment)
    case "customer.segment.left":
      _ = try w.enterSegment(customerID: c0, segmentID: segment)
      _ = try w.leaveSegment(customerID: c0, segmentID: segment)
    case "customer.custom_event": _ = try w.trackCustomEvent(customerID: c0, name: "sign_up")
    case "manual_distribution_schedule": _ = try w.runManualDistribution(w.distributions[0].id, customerID: c1)
    case "voucher.created": _ = try w.createVoucher(campaignID: welcome)
    case "voucher.updated": _ = try w.updateVoucher(try coupon(), metadata: ["printed": true])
    case "voucher.disabled": _ = try w.setVoucherActive(try coupon(), false)
    case "voucher.enabled":
      let v = try coupon()
      _ = try w.setVoucherActive(v, false)
      _ = try w.setVoucherActive(v, true)
    case "voucher.deleted": _ = try w.deleteVoucher(try coupon())
    case "campaign.created": _ = try w.createCampaign(CampaignSpec(type: .discountCoupons))
    case "campaign.vouchers.generation.completed":
      _ = try w.createCampaign(CampaignSpec(type: .discountCoupons, vouchersCount: 20))
    case "campaign.updated": _ = try w.updateCampaign(coupons, description: "Seasonal discount for returning customers")
    case "campaign.disabled": _ = try w.setCampaignActive(coupons, false)
    case "campaign.enabled":
      _ = try w.setCampaignActive(coupons, false)
      _ = try w.setCampaignActive(coupons, true)
    case "campaign.deleted": _ = try w.deleteCampaign(referral)
    case "campaign.loyalty_tier.created":
      _ = try w.createLoyaltyTier(campaignID: loyalty, name: "Platinum", pointsFrom: 1_000_001, pointsTo: 9_999_999)
    case "campaign.loyalty_tier.updated": _ = try w.updateLoyaltyTier(w.loyaltyTiers[0].id, name: "Bronze Star")
    case "campaign.loyalty_tier.deleted":
      let t = try w.createLoyaltyTier(campaignID: loyalty, name: "Platinum", pointsFrom: 1_000_001, pointsTo: 9_999_999)
      _ = try w.deleteLoyaltyTier(t.value.id)
    case "campaign.promotion_tier.created":
      _ = try w.createPromotionTier(campaignID: promo, name: "Free shipping over 75.00", discount: .amount(off: 799))
    case "campaign.promotion_tier.updated":
      _ = try w.updatePromotionTier(w.promotionTiers[0].id, banner: "Save 10% today")
    case "campaign.promotion_tier.disabled": _ = try w.setPromotionTierActive(w.promotionTiers[0].id, false)
    case "campaign.promotion_tier.enabled":
      _ = try w.setPromotionTierActive(w.promotionTiers[1].id, false)
      _ = try w.setPromotionTierActive(w.promotionTiers[1].id, true)
    case "campaign.promotion_tier.deleted": _ = try w.deletePromotionTier(w.promotionTiers[1].id)
    case "business_validation_rule.created":
      _ = w.createValidationRule(name: "Orders over 100.00", minimumOrderAmount: 10000, segmentID: segment)
    case "business_validation_rule.updated":
      _ = try w.updateValidationRule(w.validationRules[0].id, minimumOrderAmount: 7500)
    case "business_validation_rule.deleted": _ = try w.deleteValidationRule(w.validationRules[0].id)
    case "business_validation_rule.assignment.created":
      _ = try w.assignValidationRule(w.validationRules[0].id, to: try coupon())
    case "business_validation_rule.assignment.deleted":
      let a = try w.assignValidationRule(w.validationRules[0].id, to: w.earningRules[0].id).value
      _ = try w.unassignValidationRule(a.id)
    case "campaign.earning_rule.assigned": _ = try w.assignEarningRule(campaignID: loyalty, every: 500, points: 5)
    case "campaign.earning_rule.updated": _ = try w.updateEarningRule(w.earningRules[0].id, pendingDays: 7)
    case "campaign.earning_rule.disabled": _ = try w.setEarningRuleActive(w.earningRules[0].id, false)
    case "campaign.earning_rule.enabled":
      _ = try w.setEarningRuleActive(w.earningRules[0].id, false)
      _ = try w.setEarningRuleActive(w.earningRules[0].id, true)
    case "campaign.earning_rule.deleted": _ = try w.deleteEarningRule(w.earningRules[0].id)
    case "campaign.promotion_stack.created":
      _ = try w.createPromotionStack(campaignID: promo, name: "Weekend stack", tierIDs: [w.promotionTiers[1].id])
    case "campaign.promotion_stack.updated":
      _ = try w.updatePromotionStack(w.promotionStacks[0].id, name: "Cart stack 2")
    case "campaign.referral_tier.created": _ = try w.createReferralTier(campaignID: referral, credits: 2000)
    case "campaign.referral_tier.updated": _ = try w.updateReferralTier(w.referralTiers[0].id, credits: 1500)
    case "campaign.referral_tier.deleted": _ = try w.deleteReferralTier(w.referralTiers[0].id)
    case "campaign.reward.assignment.created":
      _ = try w.assignReward(w.rewards[0].id, campaignID: loyalty, points: 150)
    case "campaign.reward.assignment.updated":
      _ = try w.updateRewardAssignment(w.rewardAssignments[0].id, points: 120)
    case "campaign.reward.assignment.deleted": _ = try w.deleteRewardAssignment(w.rewardAssignments[1].id)
    case "campaign.vouchers.added": _ = try w.addVouchers(campaignID: welcome, count: 2)
    case "campaign.vouchers.generation.started": _ = try w.generateVouchers(campaignID: welcome, count: 50)
    case "campaign.vouchers.generation.failed": _ = try w.generateVouchers(campaignID: coupons, count: 1_000_000)
    case "customer.confirmed": _ = try w.confirmCustomer(w.createCustomer().value.id)
    case "customer.referred": _ = try referralRedemption()
    default:
      throw .invalidPayload("no sample script for '\(type)'")
    }
  }

  /// The first campaign of `type` in the sample world.
  private func campaignID(of type: CampaignType, in w: World) throws(VoucherifyError) -> String {
    try sample(w.firstCampaign(type), "a \(type.rawValue) campaign").id
  }

  /// `value`, which the sample world always has; an `invalid` error naming `what` if it does not.
  private func sample<T>(_ value: T?, _ what: String) throws(VoucherifyError) -> T {
    guard let value else { throw .invalidPayload("the sample world for \(type) has no \(what)") }
    return value
  }
}

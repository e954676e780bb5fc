extension World {
  /// Redeems a stack of redeemables for a customer on a new paid order of `lines`, all or nothing (application
  /// mode `ALL`), applying exactly what `evaluateStack` computes for the same order.
  ///
  /// One plain voucher is `redeem`. Otherwise, success stores a child redemption per applied redeemable (and a
  /// parent `redemption` when there are several) and emits, per child, `redemption.succeeded`,
  /// `customer.redemption.succeeded` (and a gift card's transaction, a referral code's rewards), then the order's
  /// `customer.order.created` and `customer.order.paid` once. An inapplicable redeemable (its validation rules
  /// checked against `facts`) fails the whole stack: a failed redemption of it is stored and `redemption.failed`
  /// emitted. An unknown code or tier is stored as a failed redemption too (`resource_not_found`, the spec's
  /// "voucher with given code does not exist"), without a webhook: there is no voucher to describe. In application
  /// mode `PARTIAL` the inapplicable redeemables are left out (no record, no webhook) when one applies at least.
  public mutating func redeemStack(
    _ items: [StackRedeemable], customerID: String?, lines: [OrderLine], facts: RuleFacts = RuleFacts(),
    order: OrderFields? = nil, metadata: JSONObject = [:], channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<StackRedemption> {
    if let customerID { _ = try position(in: customers, customerID, "customer") }
    let amount = try redemptionOrderAmount(order, lines: lines)
    try checkEarning(orderTotal: amount, customerID: customerID)
    for id in items.compactMap({ (try? voucher(code: $0.id))?.id }) {
      try checkReferrerReward(voucherID: id, customerID: customerID)
    }
    let evaluation = evaluateStack(items, orderAmount: amount, facts: facts)
    if items.count == 1, let only = evaluation.outcomes.first, let vid = only.voucherID,
      only.redeemable.giftCredits == nil, only.failure?.key != "missing_reward",
      only.failure?.key != VoucherifyError.invalidPayloadKey, only.failure?.isRuleViolation != true
    {
      let redeemed = try redeem(
        voucherID: vid, customerID: customerID, lines: lines, order: order, metadata: metadata, channel: channel)
      let r = redeemed.value
      let result = StackRedemption(
        evaluation: evaluation, parent: nil, redemptions: [r], orderID: r.succeeded ? r.orderID : nil)
      return Emitted(result, redeemed.events)
    }
    begin(channel, gap: 5_000...600_000)
    if !evaluation.leavesOutFailures, let failed = evaluation.outcomes.first(where: { $0.failure != nil }),
      let failure = failed.failure
    {
      var r = newStackRedemption(customerID: customerID, metadata: metadata, channel: channel)
      r.id = make(.redemptionFailed)
      r.succeeded = false
      r.voucherID = failed.voucherID
      r.promotionTierID = failed.tierID
      let unknown = failure.key == "not_found"
      r.failureCode = unknown ? "resource_not_found" : failure.key
      r.failureMessage = unknown ? "Resource not found" : failure.message
      redemptions.append(r)
      summarize(customerID) { $0.redemptions.failed += 1 }
      if !unknown { try emitRedemption("redemption.failed", r, order: nil) }
      return finish(StackRedemption(evaluation: evaluation, parent: nil, redemptions: [r], orderID: nil))
    }
    let placed = try placeRedemptionOrder(order, customerID: customerID, lines: lines)
    let oi = placed.index
    let o = orders[oi]
    tick()
    let applied = evaluation.outcomes.filter(\.applicable)
    var parent: Redemption?
    if applied.count > 1 {
      var p = newStackRedemption(customerID: customerID, metadata: metadata, channel: channel)
      p.id = make(.redemption)
      p.orderID = o.id
      p.discount = evaluation.discount
      parent = p
      redemptions.append(p)
      summarize(customerID) { $0.redemptions.succeeded += 1 }
    }
    var children: [Redemption] = []
    for outcome in applied {
      var r = newStackRedemption(customerID: customerID, metadata: metadata, channel: channel)
      r.id = make(.redemption)
      r.orderID = o.id
      r.parentID = parent?.id
      r.discount = outcome.discount
      try applyStacked(outcome, orderIndex: oi, redemption: &r)
      redemptions.append(r)
      summarize(customerID) { $0.redemptions.succeeded += 1 }
      children.append(r)
    }
    for r in children {
      try emitRedemption("redemption.succeeded", r, order: o.id)
      try emitRedemption("customer.redemption.succeeded", r, order: o.id)
      if let vid = r.voucherID, vouchers[id: vid]?.campaignType == .giftVouchers {
        try emitGiftRedemption(r, refund: false)
      }
      if let referrer = orders[oi].referrerID, r.voucherID != nil, customerID != nil, referrer != customerID,
        r.voucherID.flatMap({ vouchers[id: $0]?.campaignType }) == .referralProgram
      {
        try emitReferred(r, referrerID: referrer)
        try rewardReferrer(referrer, for: r)
      }
    }
    let orderRedemption = parent?.id ?? children.first?.id
    try settleRedemptionOrder(placed, redemptionID: orderRedemption)
    return finish(StackRedemption(evaluation: evaluation, parent: parent, redemptions: children, orderID: o.id))
  }

  /// A redemption record of the current call, before its id and outcome are set.
  private mutating func newStackRedemption(customerID: String?, metadata: JSONObject, channel: EventChannel)
    -> Redemption
  {
    var r = Redemption(
      id: "", kind: .redemption, succeeded: true, date: now, customerID: customerID, trackingID: make(.tracking),
      channelID: channelID(for: channel), channelType: channel == .userPortal ? "USER" : "API")
    r.metadata = metadata
    return r
  }

  /// Applies one evaluated redeemable to order `oi`: its discount (or gift credits, or free units), and the
  /// counters of its voucher or tier, campaign and the order's referrer.
  private mutating func applyStacked(_ outcome: StackOutcome, orderIndex oi: Int, redemption r: inout Redemption)
    throws(VoucherifyError)
  {
    if let tid = outcome.tierID {
      let ti = try position(in: promotionTiers, tid, "promotion tier")
      r.promotionTierID = tid
      applyOutcomeDiscount(outcome, toOrder: oi)
      promotionTiers[ti].redeemedCount += 1
      promotionTiers[ti].ordersTotal.addSaturating(orders[oi].amount)
      promotionTiers[ti].discountTotal.addSaturating(outcome.discount)
      orders[oi].redemptions.append(
        .init(
          id: r.id, date: now, relatedObjectType: "promotion_tier", relatedObjectID: tid,
          relatedObjectParentID: promotionTiers[ti].campaignID))
      return
    }
    let vi = try position(in: vouchers, outcome.voucherID ?? "", "voucher")
    r.voucherID = vouchers[vi].id
    let v = vouchers[vi]
    if v.campaignType == .giftVouchers {
      try spendGiftCredits(outcome.discount, voucherIndex: vi, orderIndex: oi, redemption: &r)
    } else if case .unit(let off, let productID) = v.discount {
      addFreeUnits(off, of: productID, toOrder: oi)
    } else {
      applyOutcomeDiscount(outcome, toOrder: oi)
    }
    noteRedemption(r.id, of: v, onOrder: oi)
    vouchers[vi].redeemedQuantity += 1
    vouchers[vi].updatedAt = now
    campaigns[try position(in: campaigns, v.campaignID, "campaign")].redeemedQuantity += 1
    if v.campaignType == .referralProgram, let referrer = v.holderID, r.customerID != nil, referrer != r.customerID {
      orders[oi].referrerID = referrer
      let referral = Customer.Referral(campaignID: v.campaignID, referrerID: referrer, redemptionID: r.id, date: now)
      summarize(r.customerID) { $0.referrals.append(referral) }
    }
  }

  /// Takes an applicable redeemable's discount off order `oi`: off its lines for an item-level one, else off the
  /// order.
  private mutating func applyOutcomeDiscount(_ outcome: StackOutcome, toOrder oi: Int) {
    if outcome.itemDiscounts.isEmpty {
      orders[oi].discountAmount.addSaturating(outcome.discount)
    } else {
      applyItemDiscounts(outcome.itemDiscounts, toOrder: oi)
    }
  }
}

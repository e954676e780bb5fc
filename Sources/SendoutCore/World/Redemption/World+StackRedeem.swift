extension World {
  /// Redeems a stack of redeemables for a customer on a new paid order of `lines`, all or nothing (application
  /// mode `ALL`), applying exactly what `evaluateStack` computes for the same order.
  ///
  /// One plain voucher is `redeem`. Otherwise, success stores a child redemption per applied redeemable (and a
  /// parent `redemption` when there are several) and emits, per child, `redemption.succeeded`,
  /// `customer.redemption.succeeded` (and a gift card's transaction, a referral code's rewards), then the order's
  /// `customer.order.created` and `customer.order.paid` once. An inapplicable redeemable fails the whole stack: a
  /// failed redemption of it is stored and `redemption.failed` emitted; an unknown code or tier is `notFound`.
  public mutating func redeemStack(
    _ items: [StackRedeemable], customerID: String, lines: [OrderLine], channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<StackRedemption> {
    _ = try position(in: customers, customerID, "customer")
    let amount = try orderAmount(of: lines)
    try checkEarning(orderTotal: amount, customerID: customerID)
    for id in items.compactMap({ (try? voucher(code: $0.id))?.id }) {
      try checkReferrerReward(voucherID: id, customerID: customerID)
    }
    let evaluation = evaluateStack(items, orderAmount: amount)
    if let failure = evaluation.firstFailure, failure.key == "not_found" { throw failure }
    if items.count == 1, let only = evaluation.outcomes.first, let vid = only.voucherID,
      only.redeemable.giftCredits == nil, only.failure?.key != "missing_reward",
      only.failure?.key != VoucherifyError.invalidPayloadKey
    {
      let redeemed = try redeem(voucherID: vid, customerID: customerID, lines: lines, channel: channel)
      let r = redeemed.value
      let result = StackRedemption(
        evaluation: evaluation, parent: nil, redemptions: [r], orderID: r.succeeded ? r.orderID : nil)
      return Emitted(result, redeemed.events)
    }
    begin(channel, gap: 5_000...600_000)
    let ci = try position(in: customers, customerID, "customer")
    if let failed = evaluation.outcomes.first(where: { $0.failure != nil }), let failure = failed.failure {
      var r = newStackRedemption(customerID: customerID, channel: channel)
      r.id = make(.redemptionFailed)
      r.succeeded = false
      r.voucherID = failed.voucherID
      r.promotionTierID = failed.tierID
      r.failureCode = failure.key
      r.failureMessage = failure.message
      redemptions.append(r)
      customers[ci].redemptions.failed += 1
      try emitRedemption("redemption.failed", r, order: nil)
      return finish(StackRedemption(evaluation: evaluation, parent: nil, redemptions: [r], orderID: nil))
    }
    let o = try placeOrder(customerID: customerID, lines: lines, status: .paid)
    let oi = orders.count - 1
    tick()
    let applied = evaluation.outcomes.filter(\.applicable)
    var parent: Redemption?
    if applied.count > 1 {
      var p = newStackRedemption(customerID: customerID, channel: channel)
      p.id = make(.redemption)
      p.orderID = o.id
      p.discount = evaluation.discount
      parent = p
      redemptions.append(p)
      customers[ci].redemptions.succeeded += 1
    }
    var children: [Redemption] = []
    for outcome in applied {
      var r = newStackRedemption(customerID: customerID, channel: channel)
      r.id = make(.redemption)
      r.orderID = o.id
      r.parentID = parent?.id
      r.discount = outcome.discount
      try applyStacked(outcome, orderIndex: oi, redemption: &r)
      redemptions.append(r)
      customers[ci].redemptions.succeeded += 1
      children.append(r)
    }
    for r in children {
      try emitRedemption("redemption.succeeded", r, order: o.id)
      try emitRedemption("customer.redemption.succeeded", r, order: o.id)
      if let vid = r.voucherID, vouchers[id: vid]?.campaignType == .giftVouchers {
        try emitGiftRedemption(r, refund: false)
      }
      if let referrer = orders[oi].referrerID, r.voucherID != nil, referrer != customerID,
        r.voucherID.flatMap({ vouchers[id: $0]?.campaignType }) == .referralProgram
      {
        try emitReferred(r, referrerID: referrer)
        try rewardReferrer(referrer, for: r)
      }
    }
    let orderRedemption = parent?.id ?? children.first?.id
    try emitOrder("customer.order.created", o.id, redemptionID: orderRedemption)
    customers[ci].orders.totalCount += 1
    customers[ci].orders.totalAmount.addSaturating(orders[oi].totalAmount)
    customers[ci].orders.lastOrderAmount = orders[oi].totalAmount
    customers[ci].orders.lastOrderDate = now
    orders[oi].updatedAt = now
    try emitOrder("customer.order.paid", o.id, redemptionID: orderRedemption)
    try earnPoints(forPaidOrder: o.id, event: try lastEmitted())
    return finish(StackRedemption(evaluation: evaluation, parent: parent, redemptions: children, orderID: o.id))
  }

  /// A redemption record of the current call, before its id and outcome are set.
  private mutating func newStackRedemption(customerID: String, channel: EventChannel) -> Redemption {
    Redemption(
      id: "", kind: .redemption, succeeded: true, date: now, customerID: customerID, trackingID: make(.tracking),
      channelID: channelID(for: channel), channelType: channel == .userPortal ? "USER" : "API")
  }

  /// Applies one evaluated redeemable to order `oi`: its discount (or gift credits, or free units), and the
  /// counters of its voucher or tier, campaign and the order's referrer.
  private mutating func applyStacked(_ outcome: StackOutcome, orderIndex oi: Int, redemption r: inout Redemption)
    throws(VoucherifyError)
  {
    if let tid = outcome.tierID {
      let ti = try position(in: promotionTiers, tid, "promotion tier")
      r.promotionTierID = tid
      orders[oi].discountAmount.addSaturating(outcome.discount)
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
      orders[oi].discountAmount.addSaturating(outcome.discount)
    }
    orders[oi].redemptions.append(
      .init(
        id: r.id, date: now, relatedObjectType: "voucher", relatedObjectID: v.id, relatedObjectParentID: v.campaignID))
    vouchers[vi].redeemedQuantity += 1
    vouchers[vi].updatedAt = now
    campaigns[try position(in: campaigns, v.campaignID, "campaign")].redeemedQuantity += 1
    if v.campaignType == .referralProgram, let referrer = v.holderID, referrer != r.customerID {
      orders[oi].referrerID = referrer
      let ci = try position(in: customers, r.customerID, "customer")
      customers[ci].referrals.append(
        .init(campaignID: v.campaignID, referrerID: referrer, redemptionID: r.id, date: now))
    }
  }
}

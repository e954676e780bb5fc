extension World {
  /// Rolls a redemption back: restores `redeemed_quantity`, gift credits and the order's discount, and cancels the
  /// order (`CANCELED`); emits `redemption.rollback.succeeded` and `customer.redemption.rollback.succeeded`, whose
  /// `redemption` is the redemption as it was when rolled back (`SUCCEEDED`, its order `PAID`), as in the official
  /// examples. A failed or already rolled-back (`ROLLED BACK`) redemption cannot be rolled back:
  /// `redemption.rollback.failed`.
  public mutating func rollback(redemptionID: String, reason: String? = nil, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Redemption>
  {
    let ri = try position(in: redemptions, redemptionID, "redemption")
    guard redemptions[ri].kind == .redemption else {
      throw .invalidPayload("'\(redemptionID)' is a rollback, not a redemption")
    }
    begin(channel, gap: 30_000...3_600_000)
    let parent = redemptions[ri]
    var rb = Redemption(
      id: "", kind: .rollback, succeeded: true, date: now, customerID: parent.customerID, trackingID: parent.trackingID,
      channelID: channelID(for: channel), channelType: channel == .userPortal ? "USER" : "API")
    rb.voucherID = parent.voucherID
    rb.promotionTierID = parent.promotionTierID
    rb.orderID = parent.orderID
    rb.parentID = parent.id
    rb.reason = reason ?? rng.pick(WordLists.rollbackReasons)
    rb.amount = parent.amount
    if !parent.succeeded || parent.rolledBack {
      rb.id = make(.rollbackFailed)
      rb.succeeded = false
      rb.failureCode = parent.rolledBack ? "already_rolled_back" : "invalid_redemption"
      rb.failureMessage =
        parent.rolledBack ? "Already rolled back" : "Failed redemptions cannot be rolled back"
      redemptions.append(rb)
      summarize(parent.customerID) { $0.redemptions.rollbackFailed += 1 }
      try emitRedemption("redemption.rollback.failed", rb, order: parent.orderID, rollback: rb)
      return finish(rb)
    }
    rb.id = make(.rollback)
    let before = try simpleRedemptionJSON(parent)
    redemptions[ri].rolledBack = true
    if let vid = parent.voucherID {
      let vi = try position(in: vouchers, vid, "voucher")
      vouchers[vi].redeemedQuantity -= 1
      vouchers[vi].updatedAt = now
      if vouchers[vi].campaignType == .giftVouchers, let used = parent.amount {
        setGiftBalance(ofVoucherAt: vi, to: vouchers[vi].giftBalance.addingSaturated(used))
        vouchers[vi].redeemedAmount.subtractSaturating(used)
        summarize(parent.customerID) { $0.redemptions.giftRedeemedAmount.subtractSaturating(used) }
      }
      campaigns[try position(in: campaigns, vouchers[vi].campaignID, "campaign")].redeemedQuantity -= 1
    }
    if let tid = parent.promotionTierID, let ti = promotionTiers.position(of: tid) {
      promotionTiers[ti].redeemedCount -= 1
      promotionTiers[ti].discountTotal.subtractSaturating(parent.discount)
    }
    if let oid = parent.orderID, let oi = orders.position(of: oid) {
      if orders[oi].itemsDiscountAmount > 0 && parent.discount == orders[oi].itemsDiscountAmount {
        for i in orders[oi].items.indices {
          let free = orders[oi].items[i].discountQuantity
          orders[oi].items[i].quantity = orders[oi].items[i].quantity.map { $0.subtractingSaturated(free) }
          orders[oi].items[i].discountQuantity = 0
        }
        orders[oi].items.removeAll { $0.quantity == 0 }
      } else {
        orders[oi].discountAmount = max(0, orders[oi].discountAmount.subtractingSaturated(parent.discount))
      }
      orders[oi].status = .canceled
      orders[oi].updatedAt = now
    }
    summarize(parent.customerID) { $0.redemptions.rolledBack += 1 }
    redemptions.append(rb)
    try emitRedemption(
      "redemption.rollback.succeeded", rb, order: parent.orderID, rollback: rb, parentAsRedeemed: before)
    try emitRedemption(
      "customer.redemption.rollback.succeeded", rb, order: parent.orderID, rollback: rb, parentAsRedeemed: before)
    if let vid = parent.voucherID, try self.voucher(vid).campaignType == .giftVouchers {
      try emitGiftRedemption(rb, refund: true)
    }
    return finish(rb)
  }
}

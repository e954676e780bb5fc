extension World {
  /// Adds credits to a gift card; emits `voucher.gift.balance_added`, `customer.voucher.gift.balance_added`
  /// (when the card has a holder) and `voucher.gift.transaction.created`.
  public mutating func addGiftCredits(
    voucherID: String, amount: Int, reason: String? = nil, channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<VoucherTransaction> {
    let vi = try position(in: vouchers, voucherID, "voucher")
    guard vouchers[vi].campaignType == .giftVouchers else {
      throw .invalidPayload("'\(vouchers[vi].code)' is not a gift card")
    }
    guard amount > 0 else { throw .invalidPayload("amount must be positive, got \(amount)") }
    let total = try AmountLimits.adding(amount, to: vouchers[vi].giftAmount, "the gift card's amount")
    let remaining = try AmountLimits.adding(amount, to: vouchers[vi].giftBalance, "the gift card's balance")
    begin(channel)
    vouchers[vi].giftAmount = total
    setGiftBalance(ofVoucherAt: vi, to: remaining)
    vouchers[vi].updatedAt = now
    let v = vouchers[vi]
    let balance = giftBalanceJSON(v, amount: amount, operation: "MANUAL")
    let tx = record(
      v, type: "CREDITS_ADDITION", reason: reason ?? "Store credit top-up",
      details: ["balance": .object(balance)], source: channel == .userPortal ? "voucherify-web-ui" : "API")
    let campaign = try self.campaign(v.campaignID).simpleJSON
    emit(
      "voucher.gift.balance_added", entity: v.id,
      [
        "balance": .object(balance), "voucher": .object(v.simpleJSON), "campaign": .object(campaign),
        "transaction": .object(tx.json),
      ])
    if let holder = v.holderID {
      emit(
        "customer.voucher.gift.balance_added", entity: holder,
        [
          "customer": .object(try simpleCustomer(holder)), "campaign": .object(campaign),
          "voucher": .object(v.simpleJSON),
          "balance": .object(balance), "transaction": .object(tx.json),
        ])
    }
    try emitGiftTransaction(tx, v, balance: balance, order: nil, redemption: nil, rollback: nil)
    return finish(tx)
  }

  /// Records a transaction on a card.
  mutating func record(_ v: Voucher, type: String, reason: String?, details: JSONObject, source: String)
    -> VoucherTransaction
  {
    tick()
    let tx = VoucherTransaction(
      id: make(.transaction), sourceID: nil, voucherID: v.id, campaignID: v.campaignID, source: source,
      reason: reason, type: type, details: details, createdAt: now)
    transactions.append(tx)
    return tx
  }

  /// The gift transaction of a redemption (`CREDITS_REDEMPTION`) or its rollback (`CREDITS_REFUND`).
  mutating func emitGiftRedemption(_ r: Redemption, refund: Bool) throws(VoucherifyError) {
    guard let vid = r.voucherID, let amount = r.amount else { return }
    let v = try self.voucher(vid)
    let balance = giftBalanceJSON(v, amount: refund ? amount : -amount, operation: "AUTOMATIC")
    var details: JSONObject = ["balance": .object(balance)]
    if let oid = r.orderID {
      details["order"] = ["id": .string(oid), "source_id": .str(try self.order(oid).sourceID)]
    }
    details[refund ? "rollback" : "redemption"] = ["id": .string(r.id)]
    let tx = record(
      v, type: refund ? "CREDITS_REFUND" : "CREDITS_REDEMPTION", reason: nil, details: details, source: "API")
    let parent = refund ? r.parentID.flatMap { redemptions[id: $0] } : r
    try emitGiftTransaction(
      tx, v, balance: balance, order: r.orderID,
      redemption: try ifPresent(parent) { (it) throws(VoucherifyError) in try simpleRedemptionJSON(it) },
      rollback: refund ? try simpleRedemptionJSON(r) : nil)
  }

  /// Emits `voucher.gift.transaction.created`.
  private mutating func emitGiftTransaction(
    _ tx: VoucherTransaction, _ v: Voucher, balance: JSONObject, order: String?, redemption: JSONObject?,
    rollback: JSONObject?
  ) throws(VoucherifyError) {
    emit(
      "voucher.gift.transaction.created", entity: v.id,
      [
        "transaction": .object(tx.json), "voucher": .object(v.fullJSON),
        "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
        "holder": try ifPresent(v.holderID) { (it) throws(VoucherifyError) -> JSON in
          .object(try simpleCustomer(it))
        } ?? .null, "balance": .object(balance),
        "order": try ifPresent(order) { (it) throws(VoucherifyError) -> JSON in
          .object(try self.order(it).simpleJSON)
        } ?? .null,
        "redemption": redemption.map { .object($0) } ?? .null,
        "rollback": rollback.map { .object($0) } ?? .null,
      ])
  }
}

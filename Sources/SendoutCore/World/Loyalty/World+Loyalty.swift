extension World {
  /// What caused a points change, for transaction details and events.
  struct PointsContext {
    var type: String
    var reason: String?
    var source: String
    var order: String?
    var event: WorldEvent?
    var earningRule: EarningRule?
    var operation = "AUTOMATIC"
    /// A transfer's other card (`details.source_voucher` on the receiving card, `destination_voucher` on the
    /// giving one), as `SimpleVoucher`.
    var sourceVoucher: JSONObject?
    var destinationVoucher: JSONObject?
    /// The caller's id of the transaction (`source_id`) and the transaction it answers (`related_transaction_id`).
    var sourceID: String?
    var relatedTransactionID: String?
  }

  /// Changes a card's balance by `delta`, records the transaction, emits
  /// `voucher.loyalty_card.transaction.created` and any tier change; returns the transaction.
  ///
  /// `before` emits the events the operation sends ahead of the transaction (e.g. `points_added`), `after` those
  /// between the transaction and the tier change (e.g. `customer.rewarded.loyalty_points`): events are emitted in
  /// the order they are delivered, so their `created_at` never goes backwards within an operation.
  @discardableResult
  mutating func changePoints(
    _ vi: Int, by delta: Int, _ ctx: PointsContext,
    before: (inout World, VoucherTransaction) throws(VoucherifyError) -> Void = { _, _ in },
    after: (inout World) throws(VoucherifyError) -> Void = { _ in }
  ) throws(VoucherifyError) -> VoucherTransaction {
    let balanceNow = try AmountLimits.adding(delta, to: vouchers[vi].loyaltyBalance, "the loyalty card's balance")
    let pointsNow =
      delta > 0
      ? try AmountLimits.adding(delta, to: vouchers[vi].loyaltyPoints, "the loyalty card's points")
      : vouchers[vi].loyaltyPoints
    let tierBefore = tier(in: vouchers[vi].campaignID, points: vouchers[vi].loyaltyBalance)
    vouchers[vi].loyaltyPoints = pointsNow
    vouchers[vi].loyaltyBalance = balanceNow
    vouchers[vi].updatedAt = now
    let card = vouchers[vi]
    if let holder = card.holderID, let ci = customers.position(of: holder) {
      customers[ci].loyaltyPoints.addSaturating(delta)
    }
    if delta < 0 && ctx.type != "POINTS_EXPIRATION" { spendBuckets(ofVoucher: card.id, points: -delta) }
    if delta > 0 {
      tick()
      buckets.append(
        PointsBucket(
          id: make(.pointsBucket), voucherID: card.id, campaignID: card.campaignID, points: delta,
          expiresAt: now.adding(days: 180), createdAt: now))
    }
    refreshNextExpiration(ofVoucherAt: vi)
    let v = vouchers[vi]
    let balance = loyaltyBalanceJSON(v, points: delta, operation: ctx.operation)
    var details: JSONObject = ["balance": .object(balance)]
    if let o = ctx.order { details["order"] = .object(try self.order(o).referenceJSON) }
    if let e = ctx.event { details["event"] = ["id": .string(e.eventID), "type": .string(e.type)] }
    if let r = ctx.earningRule {
      details["earning_rule"] = ["id": .string(r.id), "source": ["banner": .string(r.banner)]]
    }
    if let s = ctx.sourceVoucher { details["source_voucher"] = .object(s) }
    if let d = ctx.destinationVoucher { details["destination_voucher"] = .object(d) }
    var tx = record(v, type: ctx.type, reason: ctx.reason, details: details, source: ctx.source)
    if ctx.sourceID != nil || ctx.relatedTransactionID != nil, let ti = transactions.position(of: tx.id) {
      tx.sourceID = ctx.sourceID
      tx.relatedTransactionID = ctx.relatedTransactionID
      transactions[ti] = tx
    }
    let tierNow = tier(in: v.campaignID, points: v.loyaltyBalance)
    try before(&self, tx)
    emit(
      "voucher.loyalty_card.transaction.created", entity: v.id,
      [
        "transaction": .object(tx.json), "voucher": .object(v.fullJSON),
        "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
        "holder": try ifPresent(v.holderID) { (it) throws(VoucherifyError) -> JSON in
          .object(try simpleCustomer(it))
        } ?? .null,
        "holder_loyalty_tier": tierNow.map { .object($0.json()) } ?? .null, "balance": .object(balance),
        "order": try ifPresent(ctx.order) { (it) throws(VoucherifyError) -> JSON in
          .object(try self.order(it).simpleJSON)
        } ?? .null,
        "event": ctx.event.map { .object(simpleEventJSON($0)) } ?? .null,
        "earning_rule": ctx.earningRule.map { .object($0.simpleJSON) } ?? .null, "segment": .null,
        "loyalty_tier": .null, "redemption": .null, "rollback": .null, "reward": .null, "custom_event": .null,
        "source_voucher": ctx.sourceVoucher.map { .object($0) } ?? .null,
        "destination_voucher": ctx.destinationVoucher.map { .object($0) } ?? .null,
      ])
    try after(&self)
    if let holder = v.holderID {
      try emitTierChange(customerID: holder, campaignID: v.campaignID, from: tierBefore, to: tierNow)
    }
    return tx
  }

  /// Emits `customer.loyalty.tier.joined/left/upgraded/downgraded` when a balance crossed a tier threshold.
  mutating func emitTierChange(customerID: String, campaignID: String, from: LoyaltyTier?, to: LoyaltyTier?)
    throws(VoucherifyError)
  {
    guard from?.id != to?.id else { return }
    var data: JSONObject = [
      "customer": .object(try simpleCustomer(customerID)),
      "campaign": .object(try self.campaign(campaignID).simpleJSON),
    ]
    let type: String
    switch (from, to) {
    case (nil, let t?):
      type = "customer.loyalty.tier.joined"
      data["loyalty_tier"] = .object(t.json(expiration: (customerID, now)))
    case (let f?, nil):
      type = "customer.loyalty.tier.left"
      data["loyalty_tier"] = .object(f.json())
    case (let f?, let t?):
      type = t.pointsFrom > f.pointsFrom ? "customer.loyalty.tier.upgraded" : "customer.loyalty.tier.downgraded"
      data["loyalty_tier_from"] = .object(f.json())
      data["loyalty_tier_to"] = .object(t.json(expiration: (customerID, now)))
    default: return
    }
    data["created_at"] = .time(now)
    emit(type, entity: customerID, data)
  }

  /// Adds (or, when negative, removes) points on a loyalty card by hand; emits `voucher.loyalty_card.points_added`
  /// and `customer.voucher.loyalty_card.points_added` for additions, the transaction, and tier changes.
  public mutating func addLoyaltyPoints(
    voucherID: String, points: Int, reason: String? = nil, channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<VoucherTransaction> {
    let vi = try position(in: vouchers, voucherID, "voucher")
    guard vouchers[vi].campaignType == .loyaltyProgram else {
      throw .invalidPayload("'\(vouchers[vi].code)' is not a loyalty card")
    }
    let balance = vouchers[vi].loyaltyBalance
    guard points != 0, (try? AmountLimits.adding(points, to: balance, "")) != nil,
      points < 0 || (try? AmountLimits.adding(points, to: vouchers[vi].loyaltyPoints, "")) != nil
    else {
      throw .invalidPayload(
        "cannot change a balance of \(balance) by \(points): it stays from 0 to \(AmountLimits.maxAmount) points")
    }
    begin(channel)
    let source = channel == .userPortal ? "voucherify-web-ui" : "API"
    let ctx = PointsContext(
      type: points > 0 ? "POINTS_ADDITION" : "POINTS_REMOVAL", reason: reason ?? "Goodwill gesture", source: source,
      operation: "MANUAL")
    let tx = try changePoints(vi, by: points, ctx) {
      (w: inout World, tx: VoucherTransaction) throws(VoucherifyError) in
      guard points > 0 else { return }
      let v = w.vouchers[vi]
      let balance = w.loyaltyBalanceJSON(v, points: points, operation: "MANUAL")
      let campaign = try w.campaign(v.campaignID).simpleJSON
      w.emit(
        "voucher.loyalty_card.points_added", entity: v.id,
        [
          "voucher": .object(v.simpleJSON), "balance": .object(balance), "campaign": .object(campaign),
          "customer": try ifPresent(v.holderID) { (it) throws(VoucherifyError) -> JSON in
            .object(try w.simpleCustomer(it))
          } ?? .null, "transaction": .object(tx.json),
        ])
      if let holder = v.holderID {
        w.emit(
          "customer.voucher.loyalty_card.points_added", entity: holder,
          [
            "customer": .object(try w.simpleCustomer(holder)), "campaign": .object(campaign),
            "voucher": .object(v.simpleJSON), "balance": .object(balance), "transaction": .object(tx.json),
          ])
      }
    }
    return finish(tx)
  }

  /// Sets the card's `next_expiration_date` and `next_expiration_points` from its active buckets: the earliest
  /// day one expires, and the points of the buckets expiring that day (no more than the balance).
  mutating func refreshNextExpiration(ofVoucherAt vi: Int) {
    let active = bucketsWithPoints(ofVoucher: vouchers[vi].id)
    let day = active.map { String($0.expiresAt.iso8601.prefix(10)) }.min()
    vouchers[vi].nextExpirationDate = day
    vouchers[vi].nextExpirationPoints = day.map { day in
      min(
        vouchers[vi].loyaltyBalance,
        active.filter { $0.expiresAt.iso8601.hasPrefix(day) }.reduce(0) { $0.addingSaturated($1.points) })
    }
  }

  /// Expires the card's points bucket `bucketID` (its expiry has come), or else its oldest active bucket that still
  /// holds points; emits `voucher.loyalty_card.points_expired`, `customer.voucher.loyalty_card.points_expired`, the
  /// transaction, and tier changes (none when the bucket's points were all spent: it just ends).
  public mutating func expirePoints(voucherID: String, bucketID: String? = nil) throws(VoucherifyError)
    -> Emitted<PointsBucket>
  {
    let vi = try position(in: vouchers, voucherID, "voucher")
    let chosen = bucketID.flatMap { id in buckets[id: id] } ?? bucketsWithPoints(ofVoucher: voucherID).first
    guard let oldest = chosen, oldest.status == "ACTIVE", let bi = buckets.position(of: oldest.id) else {
      throw .invalidPayload("card '\(vouchers[vi].code)' has no active points to expire")
    }
    begin(.internal, gap: 60_000...3_600_000)
    guard oldest.points > 0 else {  // all spent: nothing is left to expire, no transaction
      buckets[bi].status = "EXPIRED"
      buckets[bi].updatedAt = now
      refreshNextExpiration(ofVoucherAt: vi)
      return finish(buckets[bi])
    }
    buckets[bi].expiresAt = now
    let bucketJSON = buckets[bi].json
    buckets[bi].status = "EXPIRED"
    buckets[bi].updatedAt = now
    let points = min(buckets[bi].points, vouchers[vi].loyaltyBalance)
    let ctx = PointsContext(type: "POINTS_EXPIRATION", reason: nil, source: "Automation")
    try changePoints(vi, by: -points, ctx) { (w: inout World, tx: VoucherTransaction) throws(VoucherifyError) in
      let v = w.vouchers[vi]
      guard let holder = v.holderID else { return }
      let campaign = try w.campaign(v.campaignID).simpleJSON
      w.emit(
        "voucher.loyalty_card.points_expired", entity: v.id,
        [
          "voucher": .object(v.simpleJSON), "points": .int(points), "campaign": .object(campaign),
          "customer": .object(try w.simpleCustomer(holder)), "buckets": [.object(bucketJSON)],
          "transaction": .object(tx.json),
        ])
      w.emit(
        "customer.voucher.loyalty_card.points_expired", entity: holder,
        [
          "customer": .object(try w.simpleCustomer(holder)), "campaign": .object(campaign),
          "voucher": .object(v.simpleJSON), "points": .int(points), "buckets": [.object(bucketJSON)],
          "transaction": .object(tx.json),
        ])
    }
    return finish(buckets[bi])
  }

  /// Prolongs a member's tier for another period; emits `customer.loyalty.tier.prolonged`.
  public mutating func prolongTier(voucherID: String) throws(VoucherifyError) -> Emitted<LoyaltyTier> {
    let v = try self.voucher(voucherID)
    guard let holder = v.holderID, let t = tier(in: v.campaignID, points: v.loyaltyBalance) else {
      throw .invalidPayload("card '\(v.code)' has no holder in a tier")
    }
    begin(.internal, gap: 60_000...3_600_000)
    emit(
      "customer.loyalty.tier.prolonged", entity: holder,
      [
        "customer": .object(try simpleCustomer(holder)),
        "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
        "loyalty_tier": .object(t.json(expiration: (holder, now))), "created_at": .time(now),
      ])
    return finish(t)
  }
}

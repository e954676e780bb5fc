extension World {
  /// Earns points for a paid order on every loyalty card the customer holds: immediately
  /// (`voucher.loyalty_card.transaction.created`, `customer.rewarded.loyalty_points`, tier changes) or as
  /// pending points (`*.pending_points.added`) when the earning rule delays them.
  mutating func earnPoints(forPaidOrder orderID: String, event paid: WorldEvent) throws(VoucherifyError) {
    let o = try self.order(orderID)
    guard let customerID = o.customerID else { return }
    for (rule, vi) in earningCards(of: customerID) {
      let points = rule.points(forOrderTotal: o.totalAmount)
      guard points > 0 else { continue }
      if let days = rule.pendingDays {
        try addPending(vi, points: points, order: o, customerID: customerID, rule: rule, event: paid, days: days)
        continue
      }
      let ctx = PointsContext(
        type: "POINTS_ACCRUAL", reason: nil, source: "Automation", order: orderID, event: paid, earningRule: rule)
      try changePoints(
        vi, by: points, ctx,
        after: { (w: inout World) throws(VoucherifyError) in
          let v = w.vouchers[vi]
          w.emit(
            "customer.rewarded.loyalty_points", entity: customerID,
            [
              "customer": .object(try w.simpleCustomer(customerID)),
              "holder": .object(try w.simpleCustomer(customerID)),
              "voucher": .object(v.simpleJSON), "campaign": .object(try w.campaign(v.campaignID).simpleJSON),
              "loyalty_tier": w.tier(in: v.campaignID, points: v.loyaltyBalance).map { .object($0.json()) } ?? .null,
              "earning_rule": .object(rule.fullJSON),
              "balance": .object(w.loyaltyBalanceJSON(v, points: points, operation: "AUTOMATIC")),
              "order": .object(o.calculatedJSON(customer: try w.customer(customerID))),
              "event": .object(w.simpleEventJSON(paid)),
            ])
        })
    }
  }

  /// The active `order.paid` earning rules and, for each, the position of the customer's active card it earns on
  /// (the first card of the rule's campaign the customer holds, through the holder index: no scan of the vouchers,
  /// which a paid order runs twice, once to check and once to earn).
  private func earningCards(of customerID: String) -> [(EarningRule, Int)] {
    earningRules.filter { $0.active && $0.event == "order.paid" }.compactMap { rule in
      vouchers(heldBy: customerID, in: rule.campaignID).first { !$0.deleted }
        .flatMap { $0.active ? vouchers.position(of: $0.id).map { (rule, $0) } : nil }
    }
  }

  /// Throws, before a payment changes anything, when an order total of `total` cents would earn one of the
  /// customer's cards points past `AmountLimits.maxAmount` (`earnPoints` would fail half-way). For a redemption the
  /// order amount before discounts is an upper bound: earning only grows with the total.
  func checkEarning(orderTotal total: Int, customerID: String?) throws(VoucherifyError) {
    guard let customerID else { return }
    for (rule, vi) in earningCards(of: customerID) {
      let points = rule.points(forOrderTotal: total)
      guard points > 0 else { continue }
      let card = vouchers[vi]
      if rule.pendingDays != nil {
        _ = try AmountLimits.adding(points, to: card.pendingPoints, "the card's pending points")
      } else {
        _ = try AmountLimits.adding(points, to: card.loyaltyBalance, "the loyalty card's balance")
        _ = try AmountLimits.adding(points, to: card.loyaltyPoints, "the loyalty card's points")
      }
    }
  }

  /// Creates pending points and emits `voucher.loyalty_card.pending_points.added` and its customer twin.
  private mutating func addPending(
    _ vi: Int, points: Int, order o: Order, customerID: String, rule: EarningRule, event: WorldEvent, days: Int
  ) throws(VoucherifyError) {
    let pending = try AmountLimits.adding(points, to: vouchers[vi].pendingPoints, "the card's pending points")
    tick()
    let v = vouchers[vi]
    var p = PendingPoints(
      id: make(.pendingPoints), voucherID: v.id, campaignID: v.campaignID, customerID: customerID, order: o,
      points: points, activatesAt: now.adding(days: days), event: simpleEventJSON(event, withSource: true),
      earningRule: rule, holderTier: tier(in: v.campaignID, points: v.loyaltyBalance), createdAt: now)
    p.state = "PENDING"
    pendingPoints.append(p)
    vouchers[vi].pendingPoints = pending
    try emitPending("added", p.id, delta: points)
  }

  /// Emits `voucher.loyalty_card.pending_points.<action>` and `customer.voucher.loyalty_card.pending_points.<action>`.
  private mutating func emitPending(_ action: String, _ id: String, delta: Int, tx: VoucherTransaction? = nil)
    throws(VoucherifyError)
  {
    let p = try entity(in: pendingPoints, id, "pending points")
    let v = try self.voucher(p.voucherID)
    let campaign = try self.campaign(v.campaignID).simpleJSON
    let customer = try simpleCustomer(p.customerID)
    let order = try self.order(p.order.id).simpleJSON
    if let tx {
      let balance = loyaltyBalanceJSON(v, points: delta, operation: "AUTOMATIC")
      emit(
        "voucher.loyalty_card.pending_points.activated", entity: v.id,
        [
          "customer": .object(customer), "campaign": .object(campaign), "voucher": .object(v.simpleJSON),
          "balance": .object(balance), "order": .object(order), "transaction": .object(tx.json),
          "pending_points": .object(p.json),
        ])
      emit(
        "customer.voucher.loyalty_card.pending_points.activated", entity: p.customerID,
        [
          "voucher": .object(v.simpleJSON), "balance": .object(balance), "campaign": .object(campaign),
          "customer": .object(customer), "order": .object(order), "transaction": .object(tx.json),
          "pending_points": .object(p.json),
        ])
      return
    }
    let balance = pendingBalanceJSON(v, points: delta, operation: "AUTOMATIC")
    let voucherFirst = action == "added" || action == "updated"
    let voucherData: JSONObject =
      voucherFirst
      ? [
        "voucher": .object(v.simpleJSON), "voucher_pending_points_balance": .object(balance),
        "campaign": .object(campaign),
        "customer": .object(customer), "order": .object(order), "pending_points": .object(p.json),
      ]
      : [
        "customer": .object(customer), "campaign": .object(campaign), "voucher": .object(v.simpleJSON),
        "voucher_pending_points_balance": .object(balance), "order": .object(order), "pending_points": .object(p.json),
      ]
    emit("voucher.loyalty_card.pending_points.\(action)", entity: v.id, voucherData)
    emit(
      "customer.voucher.loyalty_card.pending_points.\(action)", entity: p.customerID,
      [
        "customer": .object(customer), "campaign": .object(campaign), "voucher": .object(v.simpleJSON),
        "voucher_pending_points_balance": .object(balance), "order": .object(order), "pending_points": .object(p.json),
      ])
  }

  /// Changes how many points are pending; emits `*.pending_points.updated`.
  public mutating func updatePendingPoints(_ id: String, points: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PendingPoints>
  {
    let i = try position(in: pendingPoints, id, "pending points")
    guard pendingPoints[i].state == "PENDING", points > 0 else {
      throw .invalidPayload("pending points '\(id)' cannot be set to \(points)")
    }
    let vi = try position(in: vouchers, pendingPoints[i].voucherID, "voucher")
    let delta = points.subtractingSaturated(pendingPoints[i].points)
    let pending = try AmountLimits.adding(delta, to: vouchers[vi].pendingPoints, "the card's pending points")
    begin(channel)
    vouchers[vi].pendingPoints = pending
    pendingPoints[i].points = points
    pendingPoints[i].updatedAt = now
    try emitPending("updated", id, delta: delta)
    return finish(pendingPoints[i])
  }

  /// Activates pending points now: they join the balance; emits `*.pending_points.activated`, the
  /// transaction (`PENDING_POINTS_ACTIVATION`) and tier changes.
  public mutating func activatePendingPoints(_ id: String) throws(VoucherifyError) -> Emitted<PendingPoints> {
    let i = try position(in: pendingPoints, id, "pending points")
    guard pendingPoints[i].state == "PENDING" else {
      throw .invalidPayload("pending points '\(id)' are \(pendingPoints[i].state)")
    }
    begin(.internal, gap: 60_000...3_600_000)
    let vi = try position(in: vouchers, pendingPoints[i].voucherID, "voucher")
    let points = pendingPoints[i].points
    vouchers[vi].pendingPoints.subtractSaturating(points)
    pendingPoints[i].state = "ACTIVATED"
    pendingPoints[i].updatedAt = now
    try changePoints(
      vi, by: points,
      PointsContext(
        type: "PENDING_POINTS_ACTIVATION", reason: nil, source: "Automation", order: pendingPoints[i].order.id,
        earningRule: pendingPoints[i].earningRule),
      before: { (w: inout World, tx: VoucherTransaction) throws(VoucherifyError) in
        try w.emitPending("activated", id, delta: points, tx: tx)
      })
    return finish(pendingPoints[i])
  }

  /// Cancels pending points; emits `*.pending_points.canceled`.
  public mutating func cancelPendingPoints(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError)
    -> Emitted<PendingPoints>
  {
    let i = try position(in: pendingPoints, id, "pending points")
    guard pendingPoints[i].state == "PENDING" else {
      throw .invalidPayload("pending points '\(id)' are \(pendingPoints[i].state)")
    }
    begin(channel)
    try cancelPending(id)
    return finish(pendingPoints[i])
  }

  /// Cancels pending points inside the current request.
  mutating func cancelPending(_ id: String) throws(VoucherifyError) {
    let i = try position(in: pendingPoints, id, "pending points")
    let vi = try position(in: vouchers, pendingPoints[i].voucherID, "voucher")
    vouchers[vi].pendingPoints.subtractSaturating(pendingPoints[i].points)
    pendingPoints[i].state = "CANCELED"
    pendingPoints[i].updatedAt = now
    try emitPending("canceled", id, delta: -pendingPoints[i].points)
  }
}

extension World {
  /// Applies a promotion tier to a new paid order; emits `redemption.succeeded`,
  /// `customer.redemption.succeeded`, `customer.order.created` and `customer.order.paid`.
  public mutating func redeemPromotion(
    tierID: String, customerID: String, lines: [OrderLine] = [], channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<Redemption> {
    let ti = try position(in: promotionTiers, tierID, "promotion tier")
    _ = try position(in: customers, customerID, "customer")
    guard promotionTiers[ti].active else {
      var refusal = VoucherifyError.promotionInactive(tierID)
      refusal.details = "promotion tier '\(promotionTiers[ti].name)' is disabled"
      throw refusal
    }
    try checkEarning(orderTotal: try orderAmount(of: lines), customerID: customerID)
    begin(channel, gap: 5_000...600_000)
    let o = try placeOrder(customerID: customerID, lines: lines, status: .paid)
    let oi = orders.count - 1
    var r = Redemption(
      id: make(.redemption), kind: .redemption, succeeded: true, date: now, customerID: customerID,
      trackingID: make(.tracking), channelID: appID, channelType: "API")
    r.orderID = o.id
    r.promotionTierID = tierID
    r.discount = promotionTiers[ti].discount.discount(orderAmount: orders[oi].amount)
    orders[oi].discountAmount.addSaturating(r.discount)
    orders[oi].redemptions.append(
      .init(
        id: r.id, date: now, relatedObjectType: "promotion_tier", relatedObjectID: tierID,
        relatedObjectParentID: promotionTiers[ti].campaignID))
    promotionTiers[ti].redeemedCount += 1
    promotionTiers[ti].ordersTotal.addSaturating(orders[oi].amount)
    promotionTiers[ti].discountTotal.addSaturating(r.discount)
    let ci = try position(in: customers, customerID, "customer")
    customers[ci].redemptions.succeeded += 1
    customers[ci].orders.totalCount += 1
    customers[ci].orders.totalAmount.addSaturating(orders[oi].totalAmount)
    customers[ci].orders.lastOrderAmount = orders[oi].totalAmount
    customers[ci].orders.lastOrderDate = now
    redemptions.append(r)
    try emitRedemption("redemption.succeeded", r, order: o.id)
    try emitRedemption("customer.redemption.succeeded", r, order: o.id)
    try emitOrder("customer.order.created", o.id, redemptionID: r.id)
    try emitOrder("customer.order.paid", o.id, redemptionID: r.id)
    try earnPoints(forPaidOrder: o.id, event: try lastEmitted())
    return finish(r)
  }

  /// Adds a tier to a promotion campaign (its banner defaults to its name); emits `campaign.promotion_tier.created`.
  public mutating func createPromotionTier(
    campaignID: String, name: String, banner: String? = nil, discount: Discount, channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<PromotionTier> {
    let c = try self.campaign(campaignID)
    guard c.campaignType == .promotion else { throw .invalidPayload("campaign '\(c.name)' is not a promotion") }
    begin(channel)
    let hierarchy = promotionTiers.filter { $0.campaignID == campaignID }.count + 1
    let t = PromotionTier(
      id: make(.promotionTier), name: name, banner: banner ?? name, campaignID: campaignID, discount: discount,
      hierarchy: hierarchy, category: c.category, createdAt: now)
    promotionTiers.append(t)
    try emitTier("campaign.promotion_tier.created", t.id)
    return finish(t)
  }

  /// Renames a tier; emits `campaign.promotion_tier.updated`.
  public mutating func updatePromotionTier(_ id: String, banner: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PromotionTier>
  {
    let i = try position(in: promotionTiers, id, "promotion tier")
    begin(channel)
    promotionTiers[i].banner = banner
    promotionTiers[i].updatedAt = now
    try emitTier("campaign.promotion_tier.updated", id)
    return finish(promotionTiers[i])
  }

  /// Enables or disables a tier; emits `campaign.promotion_tier.enabled` / `.disabled`.
  public mutating func setPromotionTierActive(_ id: String, _ active: Bool, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PromotionTier>
  {
    let i = try position(in: promotionTiers, id, "promotion tier")
    begin(channel)
    promotionTiers[i].active = active
    promotionTiers[i].updatedAt = now
    try emitTier(active ? "campaign.promotion_tier.enabled" : "campaign.promotion_tier.disabled", id)
    return finish(promotionTiers[i])
  }

  /// Deletes a tier; emits `campaign.promotion_tier.deleted`.
  public mutating func deletePromotionTier(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PromotionTier>
  {
    let i = try position(in: promotionTiers, id, "promotion tier")
    begin(channel)
    promotionTiers[i].updatedAt = now
    try emitTier("campaign.promotion_tier.deleted", id)
    return finish(promotionTiers.remove(at: i))
  }

  /// Emits a promotion tier lifecycle event.
  private mutating func emitTier(_ type: String, _ id: String) throws(VoucherifyError) {
    let t = try entity(in: promotionTiers, id, "promotion tier")
    let c = try self.campaign(t.campaignID)
    emit(type, entity: c.id, ["campaign": .object(c.simpleJSON), "promotion_tier": .object(t.fullJSON(campaign: c))])
  }

  /// Groups tiers of a promotion campaign into a stack (no event: the spec has no schema for it).
  @discardableResult
  public mutating func addPromotionStack(campaignID: String, name: String, tierIDs: [String])
    throws(VoucherifyError) -> PromotionStack
  {
    tick()
    let s = PromotionStack(
      id: make(.promotionStack), name: name, campaignID: campaignID,
      categoryID: try self.campaign(campaignID).category.id,
      tierIDs: tierIDs)
    promotionStacks.append(s)
    return s
  }
}

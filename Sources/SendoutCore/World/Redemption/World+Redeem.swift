extension World {
  /// Why `v` cannot be redeemed now, as Voucherify's `(failure_code, failure_message)`, or `nil`.
  func redemptionFailure(_ v: Voucher) throws(VoucherifyError) -> VoucherifyError? {
    let c = try self.campaign(v.campaignID)
    if v.deleted { return .resourceNotFound(v.code) }
    if !v.active { return .voucherDisabled(v.code) }
    if !c.active { return .campaignDisabled(v.code) }
    if now > v.expirationDate { return .voucherExpired(v.code) }
    if now < v.startDate { return .voucherNotActive(v.code) }
    if !v.hasQuantityLeft { return .quantityExceeded(v.code) }
    if v.campaignType == .giftVouchers && v.giftBalance <= 0 { return .giftAmountExceeded(v.code) }
    return nil
  }

  /// Redeems a voucher for a customer on a new order of `lines` (random lines when empty), paid at once.
  ///
  /// Success: the order gets the discount (or gift credits), `redeemed_quantity` counts up, and the events are
  /// `redemption.succeeded`, `customer.redemption.succeeded`, a gift transaction for gift cards, the referrer's
  /// `customer.rewarded` for referral codes, then `customer.order.created` and `customer.order.paid` (with any
  /// loyalty points it earns). Failure (exhausted, inactive, expired, …): `redemption.failed` only.
  public mutating func redeem(
    voucherID: String, customerID: String?, lines: [OrderLine] = [], order: OrderFields? = nil,
    metadata: JSONObject = [:], channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<Redemption> {
    let vi = try position(in: vouchers, voucherID, "voucher")
    if let customerID { _ = try position(in: customers, customerID, "customer") }
    guard vouchers[vi].campaignType != .loyaltyProgram else {
      var refusal = VoucherifyError.missingReward(vouchers[vi].code)
      refusal.details = "loyalty card '\(vouchers[vi].code)' is redeemed through rewards (redeemReward)"
      throw refusal
    }
    try checkEarning(orderTotal: try redemptionOrderAmount(order, lines: lines), customerID: customerID)
    try checkReferrerReward(voucherID: voucherID, customerID: customerID)
    begin(channel, gap: 5_000...600_000)
    var r = Redemption(
      id: "", kind: .redemption, succeeded: true, date: now, customerID: customerID,
      trackingID: make(.tracking), channelID: channelID(for: channel),
      channelType: channel == .userPortal ? "USER" : "API")
    r.voucherID = voucherID
    r.metadata = metadata
    if let failure = try redemptionFailure(vouchers[vi]) {
      r.id = make(.redemptionFailed)
      r.succeeded = false
      r.failureCode = failure.key
      r.failureMessage = failure.message
      redemptions.append(r)
      summarize(customerID) { $0.redemptions.failed += 1 }
      try emitRedemption("redemption.failed", r, order: nil)
      return finish(r)
    }
    let placed = try placeRedemptionOrder(order, customerID: customerID, lines: lines)
    let oi = placed.index
    let o = orders[oi]
    tick()
    r.date = now
    r.id = make(.redemption)
    r.orderID = o.id
    r.discount = try applyDiscount(voucherIndex: vi, orderIndex: oi, redemption: &r)
    noteRedemption(r.id, of: vouchers[vi], onOrder: oi)
    vouchers[vi].redeemedQuantity += 1
    vouchers[vi].updatedAt = now
    campaigns[try position(in: campaigns, vouchers[vi].campaignID, "campaign")].redeemedQuantity += 1
    summarize(customerID) { $0.redemptions.succeeded += 1 }
    if vouchers[vi].campaignType == .referralProgram, let referrer = vouchers[vi].holderID, let customerID,
      referrer != customerID
    {
      orders[oi].referrerID = referrer
      let referral = Customer.Referral(
        campaignID: vouchers[vi].campaignID, referrerID: referrer, redemptionID: r.id, date: now)
      summarize(customerID) { $0.referrals.append(referral) }
    }
    redemptions.append(r)
    try emitRedemption("redemption.succeeded", r, order: o.id)
    try emitRedemption("customer.redemption.succeeded", r, order: o.id)
    if vouchers[vi].campaignType == .giftVouchers { try emitGiftRedemption(r, refund: false) }
    if let referrer = orders[oi].referrerID {
      try emitReferred(r, referrerID: referrer)
      try rewardReferrer(referrer, for: r)
    }
    try settleRedemptionOrder(placed, redemptionID: r.id)
    return finish(r)
  }

  /// Applies a voucher's value to an order and returns the discount in cents.
  private mutating func applyDiscount(voucherIndex vi: Int, orderIndex oi: Int, redemption r: inout Redemption)
    throws(VoucherifyError) -> Int
  {
    let v = vouchers[vi]
    if v.campaignType == .giftVouchers {
      let used = min(v.giftBalance, orders[oi].totalAmount)
      try spendGiftCredits(used, voucherIndex: vi, orderIndex: oi, redemption: &r)
      return used
    }
    guard let discount = v.discount else { return 0 }
    if case .unit(let off, let productID) = discount {
      addFreeUnits(off, of: productID, toOrder: oi)
      return orders[oi].itemsDiscountAmount
    }
    if case .items = discount {
      let taken = orders[oi].items.map(\.lineDiscount)
      let off = itemDiscounts(discount, voucher: v, tier: nil, lines: ruleItems(ofOrder: oi), taken: taken)
      return applyItemDiscounts(off, toOrder: oi)
    }
    let d = discount.discount(orderAmount: orders[oi].totalAmount)
    orders[oi].discountAmount.addSaturating(d)
    return d
  }

  /// Spends `amount` gift credits of voucher `vi` on order `oi` for `r`: the card's balance and redeemed amount,
  /// the order's discount, the redemption's amount and the customer's redeemed gift amount.
  mutating func spendGiftCredits(
    _ amount: Int, voucherIndex vi: Int, orderIndex oi: Int, redemption r: inout Redemption
  )
    throws(VoucherifyError)
  {
    setGiftBalance(ofVoucherAt: vi, to: vouchers[vi].giftBalance.subtractingSaturated(amount))
    vouchers[vi].redeemedAmount.addSaturating(amount)
    orders[oi].discountAmount.addSaturating(amount)
    r.amount = amount
    summarize(r.customerID) { $0.redemptions.giftRedeemedAmount.addSaturating(amount) }
  }

  /// A unit discount: `off` free units of `unitType` (a product, or a SKU) on order `oi`, on its line for that
  /// product (SKU) or on a new one priced at `unitPrice(of:)`.
  mutating func addFreeUnits(_ off: Int, of unitType: String, toOrder oi: Int) {
    let sku = skus[id: unitType]
    if let ii = orders[oi].items.firstIndex(where: { sku == nil ? $0.productID == unitType : $0.skuID == unitType }) {
      orders[oi].items[ii].quantity = (orders[oi].items[ii].quantity ?? 1).addingSaturated(off)
      orders[oi].items[ii].discountQuantity.addSaturating(off)
    } else if let p = products[id: sku?.productID ?? unitType] {
      var item = OrderItem(id: make(.orderLineItem), product: p, quantity: off, skuID: sku?.id)
      item.price = unitPrice(of: unitType)
      item.relatedObject = sku == nil ? "product" : "sku"
      item.discountQuantity = off
      orders[oi].items.append(item)
    }
  }

  /// The price of one free unit of a `UNIT` discount's `unit_type`: a SKU's own price (else its product's), or a
  /// product's; 0 for an id the catalogue does not have.
  public func unitPrice(of unitType: String) -> Int {
    if let sku = skus[id: unitType] { return sku.fields.price ?? products[id: sku.productID]?.price ?? 0 }
    return products[id: unitType]?.price ?? 0
  }

  /// Emits a redemption event (`redemption.*` or `customer.redemption.*`) in its documented key order;
  /// `parentAsRedeemed` replaces the rolled-back redemption's current state in `redemption`.
  mutating func emitRedemption(
    _ type: String, _ r: Redemption, order: String?, rollback: Redemption? = nil, parentAsRedeemed: JSONObject? = nil
  ) throws(VoucherifyError) {
    let parent = rollback == nil ? r : r.parentID.flatMap { redemptions[id: $0] } ?? r
    let v = try ifPresent(parent.voucherID) { (it) throws(VoucherifyError) in try self.voucher(it) }
    let tier = parent.promotionTierID.flatMap { id in promotionTiers[id: id] }
    let campaignID = v?.campaignID ?? tier?.campaignID
    let holder: JSON =
      v?.holderID.flatMap { id in customers[id: id] }.map { .object($0.simpleJSON) } ?? .null
    var redeemed: JSONObject
    if let parentAsRedeemed {
      redeemed = parentAsRedeemed
    } else {
      redeemed = try simpleRedemptionJSON(rollback == nil ? r : parent)
    }
    if type.hasPrefix("customer."), r.customerID == nil { return }  // no customer, no customer event
    let members: [String: JSON] = [
      "customer": try simpleCustomer(ifAny: r.customerID).map(JSON.object) ?? .null,
      "order": try ifPresent(order) { (it) throws(VoucherifyError) -> JSON in .object(try self.order(it).simpleJSON)
      } ?? .null,
      "campaign": try ifPresent(campaignID) { (it) throws(VoucherifyError) -> JSON in
        .object(try self.campaign(it).simpleJSON)
      } ?? .null,
      "voucher": v.map { .object($0.simpleJSON) } ?? .null, "holder": holder,
      "promotion_tier": tier.map { .object($0.simpleJSON) } ?? .null,
      "promotion_stack": tier.flatMap { t in promotionStacks.first { $0.tierIDs.contains(t.id) } }.map {
        .object($0.simpleJSON)
      } ?? .null,
      "redemption": .object(redeemed),
      "redemption_rollback": try ifPresent(rollback) { (it) throws(VoucherifyError) -> JSON in
        .object(try simpleRedemptionJSON(it))
      } ?? .null,
      "created_at": .time(r.date),
    ]
    let order: [String] =
      switch type {
      case "redemption.succeeded":
        [
          "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
          "created_at",
        ]
      case "redemption.failed":
        [
          "order", "holder", "voucher", "campaign", "customer", "created_at", "redemption", "promotion_tier",
          "promotion_stack",
        ]
      case "redemption.rollback.succeeded", "redemption.rollback.failed":
        [
          "order", "holder", "voucher", "campaign", "customer", "redemption", "promotion_tier", "promotion_stack",
          "redemption_rollback",
        ]
      case "customer.redemption.rollback.succeeded":
        [
          "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
          "redemption_rollback",
        ]
      default:
        ["customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption"]
      }
    let data = JSONObject(order.compactMap { key in members[key].map { JSONMember(key, $0) } })
    emit(type, entity: type.hasPrefix("customer.") ? r.customerID ?? r.id : r.id, data)
  }
}

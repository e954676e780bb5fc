extension World {
  /// Why `v` cannot be redeemed now, as Voucherify's `(failure_code, failure_message)`, or `nil`.
  func redemptionFailure(_ v: Voucher) -> (String, String)? {
    let c = camp(v.campaignID)
    if v.deleted { return ("resource_not_found", "Resource not found") }
    if !v.active { return ("voucher_disabled", "voucher is disabled") }
    if !c.active { return ("campaign_disabled", "campaign is disabled") }
    if now > v.expirationDate { return ("voucher_expired", "voucher expired") }
    if now < v.startDate { return ("voucher_not_active", "voucher not active") }
    if !v.hasQuantityLeft { return ("quantity_exceeded", "quantity exceeded") }
    if v.campaignType == .giftVouchers && v.giftBalance <= 0 { return ("gift_amount_exceeded", "gift amount exceeded") }
    return nil
  }

  /// Redeems a voucher for a customer on a new order of `lines` (random lines when empty), paid at once.
  ///
  /// Success: the order gets the discount (or gift credits), `redeemed_quantity` counts up, and the events are
  /// `redemption.succeeded`, `customer.redemption.succeeded`, a gift transaction for gift cards, the referrer's
  /// `customer.rewarded` for referral codes, then `customer.order.created` and `customer.order.paid` (with any
  /// loyalty points it earns). Failure (exhausted, inactive, expired, …): `redemption.failed` only.
  public mutating func redeem(
    voucherID: String, customerID: String, lines: [OrderLine] = [], channel: EventChannel = .api
  ) throws(WorldOperationError) -> Emitted<Redemption> {
    let vi = try index(vouchers, voucherID, "voucher")
    _ = try index(customers, customerID, "customer")
    guard vouchers[vi].campaignType != .loyaltyProgram else {
      throw .invalid("loyalty card '\(vouchers[vi].code)' is redeemed through rewards (redeemReward)")
    }
    begin(channel, gap: 5_000...600_000)
    let ci = customers.firstIndex { $0.id == customerID }!
    var r = Redemption(
      id: "", kind: .redemption, succeeded: true, date: now, customerID: customerID,
      trackingID: make(.tracking), channelID: channel == .userPortal ? userID : appID,
      channelType: channel == .userPortal ? "USER" : "API")
    r.voucherID = voucherID
    if let (code, message) = redemptionFailure(vouchers[vi]) {
      r.id = make(.redemptionFailed)
      r.succeeded = false
      r.failureCode = code
      r.failureMessage = message
      redemptions.append(r)
      customers[ci].redemptions.failed += 1
      emitRedemption("redemption.failed", r, order: nil)
      return finish(r)
    }
    let o = try placeOrder(customerID: customerID, lines: lines, status: .paid)
    let oi = orders.count - 1
    tick()
    r.date = now
    r.id = make(.redemption)
    r.orderID = o.id
    r.discount = applyDiscount(voucherIndex: vi, orderIndex: oi, redemption: &r)
    orders[oi].redemptions.append(
      .init(
        id: r.id, date: now, relatedObjectType: "voucher", relatedObjectID: voucherID,
        relatedObjectParentID: vouchers[vi].campaignID))
    vouchers[vi].redeemedQuantity += 1
    vouchers[vi].updatedAt = now
    campaigns[campaigns.firstIndex { $0.id == vouchers[vi].campaignID }!].redeemedQuantity += 1
    customers[ci].redemptions.succeeded += 1
    if vouchers[vi].campaignType == .referralProgram, let referrer = vouchers[vi].holderID, referrer != customerID {
      orders[oi].referrerID = referrer
      customers[ci].referrals.append(
        .init(campaignID: vouchers[vi].campaignID, referrerID: referrer, redemptionID: r.id, date: now))
    }
    redemptions.append(r)
    emitRedemption("redemption.succeeded", r, order: o.id)
    emitRedemption("customer.redemption.succeeded", r, order: o.id)
    if vouchers[vi].campaignType == .giftVouchers { emitGiftRedemption(r, refund: false) }
    if let referrer = orders[oi].referrerID {
      emitReferred(r, referrerID: referrer)
      rewardReferrer(referrer, for: r)
    }
    emitOrder("customer.order.created", o.id, redemptionID: r.id)
    customers[ci].orders.totalCount += 1
    customers[ci].orders.totalAmount += orders[oi].totalAmount
    customers[ci].orders.lastOrderAmount = orders[oi].totalAmount
    customers[ci].orders.lastOrderDate = now
    orders[oi].updatedAt = now
    emitOrder("customer.order.paid", o.id, redemptionID: r.id)
    earnPoints(forPaidOrder: o.id, event: pending.last!)
    return finish(r)
  }

  /// Applies a voucher's value to an order and returns the discount in cents.
  private mutating func applyDiscount(voucherIndex vi: Int, orderIndex oi: Int, redemption r: inout Redemption) -> Int {
    let v = vouchers[vi]
    if v.campaignType == .giftVouchers {
      let used = min(v.giftBalance, orders[oi].totalAmount)
      vouchers[vi].giftBalance -= used
      vouchers[vi].redeemedAmount += used
      orders[oi].discountAmount += used
      r.amount = used
      customers[customers.firstIndex { $0.id == r.customerID }!].redemptions.giftRedeemedAmount += used
      return used
    }
    guard let discount = v.discount else { return 0 }
    if case .unit(let off, let productID) = discount {
      if let ii = orders[oi].items.firstIndex(where: { $0.product.id == productID }) {
        orders[oi].items[ii].quantity += off
        orders[oi].items[ii].discountQuantity += off
      } else if let p = products.first(where: { $0.id == productID }) {
        var item = OrderItem(id: make(.orderLineItem), product: p, quantity: off)
        item.discountQuantity = off
        orders[oi].items.append(item)
      }
      return orders[oi].itemsDiscountAmount
    }
    let d = discount.discount(orderAmount: orders[oi].totalAmount)
    orders[oi].discountAmount += d
    return d
  }

  /// Emits a redemption event (`redemption.*` or `customer.redemption.*`) in its documented key order;
  /// `parentAsRedeemed` replaces the rolled-back redemption's current state in `redemption`.
  mutating func emitRedemption(
    _ type: String, _ r: Redemption, order: String?, rollback: Redemption? = nil, parentAsRedeemed: JSONObject? = nil
  ) {
    let parent = rollback == nil ? r : redemptions.first { $0.id == r.parentID } ?? r
    let v = parent.voucherID.map { vouch($0) }
    let tier = parent.promotionTierID.flatMap { id in promotionTiers.first { $0.id == id } }
    let campaignID = v?.campaignID ?? tier?.campaignID
    let holder: JSON =
      v?.holderID.flatMap { id in customers.first { $0.id == id } }.map { .object($0.simpleJSON) } ?? .null
    let members: [String: JSON] = [
      "customer": .object(simpleCustomer(r.customerID)),
      "order": order.map { .object(ord($0).simpleJSON) } ?? .null,
      "campaign": campaignID.map { .object(camp($0).simpleJSON) } ?? .null,
      "voucher": v.map { .object($0.simpleJSON) } ?? .null, "holder": holder,
      "promotion_tier": tier.map { .object($0.simpleJSON) } ?? .null,
      "promotion_stack": tier.flatMap { t in promotionStacks.first { $0.tierIDs.contains(t.id) } }.map {
        .object($0.simpleJSON)
      } ?? .null,
      "redemption": .object(parentAsRedeemed ?? simpleRedemptionJSON(rollback == nil ? r : parent)),
      "redemption_rollback": rollback.map { .object(simpleRedemptionJSON($0)) } ?? .null,
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
    let data = JSONObject(order.map { JSONMember($0, members[$0]!) })
    emit(type, entity: type.hasPrefix("customer.") ? r.customerID : r.id, data)
  }
}

extension World {
  /// `SimpleCustomer` of `id`.
  func simpleCustomer(_ id: String) throws(VoucherifyError) -> JSONObject { try self.customer(id).simpleJSON }
  /// `SimpleCustomer` of `id`, or `nil` for a call that named no customer.
  func simpleCustomer(ifAny id: String?) throws(VoucherifyError) -> JSONObject? {
    try ifPresent(id) { (it) throws(VoucherifyError) in try self.customer(it).simpleJSON }
  }
  /// The customer as publications embed it.
  func customerRef(_ id: String) throws(VoucherifyError) -> JSONObject { try self.customer(id).publicationJSON }

  /// `SimpleRedemption` of `r`, with its order, customer and voucher as they are now.
  func simpleRedemptionJSON(_ r: Redemption) throws(VoucherifyError) -> JSONObject {
    r.json(
      order: try ifPresent(r.orderID) { (it) throws(VoucherifyError) in try self.order(it).simpleJSON },
      customer: try simpleCustomer(ifAny: r.customerID),
      voucher: try ifPresent(r.voucherID) { (it) throws(VoucherifyError) in try self.voucher(it).simpleJSON },
      promotionTier: r.promotionTierID.flatMap { id in promotionTiers[id: id]?.simpleJSON })
  }

  /// The redemption (or rollback) `id` as the REST API answers it: `RedemptionInternal`, its order calculated, and
  /// a rolled-back `status` spelled `ROLLED_BACK` as the REST schema (`RedemptionBase`) has it (webhooks'
  /// `SimpleRedemption` spells it `ROLLED BACK`), with the REST members `channel`, `related_object_type` and
  /// `related_object_id` after the customer.
  public func redemptionJSON(_ id: String) throws(VoucherifyError) -> JSONObject {
    let r = try redemption(id)
    return restRedemptionJSON(r, try internalRedemptionJSON(r))
  }

  /// `o` (a redemption rendered for events) as the REST API answers it: `ROLLED_BACK`, and after `customer` its
  /// `channel` and what it redeemed (`RedemptionBase`: a voucher, a promotion tier, or, for a stacked redemption's
  /// parent, the redemption itself, as the spec's "Stacked Redemption" example).
  func restRedemptionJSON(_ r: Redemption, _ o: JSONObject) -> JSONObject {
    let related: (type: String, id: String) =
      r.voucherID.map { ("voucher", $0) } ?? r.promotionTierID.map { ("promotion_tier", $0) } ?? ("redemption", r.id)
    var out = JSONObject()
    for m in o.members {
      out[m.key] = m.key == "status" && m.value == "ROLLED BACK" ? "ROLLED_BACK" : m.value
      guard m.key == "customer" else { continue }
      out["channel"] = ["channel_id": .string(r.channelID), "channel_type": .string(r.channelType)]
      out["related_object_type"] = .string(related.type)
      out["related_object_id"] = .string(related.id)
    }
    return out
  }

  /// The order `id` as the REST API answers it (`OrderCalculated`).
  public func orderJSON(_ id: String) throws(VoucherifyError) -> JSONObject {
    let o = try order(id)
    return o.calculatedJSON(customer: o.customerID.flatMap { try? customer($0) })
  }

  /// `RedemptionInternal` of `r`: order calculated (`null` when the redemption has none, e.g. a reward
  /// redemption), full voucher, and `reward` after the order when given.
  func internalRedemptionJSON(_ r: Redemption, reward: JSONObject? = nil) throws(VoucherifyError) -> JSONObject {
    let o = r.json(
      order: try ifPresent(r.orderID) { (it) throws(VoucherifyError) in
        try self.order(it).calculatedJSON(customer: r.customerID.flatMap { try? self.customer($0) })
      },
      customer: try simpleCustomer(ifAny: r.customerID),
      voucher: try ifPresent(r.voucherID) { (it) throws(VoucherifyError) in try self.voucher(it).fullJSON })
    var out = JSONObject()
    let withReward = { (out: inout JSONObject) in if let reward { out["reward"] = .object(reward) } }
    for m in o.members where m.key != "channel" {
      if m.key == "customer", o["order"] == nil {
        out["order"] = .null
        withReward(&out)
      }
      out[m.key] = m.value
      if m.key == "order" { withReward(&out) }
    }
    return out
  }

  /// A loyalty card balance (`VoucherBalance` / `LoyaltiesMembersBalanceUpdateResponseBody`) after `points` changed.
  func loyaltyBalanceJSON(_ v: Voucher, points: Int, operation: String) -> JSONObject {
    [
      "type": "loyalty_card", "total": .int(v.loyaltyPoints), "object": "balance", "points": .int(points),
      "balance": .int(v.loyaltyBalance), "operation_type": .string(operation),
      "related_object": ["id": .string(v.id), "type": "voucher"],
    ]
  }

  /// The pending-points balance of a card (`voucher_pending_points_balance`).
  func pendingBalanceJSON(_ v: Voucher, points: Int, operation: String) -> JSONObject {
    [
      "type": "loyalty_card", "total": .int(v.pendingPoints), "object": "balance", "points": .int(points),
      "balance": .int(v.loyaltyBalance), "operation_type": .string(operation),
      "related_object": ["id": .string(v.id), "type": "voucher"],
    ]
  }

  /// A gift card balance (`VouchersBalanceUpdateResponseBody`) after `amount` changed.
  func giftBalanceJSON(_ v: Voucher, amount: Int, operation: String) -> JSONObject {
    [
      "type": "gift_voucher", "total": .int(v.giftAmount), "amount": .int(amount), "object": "balance",
      "balance": .int(v.giftBalance), "operation_type": "MANUAL",
      "related_object": ["id": .string(v.id), "type": "voucher"],
    ]
  }
}

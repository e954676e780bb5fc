extension World {
  /// The customer with `id`; operations check ids before rendering.
  func cust(_ id: String) -> Customer { customers.first { $0.id == id }! }
  /// The campaign with `id`.
  func camp(_ id: String) -> Campaign { campaigns.first { $0.id == id }! }
  /// The voucher with `id`.
  func vouch(_ id: String) -> Voucher {
    if let i = voucherIndexByID[id], i < vouchers.count, vouchers[i].id == id { return vouchers[i] }
    return vouchers.first { $0.id == id }!
  }
  /// The order with `id`.
  func ord(_ id: String) -> Order { orders.first { $0.id == id }! }

  /// `SimpleCustomer` of `id`.
  func simpleCustomer(_ id: String) -> JSONObject { cust(id).simpleJSON }
  /// The customer as publications embed it.
  func customerRef(_ id: String) -> JSONObject { cust(id).publicationJSON }

  /// `SimpleRedemption` of `r`, with its order, customer and voucher as they are now.
  func simpleRedemptionJSON(_ r: Redemption) -> JSONObject {
    r.json(
      order: r.orderID.map { ord($0).simpleJSON }, customer: simpleCustomer(r.customerID),
      voucher: r.voucherID.map { vouch($0).simpleJSON },
      promotionTier: r.promotionTierID.flatMap { id in promotionTiers.first { $0.id == id }?.simpleJSON })
  }

  /// `RedemptionInternal` of `r`: order calculated, full voucher.
  func internalRedemptionJSON(_ r: Redemption, reward: JSONObject? = nil) -> JSONObject {
    var o = r.json(
      order: r.orderID.map { ord($0).calculatedJSON(customer: cust(r.customerID)) },
      customer: simpleCustomer(r.customerID), voucher: r.voucherID.map { vouch($0).fullJSON })
    if let reward {
      var out = JSONObject()
      for m in o.members {
        out[m.key] = m.value
        if m.key == "order" { out["reward"] = .object(reward) }
      }
      o = out
    }
    o["channel"] = nil
    return o
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

extension Voucher {
  /// The `discount`, `gift` or `loyalty_card` member.
  var valueMember: (String, JSON)? {
    switch campaignType {
    case .giftVouchers:
      return ("gift", ["amount": .int(giftAmount), "balance": .int(giftBalance), "effect": "APPLY_TO_ORDER"])
    case .loyaltyProgram:
      // Every member real cards carry (the official examples'), `null` where nothing is due.
      let card: JSONObject = [
        "points": .int(loyaltyPoints), "balance": .int(loyaltyBalance),
        "next_expiration_date": nextExpirationDate.map(JSON.string) ?? .null,
        "next_expiration_points": nextExpirationPoints.map(JSON.int) ?? .null, "pending_points": .int(pendingPoints),
      ]
      return ("loyalty_card", .object(card))
    default: return discount.map { ("discount", .object($0.json)) }
    }
  }

  /// `discount`, `gift` and `loyalty_card`, the one of the voucher's type filled and the others `null`, as the full
  /// voucher object always carries all three.
  var valueMembers: [JSONMember] {
    let own = valueMember
    return ["discount", "gift", "loyalty_card"].map { key in JSONMember(key, own?.0 == key ? own?.1 ?? .null : .null) }
  }

  /// `redemption` counters (`quantity` `null` when unlimited); `full` adds the list reference the full voucher carries.
  func redemptionJSON(full: Bool) -> JSONObject {
    var o: JSONObject = [:]
    o["quantity"] = .num(redemptionQuantity)
    o["redeemed_quantity"] = .int(redeemedQuantity)
    if campaignType == .giftVouchers { o["redeemed_amount"] = .int(redeemedAmount) }
    if campaignType == .loyaltyProgram { o["redeemed_points"] = .int(redeemedPoints) }
    if full {
      o["object"] = "list"
      o["url"] = .string("/v1/vouchers/\(code)/redemptions?page=1&limit=10")
    }
    return o
  }

  /// `SimpleVoucher`.
  public var simpleJSON: JSONObject {
    var o: JSONObject = ["id": .string(id), "code": .string(code)]
    if let (k, v) = valueMember { o[k] = v }
    o["type"] = .string(type)
    o["campaign"] = .string(campaignName)
    o["campaign_id"] = .string(campaignID)
    o["is_referral_code"] = .bool(campaignType == .referralProgram)
    o.put("holder_id", holderID.map { .string($0) })
    o.put("referrer_id", referrerID.map { .string($0) })
    o["category_id"] = .string(category.id)
    o["active"] = .bool(active)
    o["created_at"] = .time(createdAt)
    o.put("updated_at", updatedAt.map { .time($0) })
    o["redemption"] = .object(redemptionJSON(full: false))
    o["start_date"] = .time(startDate)
    o["expiration_date"] = .time(expirationDate)
    o["metadata"] = .object(metadata)
    o["object"] = "voucher"
    o["categories"] = [.object(category.json)]
    return o
  }

  /// `Voucher`: the full voucher object of voucher lifecycle events.
  public var fullJSON: JSONObject {
    // Appended, not assigned: every key is new, and assigning searched the members for each (a twentieth of a
    // cache-miss GET).
    var o = JSONObject()
    o.reserveCapacity(32)
    o.append("id", .string(id))
    o.append("code", .string(code))
    o.append("campaign", .string(campaignName))
    o.append("campaign_id", .string(campaignID))
    o.append("category", .string(category.name))
    o.append("category_id", .string(category.id))
    o.append("categories", [.object(category.json)])
    o.append("type", .string(type))
    for m in valueMembers { o.append(m.key, m.value) }
    o.append("start_date", .time(startDate))
    o.append("expiration_date", .time(expirationDate))
    o.append("active", .bool(active))
    o.append("metadata", .object(metadata))
    o.append(
      "assets",
      [
        "qr": ["id": .string(qrID), "url": .string("https://dl.voucherify.io/api/v1/assets/qr/\(qrID)")],
        "barcode": [
          "id": .string(barcodeID), "url": .string("https://dl.voucherify.io/api/v1/assets/barcode/\(barcodeID)"),
        ],
      ])
    o.append("is_referral_code", .bool(campaignType == .referralProgram))
    o.append("created_at", .time(createdAt))
    o.append("updated_at", .time(updatedAt))
    if let holderID { o.append("holder_id", .string(holderID)) }
    o.append(
      "validation_rules_assignments",
      [
        "object": "list", "data_ref": "data", "data": .array(ruleAssignments.map { .object($0.json) }),
        "total": .int(ruleAssignments.count),
      ])
    if let referrerID { o.append("referrer_id", .string(referrerID)) }
    o.append("additional_info", .str(additionalInfo))
    o.append("validity_timeframe", .null)
    o.append("validity_day_of_week", .null)
    o.append("validity_hours", .null)
    o.append("redemption", .object(redemptionJSON(full: true)))
    o.append(
      "publish",
      [
        "object": "list", "count": .int(publishCount),
        "url": .string("/v1/vouchers/\(code)/publications?page=1&limit=10"),
      ])
    o.append("object", "voucher")
    return o
  }
}

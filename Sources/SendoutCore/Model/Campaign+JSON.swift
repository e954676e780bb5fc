extension Campaign {
  /// `SimpleCampaignVoucher`: the voucher template as events embed it.
  var simpleVoucherJSON: JSONObject {
    var o: JSONObject = ["type": .string(campaignType.voucherType)]
    if let (k, v) = valueMember { o[k] = v }
    o["redemption"] = ["quantity": .num(redemptionQuantity), "redeemed_quantity": .int(redeemedQuantity)]
    o["code_config"] = .object(codeConfig.json)
    return o
  }

  /// `referral_program` for referral campaigns.
  var referralProgramJSON: JSONObject {
    [
      "conversion_event_type": "redemption",
      "referee_reward": [
        "type": "GIFT_VOUCHER", "amount": .string(String(referrerRewardCredits ?? 0)),
        "related_object_parent": ["id": .string(id), "name": .string(name), "object": "CAMPAIGN"],
      ],
    ]
  }

  /// `SimpleCampaign`.
  public var simpleJSON: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "name": .string(name), "campaign_type": .string(campaignType.rawValue), "type": .string(type),
      "is_referral_code": .bool(isReferral),
    ]
    if campaignType != .promotion { o["voucher"] = .object(simpleVoucherJSON) }
    if isReferral { o["referral_program"] = .object(referralProgramJSON) }
    o["auto_join"] = .bool(autoJoin)
    o["join_once"] = .bool(joinOnce)
    o["active"] = .bool(active)
    o["category_id"] = .string(category.id)
    o["category"] = .string(category.name)
    o["metadata"] = .object(metadata)
    o["start_date"] = .time(startDate)
    o["expiration_date"] = .time(expirationDate)
    o["description"] = .string(description)
    o["created_at"] = .time(createdAt)
    o.put("updated_at", updatedAt.map { .time($0) })
    o["object"] = "campaign"
    return o
  }

  /// `Campaign`: the full campaign object of campaign lifecycle events.
  public var fullJSON: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "name": .string(name), "description": .string(description),
      "campaign_type": .string(campaignType.rawValue), "type": .string(type),
    ]
    if campaignType != .promotion {
      var v: JSONObject = ["type": .string(campaignType.voucherType)]
      if let (k, value) = valueMember { v[k] = value }
      v["redemption"] = ["quantity": .num(redemptionQuantity)]
      v["code_config"] = .object(codeConfig.json)
      v["is_referral_code"] = .bool(isReferral)
      v["start_date"] = .time(startDate)
      v["expiration_date"] = .time(expirationDate)
      o["voucher"] = .object(v)
    }
    o["auto_join"] = .bool(autoJoin)
    o["join_once"] = .bool(joinOnce)
    o["use_voucher_metadata_schema"] = true
    o["start_date"] = .time(startDate)
    o["expiration_date"] = .time(expirationDate)
    if campaignType != .promotion { o["vouchers_count"] = .int(vouchersCount) }
    o["active"] = .bool(active)
    o["metadata"] = .object(metadata)
    o["created_at"] = .time(createdAt)
    o.put("updated_at", updatedAt.map { .time($0) })
    o["category"] = .string(category.name)
    o["creation_status"] = "DONE"
    o["vouchers_generation_status"] = "DONE"
    o["protected"] = false
    o["category_id"] = .string(category.id)
    o["categories"] = [.object(category.json)]
    if campaignType == .loyaltyProgram {
      o["loyalty_tiers_expiration"] = [
        "qualification_type": "BALANCE", "start_date": ["type": "IMMEDIATE"],
        "expiration_date": ["type": "CUSTOM", "extend": "P2M", "rounding": ["type": "MONTH", "strategy": "END"]],
      ]
    }
    if isReferral { o["referral_program"] = .object(referralProgramJSON) }
    o["object"] = "campaign"
    return o
  }
}

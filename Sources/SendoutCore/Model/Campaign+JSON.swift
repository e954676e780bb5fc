extension Campaign {
  /// `discount`, `gift` and `loyalty_card` of the voucher template: the one of the campaign's type filled, the
  /// others `null` (as in the official examples).
  var valueMembers: [JSONMember] {
    let own = valueMember
    return ["discount", "gift", "loyalty_card"].map { key in JSONMember(key, own?.0 == key ? own?.1 ?? .null : .null) }
  }

  /// `SimpleCampaignVoucher`: the voucher template as events embed it. The template is never redeemed itself, so
  /// its `redeemed_quantity` is always 0 (the campaign's vouchers count their own redemptions).
  var simpleVoucherJSON: JSONObject {
    var o: JSONObject = ["type": .string(campaignType.voucherType)]
    for m in valueMembers { o[m.key] = m.value }
    o["redemption"] = ["quantity": .num(redemptionQuantity), "redeemed_quantity": 0]
    var code = codeConfig.json
    code["min_desired"] = 1
    o["code_config"] = .object(code)
    return o
  }

  /// `referral_program` for referral campaigns; `referee_reward.amount` an integer, as the REST spec's
  /// `ReferralProgram` and the official webhook examples have it (the webhook schemas say string).
  var referralProgramJSON: JSONObject {
    [
      "conversion_event_type": "redemption",
      "referee_reward": [
        "type": "GIFT_VOUCHER", "amount": .int(referrerRewardCredits ?? 0),
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
    // Never `null`: real payloads carry it (its creation until changed).
    o["updated_at"] = .time(updatedAt ?? createdAt)
    o["object"] = "campaign"
    return o
  }

  /// `Campaign` as the REST API answers it: `fullJSON` whose voucher template holds only its own kind's value
  /// (`discount`, `gift` or `loyalty_card`), as every campaign in the spec's REST examples does; the spec's
  /// `CampaignVoucher` types them as objects, never `null` (the webhook examples keep the `null`s).
  public var restJSON: JSONObject {
    var o = fullJSON
    guard let voucher = o["voucher"]?.objectValue else { return o }
    let values: Set<String> = ["discount", "gift", "loyalty_card"]
    o["voucher"] = .object(JSONObject(voucher.members.filter { !values.contains($0.key) || $0.value != .null }))
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
      for m in valueMembers { v[m.key] = m.value }
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
    // Never `null`: real payloads carry it (its creation until changed).
    o["updated_at"] = .time(updatedAt ?? createdAt)
    o["category"] = .string(category.name)
    o["creation_status"] = "DONE"
    o["vouchers_generation_status"] = "DONE"
    o["protected"] = false
    o["category_id"] = .string(category.id)
    o["categories"] = [.object(category.json)]
    if campaignType == .loyaltyProgram {
      // The rule the world follows (World.tier(in:points:)): a member is in the tier whose range holds the current
      // balance, joins it at once and leaves it as soon as the balance drops below it ("qualification based on
      // the current point balance", support.voucherify.io/article/587-tier-qualification-rules).
      o["loyalty_tiers_expiration"] = [
        "qualification_type": "BALANCE", "start_date": ["type": "IMMEDIATE"],
        "expiration_date": ["type": "BALANCE_DROP"],
      ]
    }
    if isReferral { o["referral_program"] = .object(referralProgramJSON) }
    for m in settings.members { o[m.key] = m.value }
    o["object"] = "campaign"
    return o
  }
}

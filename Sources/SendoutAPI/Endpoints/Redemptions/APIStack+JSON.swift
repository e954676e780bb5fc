import SendoutCore

/// How validations and redemptions answer a stack's outcomes (`ValidationsRedeemable{Applicable,Inapplicable,
/// Skipped}`), the order a validation would give, and the stacking rules the mock applies.
extension APIStack {
  /// The stacking rules in force as a validation answers them: the project's (Voucherify's defaults until the
  /// Management API sets them).
  static func stackingRules(_ world: World) -> JSON {
    let settings = world.stackingRulesInForce.settings
    var o = JSONObject()
    for key in Self.answeredRules { o[key] = settings[key] ?? .null }
    return .object(o)
  }

  /// The stacking rules a validation names, in its order.
  private static let answeredRules = [
    "redeemables_limit", "applicable_redeemables_limit", "applicable_exclusive_redeemables_limit",
    "applicable_exclusive_redeemables_per_category_limit", "exclusive_categories", "joint_categories",
    "redeemables_application_mode", "redeemables_sorting_rule", "redeemables_products_application_mode",
    "redeemables_no_effect_rule",
  ]

  /// One outcome as the spec's redeemable: `APPLICABLE` with `result`, `INAPPLICABLE` with `result.error`, or
  /// `SKIPPED` with `result.details`. `order` (with `expand: order`) is the order up to and with this redeemable.
  func json(_ outcome: StackOutcome, in world: World, order: JSONObject?) -> JSON {
    var o: JSONObject = [:]
    let status = outcome.failure != nil ? "INAPPLICABLE" : outcome.skip != nil ? "SKIPPED" : "APPLICABLE"
    o["status"] = .string(status)
    o["id"] = .string(outcome.redeemable.id)
    o["object"] = .string(outcome.redeemable.kind.rawValue)
    if let failure = outcome.failure {
      var error = failure
      if failure.status == 404 {
        error.resourceID = outcome.redeemable.id
        error.resourceType = outcome.redeemable.kind.rawValue
      }
      var body = error.body(requestID: "").objectValue ?? [:]
      body["request_id"] = nil
      let message = failure.ruleMessage ?? failure.message
      o["result"] = ["error": .object(body), "details": ["key": .string(failure.key), "message": .string(message)]]
    } else if let skip = outcome.skip {
      let message =
        skip == .precedingValidationFailed
        ? "Redeemable cannot be applied due to preceding validation failure" : "Applicable redeemables limit exceeded"
      o["result"] = ["details": ["key": .string(skip.rawValue), "message": .string(message)]]
    } else {
      if let order, expand.contains("order") { o["order"] = .object(order) }
      let applicability = world.applicability(
        voucher: outcome.voucherID.flatMap { world.vouchers[id: $0] },
        tier: outcome.tierID.flatMap { world.promotionTiers[id: $0] })
      o["applicable_to"] = Self.list(applicability.flatMap(\.included))
      o["inapplicable_to"] = Self.list(applicability.flatMap(\.excluded))
      o["result"] = .object(result(outcome, in: world))
    }
    o["metadata"] = .object(
      outcome.voucherID.flatMap { world.vouchers[id: $0]?.metadata } ?? outcome.tierID.flatMap {
        world.promotionTiers[id: $0]?.metadata
      } ?? [:])
    o["categories"] = []
    if expand.contains("redeemable") {
      let campaignID =
        outcome.voucherID.flatMap { world.vouchers[id: $0]?.campaignID }
        ?? outcome.tierID.flatMap { world.promotionTiers[id: $0]?.campaignID }
      if let campaign = campaignID.flatMap({ world.campaigns[id: $0] }) {
        o["campaign_name"] = .string(campaign.name)
        o["campaign_id"] = .string(campaign.id)
      }
      if let tier = outcome.tierID.flatMap({ world.promotionTiers[id: $0] }) { o["name"] = .string(tier.name) }
    }
    return .object(o)
  }

  /// What an applicable redeemable does: a gift card's credits, or the discount of a code or tier.
  private func result(_ outcome: StackOutcome, in world: World) -> JSONObject {
    if let tier = outcome.tierID.flatMap({ world.promotionTiers[id: $0] }) {
      return ["discount": .object(tier.discount.json)]
    }
    guard let v = outcome.voucherID.flatMap({ world.vouchers[id: $0] }) else { return [:] }
    if v.campaignType == .giftVouchers {
      return ["gift": ["balance": .int(v.giftBalance), "credits": .int(outcome.discount)]]
    }
    return v.discount.map { ["discount": .object($0.json)] } ?? [:]
  }

  /// The order a validation describes (`OrderCalculated`, never stored): the request's amount with the applicable
  /// redeemables' discounts, free units added as discounted items, as a redemption would place it; `described` is
  /// the order as sent (`id` of an existing one, `source_id`, `items`, `metadata`).
  static func order(
    _ evaluation: StackEvaluation, upTo end: Int? = nil, customerID: String?, described: JSONObject = [:],
    in world: World
  ) -> JSONObject {
    var discount = 0
    var units = 0
    var itemsOff = 0
    var lines = (described["items"]?.arrayValue ?? []).map { _ in 0 }
    for outcome in evaluation.outcomes.prefix(end ?? evaluation.outcomes.count) where outcome.applicable {
      let v = outcome.voucherID.flatMap { world.vouchers[id: $0] }
      if !outcome.itemDiscounts.isEmpty {
        for (i, cents) in outcome.itemDiscounts.enumerated() where i < lines.count { lines[i].addSaturating(cents) }
        itemsOff.addSaturating(outcome.discount)
      } else if case .unit = v?.discount, v?.campaignType != .giftVouchers {
        units.addSaturating(outcome.discount)
      } else {
        discount.addSaturating(outcome.discount)
      }
    }
    // Free units are added to the order and discounted; item-level discounts come off lines already in it.
    let amount = evaluation.orderAmount.addingSaturated(units)
    units.addSaturating(itemsOff)
    let total = discount.addingSaturated(units)
    var o = JSONObject()
    for key in ["id", "source_id"] { o[key] = described[key] }
    o["amount"] = .int(amount)
    if discount > 0 {
      o["discount_amount"] = .int(discount)
      o["applied_discount_amount"] = .int(discount)
    }
    if units > 0 {
      o["items_discount_amount"] = .int(units)
      o["items_applied_discount_amount"] = .int(units)
    }
    if total > 0 {
      o["total_discount_amount"] = .int(total)
      o["total_applied_discount_amount"] = .int(total)
    }
    o["total_amount"] = .int(amount.subtractingSaturated(total))
    let items = (described["items"]?.arrayValue ?? []).enumerated().map { i, item in
      lines[i] > 0 ? JSON.object(Self.discounted(item.objectValue ?? [:], by: lines[i])) : item
    }
    o["items"] = .array(items)
    o["metadata"] = described["metadata"] ?? [:]
    if let customerID { o["customer_id"] = .string(customerID) }
    o["object"] = "order"
    return o
  }

  /// An `ApplicableToResultList` of `targets`, each as its rule gave it.
  static func list(_ targets: [ApplicableTo.Target]) -> JSON {
    let data = targets.map { JSON.object($0.json) }
    return ["data": .array(data), "total": .int(data.count), "data_ref": "data", "object": "list"]
  }

  /// An order line (`OrderItemCalculated`) `cents` off: `discount_amount` and `applied_discount_amount` after its
  /// `amount`, and `subtotal_amount` (`amount − discount_amount`), in the spec's key order.
  static func discounted(_ item: JSONObject, by cents: Int) -> JSONObject {
    let amount = item["amount"]?.intValue ?? 0
    let total = (item["discount_amount"]?.intValue ?? 0).addingSaturated(cents)
    var o = JSONObject()
    for member in item.members where !["discount_amount", "applied_discount_amount"].contains(member.key) {
      o[member.key] = member.key == "subtotal_amount" ? .int(amount.subtractingSaturated(total)) : member.value
      if member.key == "amount" {
        o["discount_amount"] = .int(total)
        o["applied_discount_amount"] = .int(total)
      }
    }
    return o
  }
}

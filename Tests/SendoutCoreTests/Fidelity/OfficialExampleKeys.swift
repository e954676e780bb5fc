import SendoutCore

/// The key walker of `OfficialExampleKeysTests` and its allowlist of justified omissions.
enum OfficialExampleKeys {
  /// Objects keyed by ids or names (`order.redemptions.r_…`, `loyalty_tier.earning_rules.ern_…`,
  /// `customer.loyalty.campaigns.<name>`, validation `rules."1"`): their keys are data, so the walker compares
  /// the union of their values' keys instead (`path{}`).
  static let idKeyedMaps: Set<String> = ["redemptions", "earning_rules", "rewards", "campaigns", "rules"]

  /// Adds to `out` the path of every key `example` has and `ours` lacks. Arrays compare the union of their object
  /// elements' keys (`path[]`); `metadata` is free-form and not walked; a `null` or scalar on either side ends the walk
  /// (`null` is how we write an object the event has none of).
  static func missing(_ example: JSON, _ ours: JSON, at path: String, into out: inout Set<String>) {
    switch (example, ours) {
    case (.object(let e), .object(let o)):
      for m in e.members {
        let p = path.isEmpty ? m.key : path + "." + m.key
        guard let mine = o[m.key] else {
          out.insert(p)
          continue
        }
        if m.key == "metadata" { continue }
        if idKeyedMaps.contains(m.key), case .object(let em) = m.value, case .object(let om) = mine {
          missing(merged(em.members.map(\.value)), merged(om.members.map(\.value)), at: p + "{}", into: &out)
          continue
        }
        missing(m.value, mine, at: p, into: &out)
      }
    case (.array(let e), .array(let o)):
      missing(merged(e), merged(o), at: path + "[]", into: &out)
    default:
      break
    }
  }

  /// One object with every key of the object `values` (first value wins), or `null` when there is none.
  static func merged(_ values: [JSON]) -> JSON {
    var out = JSONObject()
    var any = false
    for case .object(let o) in values {
      any = true
      for m in o.members where out[m.key] == nil { out[m.key] = m.value }
    }
    return any ? .object(out) : .null
  }

  /// The allowlist entry explaining `path` missing from `type`, if any: `type|path` or `*|path`, where a path
  /// starting with `*.` matches any path ending with the rest.
  static func rule(for type: String, path: String) -> String? {
    for event in [type, "*"] {
      if allowed["\(event)|\(path)"] != nil { return "\(event)|\(path)" }
      let parts = path.split(separator: ".").map(String.init)
      for i in parts.indices.dropFirst() {
        let key = "\(event)|*." + parts[i...].joined(separator: ".")
        if allowed[key] != nil { return key }
      }
    }
    return nil
  }

  /// Justified omissions: `event|path` → why our render may lack the key. Keep each entry explained; an entry that
  /// matches nothing fails the test.
  static let allowed: [String: String] = [
    // Discount members depend on the discount's type and limits; the examples' vouchers use other discounts
    // (percent with limits, units) than the sample world's.
    "*|*.discount.units": "unit discounts only",
    "*|*.discount.unit_off": "unit discounts only",
    "*|*.discount.unit_type": "unit discounts only",
    "*|*.discount.amount_off": "amount discounts only",
    "*|*.discount.percent_off": "percent discounts only",
    "*|*.discount.amount_limit": "percent discounts with a limit only",
    "*|*.discount.aggregated_amount_limit": "discounts with an aggregated limit only",
    // Order discount members are written only when a discount of that kind applies to the order.
    "*|*.order.discount_amount": "only when an order-level discount applies",
    "*|*.order.total_discount_amount": "only when a discount applies",
    "*|*.order.items_discount_amount": "only when an item-level (unit) discount applies",
    "*|*.order.items_applied_discount_amount": "only when an item-level (unit) discount applies",
    "*|*.items[].discount_quantity": "only on items a unit discount added",
    "*|*.items[].discount_amount": "only on items a unit discount added",
    "*|*.items[].applied_discount_amount": "only on items a unit discount added",
    "*|*.order.redemptions": "only on orders a redemption applied to (the examples' orders were redeemed)",
    "*|*.items[].sku_id": "the sample world sells products without SKUs",
    // The examples describe another kind of voucher, campaign or customer than the sample's.
    "voucher.published|data.voucher.loyalty_card": "the example publishes a loyalty card, the sample a coupon",
    "voucher.published|data.voucher.redemption.redeemed_points": "loyalty cards only (see above)",
    "*|*.voucher.referrer_id": "referral codes redeemed by a referee only",
    "*|*.campaign.referral_program": "referral campaigns only; the examples roll back a referral code",
    "campaign.deleted|data.campaign.loyalty_tiers_expiration": "loyalty campaigns only; the sample deletes another",
    "*|*.campaign.validity_day_of_week": "campaign schedules (days of the week) are not modelled",
    "*|*.customer.summary.orders.last_order_date": "only once the customer has an order",
    "*|*.reward.product": "material rewards only; the sample redeems a coupon reward",
    "publication.succeeded|data.vouchers": "bulk publications; the sample publishes one code",
    "voucher.loyalty_card.pending_points.canceled|data.redemption":
      "the example's points were canceled by a rollback, the sample's by an order cancellation",
    "*|*.event_source.user": "USER_PORTAL events only; the sample's event came through the API",
    // Validation rule content: the examples' rules have other conditions, errors and limits.
    "*|*.rule.rules{}.error": "rule-specific error message",
    "*|*.rule.rules{}.conditions.$is": "rule-specific condition",
    "*|*.rule.error": "rule-specific error message",
    "*|*.applicable_to.included[].amount_limit": "per-product limits are not modelled",
    "*|*.applicable_to.included[].aggregated_amount_limit": "per-product limits are not modelled",
    "*|*.applicable_to.included[].quantity_limit": "per-product limits are not modelled",
    "*|*.applicable_to.included[].aggregated_quantity_limit": "per-product limits are not modelled",
    "*|*.earning_rule.validation_rule_id": "only when a validation rule restricts the earning rule",
    // Loyalty details not modelled yet (points expire per bucket; tiers follow the balance with no expiry date).
    "*|*.loyalty_card.expiration_rules": "no campaign-level expiration rule: points expire per bucket",
    "*|*.loyalty_card.subtracted_points": "not modelled: points subtracted from pending points",
    "*|*.holder_loyalty_tier.expiration": "tiers are kept while the balance stays in range (BALANCE_DROP): no expiry",
    "customer.voucher.loyalty_card.pending_points.activated|data.voucher_pending_points_balance":
      "the example has it but the spec's EventCustomerVoucherLoyaltyCardPendingPointsActivatedData does not list it",
    "voucher.loyalty_card.pending_points.activated|data.transaction.details.pending_points":
      "not modelled yet: activation transactions name no pending points",
    "voucher.loyalty_card.pending_points.activated|data.transaction.details.event":
      "not modelled yet: activation transactions name no event",
    // Object shapes that differ from the examples in detail.
    "*|*.voucher.category": "SimpleVoucher carries `category_id` (and `categories`); some examples add the name",
    "*|*.campaign.categories": "SimpleCampaign carries `category_id`; one example embeds the categories",
  ]
}

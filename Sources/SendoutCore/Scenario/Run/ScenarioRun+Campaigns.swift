extension ScenarioRun {
  /// Campaign types as written in scenarios.
  static let campaignTypes = CampaignType.allCases.map(\.rawValue)

  /// A discount object: `{"type": "PERCENT", "percent_off": 10, "amount_limit": 3000, "percent_off_formula": "…"}`,
  /// `{"type": "AMOUNT", "amount_off": 1000}`, `{"type": "UNIT", "unit_off": 1, "product": "…"}` or
  /// `{"type": "FIXED", "fixed_amount": 5000}`.
  mutating func discount(_ p: inout FieldReader, _ key: String = "discount") throws(ScenarioError) -> Discount? {
    guard var d = try p.reader(key) else { return nil }
    let type = try d.oneOf("type", ["PERCENT", "AMOUNT", "UNIT", "FIXED"]) ?? "PERCENT"
    let out: Discount
    switch type {
    case "AMOUNT": out = .amount(off: try d.int("amount_off", in: 1...100_000_000) ?? 1000)
    case "FIXED": out = .fixed(amount: try d.int("fixed_amount", in: 0...100_000_000) ?? 5000)
    case "UNIT":
      let product = try select(
        &d, "product", kind: "product", from: named(world.products, kind: "product") { $0.name },
        fallback: world.products.first?.id)
      out = .unit(off: try d.int("unit_off", in: 1...10_000) ?? 1, productID: product)
    default:
      guard let off = try d.double("percent_off") ?? Optional(10), off > 0, off <= 100 else {
        throw d.error("percent_off", "expected a percentage in 0...100")
      }
      let formula = try d.string("percent_off_formula")
      if let formula, DiscountFormula.evaluate(formula, orderAmount: 10_000) == nil {
        throw d.error(
          "percent_off_formula",
          "'\(formula.count > 80 ? formula.prefix(80) + "…" : formula)' is not a formula Sendout can evaluate "
            + "(nested at most \(DiscountFormula.maxDepth) deep); expected e.g. IF(ORDER_AMOUNT > 150;15;10)")
      }
      out = .percent(off: off, amountLimit: try d.int("amount_limit", in: 1...100_000_000), formula: formula)
    }
    try d.finish()
    return out
  }

  /// A code pattern: `{"prefix": "SPRING-2024-", "pattern": "###", "postfix": "", "charset": "…"}`; the prefix
  /// and postfix are added around the pattern (whose `#` are drawn from the charset).
  func codeConfig(_ p: inout FieldReader) throws(ScenarioError) -> CodeConfig? {
    guard var c = try p.reader("code_config") else { return nil }
    let pattern = try c.string("pattern") ?? "########"
    guard pattern.contains("#") else {
      throw c.error("pattern", "'\(pattern)' has no '#'; each '#' becomes one character")
    }
    let charset = try c.oneOf("charset", ["alphanumeric", "readable", "numbers", "alphabetic"]) ?? "alphanumeric"
    let chars: String
    switch charset {
    case "readable": chars = CodeConfig.readable
    case "numbers": chars = "0123456789"
    case "alphabetic": chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    default: chars = CodeConfig.alphanumeric
    }
    let config = CodeConfig(
      pattern: pattern, charset: chars, prefix: try c.string("prefix") ?? "", postfix: try c.string("postfix") ?? "")
    if let (field, reason) = config.limitViolation { throw c.error(field, reason) }
    try c.finish()
    return config
  }

  /// `campaign_create` (and `world.campaigns` entries): a campaign with its codes, and for loyalty programs
  /// its tiers, earning rules and rewards; referral programs their referrer reward; promotions their tiers.
  mutating func createCampaign(_ p: inout FieldReader) throws -> StepOutcome {
    let typeText = try p.oneOf("type", Self.campaignTypes) ?? "DISCOUNT_COUPONS"
    guard let type = CampaignType(rawValue: typeText) else {
      throw p.error("type", "unknown campaign type '\(typeText)'")
    }
    let spec = CampaignSpec(
      type: type, name: try p.string("name"), discount: try discount(&p),
      giftAmount: try p.int("gift_amount", in: 1...100_000_000),
      loyaltyPoints: try p.int("loyalty_points"),
      redemptionQuantity: try p.int("redemption_quantity", in: 1...1_000_000),
      codeConfig: try codeConfig(&p),
      vouchersCount: try p.int("vouchers_count", in: 0...CodeConfig.maxCodesPerCampaign) ?? 0)
    if let config = spec.codeConfig, config.codeSpace < spec.vouchersCount {
      throw p.error(
        "vouchers_count",
        "\(spec.vouchersCount) codes do not fit the pattern '\(config.pattern)': it makes only \(config.codeSpace) "
          + "distinct codes; use a longer pattern or a larger charset")
    }
    let key = try p.string("key")
    let r = try world.createCampaign(spec)
    let id = r.value.id
    if let key { keys["campaign:" + key] = id }
    var events = r.events
    for (i, v) in (try p.array("tiers") ?? []).enumerated() {
      guard type == .loyaltyProgram else { throw p.error("tiers", "only LOYALTY_PROGRAM campaigns have tiers") }
      var t = try FieldReader(v, path: p.child("tiers") + ".\(i)", file: file)
      events += try createLoyaltyTier(&t, campaignID: id).events
      try t.finish()
    }
    for (i, v) in (try p.array("earning_rules") ?? []).enumerated() {
      guard type == .loyaltyProgram else {
        throw p.error("earning_rules", "only LOYALTY_PROGRAM campaigns have earning rules")
      }
      var e = try FieldReader(v, path: p.child("earning_rules") + ".\(i)", file: file)
      let rule = world.addEarningRule(
        campaignID: id, every: try e.int("every", in: 1...100_000_000) ?? 1000,
        points: try e.int("points", in: 1...1_000_000) ?? 10,
        pendingDays: try e.int("pending_days", in: 1...365))
      if let k = try e.string("key") { keys["earning_rule:" + k] = rule.id }
      try e.finish()
    }
    for (i, v) in (try p.array("rewards") ?? []).enumerated() {
      guard type == .loyaltyProgram else { throw p.error("rewards", "only LOYALTY_PROGRAM campaigns have rewards") }
      var e = try FieldReader(v, path: p.child("rewards") + ".\(i)", file: file)
      try addReward(&e, campaignID: id)
      try e.finish()
    }
    if let credits = try p.int("referrer_credits", in: 1...100_000_000) {
      guard type == .referralProgram else {
        throw p.error("referrer_credits", "only REFERRAL_PROGRAM campaigns reward referrers")
      }
      world.addReferralTier(campaignID: id, credits: credits)
    } else if type == .referralProgram {
      world.addReferralTier(campaignID: id, credits: 1000)
    }
    for (i, v) in (try p.array("promotion_tiers") ?? []).enumerated() {
      guard type == .promotion else {
        throw p.error("promotion_tiers", "only PROMOTION campaigns have promotion tiers")
      }
      var t = try FieldReader(v, path: p.child("promotion_tiers") + ".\(i)", file: file)
      events += try createPromotionTier(&t, campaignID: id).events
      try t.finish()
    }
    return StepOutcome(["campaign": .object(try world.campaign(id).simpleJSON)], events)
  }

  /// A reward entry: `{"key", "name", "points", "product"}` (material) or `{"key", "name", "points", "campaign"}`
  /// (codes of another campaign; `credits` for gift or loyalty campaigns).
  mutating func addReward(_ e: inout FieldReader, campaignID: String) throws(ScenarioError) {
    let points = try e.int("points", in: 1...100_000_000) ?? 100
    let kind: Reward.Kind
    if e.object["campaign"] != nil {
      let c = try select(&e, "campaign", kind: "campaign", from: campaignCandidates(), fallback: nil)
      kind = .campaign(campaignID: c, credits: try e.int("credits", in: 1...100_000_000))
    } else {
      let products = named(world.products, kind: "product") { $0.name }
      kind = .material(
        productID: try select(&e, "product", kind: "product", from: products, fallback: world.products.first?.id))
    }
    let fallbackName: String
    switch kind {
    case .material(let pid): fallbackName = world.products[id: pid]?.name ?? "Reward"
    case .campaign(let cid, _): fallbackName = world.campaigns[id: cid]?.name ?? "Reward"
    }
    let a = world.addReward(
      name: try e.string("name") ?? fallbackName, kind: kind, campaignID: campaignID, points: points)
    if let k = try e.string("key") { keys["reward:" + k] = a.id }
  }

  /// A loyalty tier entry: `{"key", "name", "points_from", "points_to"}`.
  mutating func createLoyaltyTier(_ t: inout FieldReader, campaignID: String) throws -> Emitted<LoyaltyTier> {
    guard let from = try t.int("points_from"), let to = try t.int("points_to") else {
      throw t.error("points_from", "`points_from` and `points_to` are required (integers)")
    }
    guard from <= to else { throw t.error("points_to", "expected points_to ≥ points_from (\(from)), found \(to)") }
    let r = try world.createLoyaltyTier(
      campaignID: campaignID, name: try t.string("name") ?? "Tier \(from)", pointsFrom: from, pointsTo: to)
    if let k = try t.string("key") { keys["loyalty_tier:" + k] = r.value.id }
    return r
  }

  /// A promotion tier entry: `{"key", "name", "discount"}`.
  mutating func createPromotionTier(_ t: inout FieldReader, campaignID: String) throws -> Emitted<PromotionTier> {
    let name = try t.string("name") ?? "Promotion"
    let discount = try discount(&t) ?? .amount(off: 500)
    let r = try world.createPromotionTier(campaignID: campaignID, name: name, discount: discount)
    if let k = try t.string("key") { keys["promotion_tier:" + k] = r.value.id }
    return r
  }
}

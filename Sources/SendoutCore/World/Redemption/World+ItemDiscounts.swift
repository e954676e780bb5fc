extension World {
  /// The `applicable_to` of the validation rules assigned to voucher `v` or its campaign, or to tier `t`: what an
  /// item-level discount of it applies to.
  public func applicability(voucher v: Voucher?, tier t: PromotionTier?) -> [ApplicableTo] {
    [v?.id, v?.campaignID, t?.id].compactMap { $0 }.flatMap { owner in
      ruleAssignments.members(.related, owner).compactMap { validationRules[id: $0.ruleID]?.applicableTo }
    }
  }

  /// Each line's target under `applicability`: the first included product, SKU or collection it matches (any line
  /// with `included_all`), `nil` for a line excluded or matched by none.
  public func itemTargets(_ applicability: [ApplicableTo], lines: [RuleItem]) -> [ApplicableTo.Target?] {
    let excluded = applicability.flatMap(\.excluded)
    let included = applicability.flatMap(\.included)
    let all = applicability.contains(where: \.includedAll)
    let everything = ApplicableTo.Target(ref: .text(""), json: [:])
    return lines.map { line in
      if excluded.contains(where: { matches(line, $0.ref) }) { return nil }
      return included.first { matches(line, $0.ref) } ?? (all ? everything : nil)
    }
  }

  /// The cents item-level `discount` of voucher `v` or tier `t` takes off each of `lines`, each line already
  /// `taken` cents off by the redeemables before it (its subtotal never goes below 0); all 0 for another discount.
  public func itemDiscounts(
    _ discount: Discount, voucher v: Voucher?, tier t: PromotionTier?, lines: [RuleItem], taken: [Int] = []
  ) -> [Int] {
    guard case .items(let base, let effect) = discount else { return lines.map { _ in 0 } }
    var left = lines
    for i in left.indices where i < taken.count { left[i].amount = left[i].amount.subtractingSaturated(taken[i]) }
    return ItemDiscount.split(
      base, effect, lines: left, targets: itemTargets(applicability(voucher: v, tier: t), lines: lines))
  }

  /// A stored order's lines as the rules and item discounts read them.
  func ruleItems(ofOrder oi: Int) -> [RuleItem] { orders[oi].items.map { RuleItem($0) } }

  /// Takes `off[i]` cents off line `i` of order `oi` (lines match the evaluated ones by position); their sum.
  @discardableResult mutating func applyItemDiscounts(_ off: [Int], toOrder oi: Int) -> Int {
    for (i, cents) in off.enumerated() where i < orders[oi].items.count {
      orders[oi].items[i].lineDiscount.addSaturating(cents)
    }
    return off.prefix(orders[oi].items.count).saturatedSum
  }
}

extension World {
  /// How many redeemables one validation or redemption may name (the spec's `redeemables.maxItems` and the
  /// default `stacking_rules.redeemables_limit`; the project's stacking rules may lower it).
  public static let stackRedeemablesLimit = StackingRules.defaultRedeemablesLimit
  /// How many of them may apply by default (`stacking_rules.applicable_redeemables_limit`, which the project's
  /// stacking rules set: `stackingRulesInForce`); the rest are skipped.
  public static let stackApplicableLimit = StackingRules.defaultApplicableLimit

  /// What redeeming `items` on an order of `orderAmount` cents would do, without changing the world: the same
  /// failures as `redeem` (`redemptionFailure`), and the same arithmetic, each redeemable applying to the total
  /// the previous ones left. Once one is inapplicable, the ones after it are skipped and nothing is redeemed
  /// (application mode `ALL`); in mode `PARTIAL` the ones after it are evaluated as if it had not been sent. Past the
  /// applicable limit of the stacking rules in force, the rest are skipped. The validation rules assigned to each
  /// redeemable are checked against `facts` too.
  public func evaluateStack(_ items: [StackRedeemable], orderAmount: Int, facts: RuleFacts = RuleFacts())
    -> StackEvaluation
  {
    var total = orderAmount
    var applied = 0
    let rules = stackingRulesInForce
    let applicableLimit = rules.applicableLimit
    var outcomes: [StackOutcome] = []
    // Free units are added to the order and discounted: the total the next redeemable sees does not move.
    var addsUnits = false
    // Cents the applicable item-level discounts took off each line so far.
    var taken = facts.items.map { _ in 0 }
    for item in items {
      var out = StackOutcome(redeemable: item, orderTotalBefore: total)
      if !rules.appliesPartially, outcomes.contains(where: { $0.failure != nil }) {
        out.voucherID = item.kind == .voucher ? ((try? voucher(code: item.id)) ?? (try? voucher(item.id)))?.id : nil
        out.tierID = item.kind == .promotionTier ? promotionTiers[id: item.id]?.id : nil
        out.skip = .precedingValidationFailed
        outcomes.append(out)
        continue
      }
      switch item.kind {
      case .voucher:
        let v = (try? voucher(code: item.id)) ?? (try? voucher(item.id))
        out.voucherID = v?.id
        out.failure =
          stackFailure(v, item)
          ?? ruleFailure(voucher: v, tier: nil, facts: facts, initialAmount: orderAmount, amount: total)
        if case .unit = v?.discount, v?.campaignType != .giftVouchers { addsUnits = true } else { addsUnits = false }
        if out.failure == nil, let v {
          if let d = v.discount, case .items = d, v.campaignType != .giftVouchers {
            out.itemDiscounts = itemDiscounts(d, voucher: v, tier: nil, lines: facts.items, taken: taken)
            out.discount = min(out.itemDiscounts.saturatedSum, total)
          } else {
            out.discount = stackValue(of: v, orderTotal: total, credits: item.giftCredits)
          }
        }
      case .promotionTier:
        let t = promotionTiers[id: item.id]
        out.tierID = t?.id
        out.failure =
          stackFailure(t, item)
          ?? ruleFailure(voucher: nil, tier: t, facts: facts, initialAmount: orderAmount, amount: total)
        addsUnits = false
        if out.failure == nil, let t {
          if case .items = t.discount {
            out.itemDiscounts = itemDiscounts(t.discount, voucher: nil, tier: t, lines: facts.items, taken: taken)
            out.discount = min(out.itemDiscounts.saturatedSum, total)
          } else {
            out.discount = t.discount.discount(orderAmount: total)
          }
        }
      }
      if out.failure == nil, applied >= applicableLimit {
        out.skip = .applicableRedeemablesLimitExceeded
        out.discount = 0
        out.itemDiscounts = []
      }
      if out.applicable {
        applied += 1
        for (i, cents) in out.itemDiscounts.enumerated() where i < taken.count { taken[i].addSaturating(cents) }
        if !addsUnits { total.subtractSaturating(out.discount) }
      }
      outcomes.append(out)
    }
    return StackEvaluation(orderAmount: orderAmount, outcomes: outcomes, partial: rules.appliesPartially)
  }

  /// What voucher `v` takes off an order whose total is `orderTotal` cents: a gift card spends `credits` (all it
  /// needs when `nil`) up to its balance and the total; a discount gives its amount, percent, fixed price or free
  /// units. Redemption and validation both use it.
  public func stackValue(of v: Voucher, orderTotal: Int, credits: Int?) -> Int {
    if v.campaignType == .giftVouchers { return max(0, min(credits ?? v.giftBalance, v.giftBalance, orderTotal)) }
    guard let discount = v.discount else { return 0 }
    if case .unit(_, let productID) = discount {
      return discount.discount(orderAmount: orderTotal, unitPrice: unitPrice(of: productID))
    }
    return discount.discount(orderAmount: orderTotal)
  }

  /// Why voucher `v` (`nil`: unknown) cannot be redeemed now as `item` asks.
  private func stackFailure(_ v: Voucher?, _ item: StackRedeemable) -> VoucherifyError? {
    guard let v else {
      return .notFound("voucher", id: item.id)
    }
    if v.campaignType == .loyaltyProgram {
      return item.hasReward
        ? .invalidPayload(
          "paying an order with loyalty points is not simulated; redeem a reward through "
            + "POST /v1/loyalties/{campaignId}/members/\(v.code)/redemption")
        : .missingReward(v.code)
    }
    if let failure = (try? redemptionFailure(v)) ?? nil { return failure }
    if v.campaignType == .giftVouchers, let credits = item.giftCredits, credits > v.giftBalance || credits <= 0 {
      return .giftAmountExceeded(v.code)
    }
    return nil
  }

  /// Why promotion tier `t` (`nil`: unknown) cannot apply now.
  private func stackFailure(_ t: PromotionTier?, _ item: StackRedeemable) -> VoucherifyError? {
    guard let t else {
      return .notFound("promotion_tier", id: item.id)
    }
    let campaignActive = campaigns[id: t.campaignID].map { $0.active && !$0.deleted } ?? false
    guard t.active, campaignActive else {
      return .promotionInactive(t.id)
    }
    return nil
  }
}

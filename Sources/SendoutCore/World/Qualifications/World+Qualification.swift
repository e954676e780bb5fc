/// Check eligibility (`POST /v1/qualifications`): which redeemables apply to a customer and an order. Each one is
/// judged by the same evaluation a stacked validation gives it alone (`evaluateStack`), so a qualification and a
/// validation of the same code never disagree; the rules are read as far as the scenario asks (`RuleFacts.reach`).
extension World {
  /// The redeemables a qualification considers for `customerID` (`nil`: an anonymous visitor): the codes the
  /// customer holds (Voucherify's `CUSTOMER_WALLET`), and unless `walletOnly` every promotion tier too (`ALL`,
  /// `AUDIENCE_ONLY`). A code nobody holds is not offered: the world's campaigns hand out unique codes (no generic
  /// standalone code exists to show everyone), as the checking-eligibility guide shows for a campaign's codes.
  public func qualificationCandidates(customerID: String?, walletOnly: Bool) -> [StackRedeemable] {
    var out = (customerID.map { vouchers.memberIDs(.heldBy, $0) } ?? []).compactMap { id in
      vouchers[id: id].flatMap { $0.deleted ? nil : StackRedeemable(kind: .voucher, id: $0.code) }
    }
    if !walletOnly { out += promotionTiers.map { StackRedeemable(kind: .promotionTier, id: $0.id) } }
    return out
  }

  /// The outcomes of the `candidates` that apply, each evaluated alone on an order of `orderAmount` cents with
  /// `facts` (what `evaluateStack` says of a one-redeemable validation), in the order given.
  /// A candidate one of whose rules fails is inapplicable whatever else holds: it is dropped on the verdict alone
  /// (`rulesHold`, no error built, the verdicts of rules that read nothing of the code kept across candidates).
  public func qualify(_ candidates: [StackRedeemable], orderAmount: Int, facts: RuleFacts) -> [StackOutcome] {
    var verdicts: [String: Bool]? = [:]
    var out: [StackOutcome] = []
    for candidate in candidates where rulesHold(candidate, orderAmount: orderAmount, facts: facts, &verdicts) {
      let outcome = evaluateStack([candidate], orderAmount: orderAmount, facts: facts).outcomes.first
      if let outcome, outcome.applicable { out.append(outcome) }
    }
    return out
  }

  /// Whether the rules of `candidate` (found as evaluateStack finds it: a code, else a voucher id; a tier) hold,
  /// `verdicts` kept across candidates (`rulesHold(of:verdicts:in:)`); an unknown one is left to evaluateStack.
  private func rulesHold(
    _ candidate: StackRedeemable, orderAmount: Int, facts: RuleFacts, _ verdicts: inout [String: Bool]?
  ) -> Bool {
    switch candidate.kind {
    case .voucher:
      // Read in place (no copy of the voucher): most candidates fail on a kept verdict.
      let byCode = indexes.voucherIDByCode[candidate.id].flatMap { vouchers.position(of: $0) }
      guard let at = byCode ?? vouchers.position(of: candidate.id) else { return true }
      // The closure captures the table, not the world (a closure capturing `self` copies all of it, per candidate).
      return rulesHold(of: [vouchers[at].id, vouchers[at].campaignID], verdicts: &verdicts) { [vouchers] in
        RuleScope(facts, initialAmount: orderAmount, amount: orderAmount, voucher: vouchers[at], tier: nil)
      }
    case .promotionTier:
      let tier = promotionTiers[id: candidate.id]
      return rulesHold(of: [tier?.id], verdicts: &verdicts) {
        RuleScope(facts, initialAmount: orderAmount, amount: orderAmount, voucher: nil, tier: tier)
      }
    }
  }

  /// When the redeemable of `outcome` was created (its code's or tier's `created_at`), the qualification's cursor.
  public func createdAt(of outcome: StackOutcome) -> Timestamp {
    outcome.voucherID.flatMap { vouchers[id: $0]?.createdAt } ?? outcome.tierID.flatMap {
      promotionTiers[id: $0]?.createdAt
    } ?? Timestamp(milliseconds: 0)
  }

  /// The validation rule assignments of `objectID` (a campaign, voucher, promotion tier or earning rule), in order.
  public func ruleAssignments(of objectID: String) -> [ValidationRuleAssignment] {
    ruleAssignments.members(.related, objectID)
  }
}

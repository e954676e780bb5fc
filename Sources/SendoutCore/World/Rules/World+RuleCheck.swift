extension TableRelation where Entity == ValidationRuleAssignment {
  /// The assignments of a campaign, voucher, promotion tier or earning rule.
  static var related: Self { Self("related") { $0.relatedObjectID } }
}

/// Where a redeemable's rules are checked: the request's facts, the order's amounts before it, what it is, and the
/// lines the current clause looks at (all of them, or those a product condition matched).
struct RuleScope {
  let facts: RuleFacts
  let initialAmount: Int
  let amount: Int
  let voucher: Voucher?
  let tier: PromotionTier?
  var items: [RuleItem]
}

extension RuleScope {
  /// The scope of voucher `voucher` or tier `tier` on a request of `facts`: all the order's lines.
  init(_ facts: RuleFacts, initialAmount: Int, amount: Int, voucher: Voucher?, tier: PromotionTier?) {
    self.init(
      facts: facts, initialAmount: initialAmount, amount: amount, voucher: voucher, tier: tier, items: facts.items)
  }
}

extension World {
  /// Why the validation rules assigned to voucher `v` or its campaign (or to promotion tier `t`) refuse it for a
  /// request of `facts`, the order worth `initialAmount` before any discount and `amount` before this redeemable:
  /// `rulesViolated` naming the first rule that fails, or `nil` when all hold. Compiled rules only: no JSON is read.
  public func ruleFailure(
    voucher v: Voucher?, tier t: PromotionTier?, facts: RuleFacts, initialAmount: Int, amount: Int
  ) -> VoucherifyError? {
    var kept: [String: Bool]? = nil  // one redeemable: no verdict to keep for another
    // The scope is made only when a rule is read, and once (a function that does not capture `self`, the whole world).
    var made: RuleScope?
    func scope() -> RuleScope {
      if let made { return made }
      let s = RuleScope(facts, initialAmount: initialAmount, amount: amount, voucher: v, tier: t)
      made = s
      return s
    }
    guard
      let (ruleID, owner) = brokenRule(of: [v?.id, v?.campaignID, t?.id], verdicts: &kept, in: scope),
      let rule = validationRules[id: ruleID]
    else { return nil }
    let s = scope()
    let failed = rule.compiled.clauses.sorted {
      $0.key.count == $1.key.count ? $0.key < $1.key : $0.key.count < $1.key.count
    }
    .map(\.value).filter { !holds($0, s) }
    let customer = !failed.isEmpty && failed.allSatisfy(\.subject.isAboutCustomer)
    let message = failed.lazy.compactMap(\.errorMessage).first ?? rule.errorMessage
    return .rulesViolated(v?.code ?? t?.id ?? owner, customer: customer, ruleID: rule.id, ruleMessage: message)
  }

  /// Whether the validation rules assigned to `owners` (a voucher's id and its campaign's, or a tier's id; `nil`s
  /// skipped) all hold in the scope `scope` makes: what `ruleFailure` says with `nil`, without building the error
  /// (nor the scope, when every verdict is kept). `verdicts` keeps, by rule id, the verdicts of the rules that read
  /// nothing of the redeemable (`RuleSet.readsRedeemable`), for the next call with the same facts and amounts: a
  /// qualification judges hundreds of codes of a few campaigns, and such a rule says the same of each.
  func rulesHold(of owners: [String?], verdicts: inout [String: Bool]?, in scope: () -> RuleScope) -> Bool {
    brokenRule(of: owners, verdicts: &verdicts, in: scope) == nil
  }

  /// The first rule assigned to one of `owners` (in that order) that fails in `scope`, and its owner; `nil` when all
  /// hold. `verdicts` (when not `nil`) as `rulesHold` keeps them.
  private func brokenRule(of owners: [String?], verdicts: inout [String: Bool]?, in scope: () -> RuleScope)
    -> (ruleID: String, owner: String)?
  {
    var made: RuleScope?
    for case let owner? in owners {
      for assignmentID in ruleAssignments.memberIDs(.related, owner) {
        guard let ruleID = ruleAssignments[id: assignmentID]?.ruleID else { continue }
        if let kept = verdicts?[ruleID] {
          if kept { continue } else { return (ruleID, owner) }
        }
        guard let rule = validationRules[id: ruleID] else { continue }
        let s = made ?? scope()
        made = s
        let holds = holds(rule.compiled.logic, in: rule.compiled, s)
        if verdicts != nil, !rule.compiled.readsRedeemable { verdicts?[ruleID] = holds }
        if !holds { return (ruleID, owner) }
      }
    }
    return nil
  }

  /// Whether `logic` over `set`'s clauses holds.
  private func holds(_ logic: RuleLogic, in set: RuleSet, _ s: RuleScope) -> Bool {
    switch logic {
    case .clause(let n): set.clauses[n].map { holds($0, s) } ?? true
    case .and(let a, let b): holds(a, in: set, s) && holds(b, in: set, s)
    case .or(let a, let b): holds(a, in: set, s) || holds(b, in: set, s)
    case .not(let a): !holds(a, in: set, s)
    case .all: set.clauses.values.allSatisfy { holds($0, s) }
    }
  }

  /// Whether one clause holds.
  private func holds(_ c: RuleClause, _ s: RuleScope) -> Bool {
    if s.facts.reach.skips(c.subject) { return true }
    // Looked up by the clauses that read it only (a qualification checks hundreds of codes' order clauses).
    var customer: Customer? { s.facts.customerID.flatMap { customers[id: $0] } }
    switch c.subject {
    case .orderAmount: return c.passes(Double(s.amount))
    case .orderInitialAmount: return c.passes(Double(s.initialAmount))
    case .orderDiscountAmount: return c.passes(Double(s.initialAmount.subtractingSaturated(s.amount)))
    case .orderMetadata(let key): return c.passes(s.facts.orderMetadata[key])
    case .redemptionMetadata(let key): return c.passes(s.facts.redemptionMetadata[key])
    case .customerMetadata(let key): return c.passes(customer?.metadata[key])
    case .customerSegment:
      return c.passes { value in
        guard case .text(let id) = value, let customer else { return false }
        return segments[id: id]?.memberIDs.contains(customer.id) == true
      }
    case .itemsAny:
      let matched = s.items.filter { item in c.refs.contains { matches(item, $0) } }
      return !matched.isEmpty && nestedHolds(c, s, matched)
    case .itemsEvery:
      return c.refs.allSatisfy { ref in
        let matched = s.items.filter { matches($0, ref) }
        return !matched.isEmpty && nestedHolds(c, s, matched)
      }
    case .itemsNone:
      return !s.items.contains { item in c.refs.contains { matches(item, $0) } && nestedHolds(c, s, [item]) }
    case .itemsPriceAny: return s.items.contains { c.passes($0.price.map(Double.init)) }
    case .itemsPriceEach: return !s.items.isEmpty && s.items.allSatisfy { c.passes($0.price.map(Double.init)) }
    case .itemQuantity: return s.items.contains { c.passes(Double($0.quantity)) }
    case .itemPrice: return s.items.contains { c.passes($0.price.map(Double.init)) }
    case .itemAmount: return s.items.contains { c.passes(Double($0.amount)) }
    case .itemsAggregatedQuantity: return c.passes(Double(s.items.lazy.map(\.quantity).saturatedSum))
    case .itemsAggregatedAmount: return c.passes(Double(s.items.lazy.map(\.amount).saturatedSum))
    case .itemMetadata(let key): return s.items.contains { c.passes($0.metadata[key]) }
    case .redemptionsPerCustomer:
      return c.passes(Double(redemptionCount(s, customer: customer?.id, sameDay: false) + 1))
    case .redemptionsPerCustomerPerDay:
      return c.passes(Double(redemptionCount(s, customer: customer?.id, sameDay: true) + 1))
    case .campaignRedemptionsPerCustomer: return c.passes(Double(campaignRedemptions(s, customer: customer?.id) + 1))
    case .campaignRedemptions: return c.passes(Double(campaignRedemptions(s, customer: nil) + 1))
    case .publicationHolderOnly:
      let linked = customer != nil && s.voucher?.holderID == customer?.id
      return c.passes(JSON.bool(linked))
    }
  }

  /// Whether a product condition's nested rules hold over the lines it matched.
  private func nestedHolds(_ c: RuleClause, _ s: RuleScope, _ matched: [RuleItem]) -> Bool {
    guard let nested = c.nested else { return true }
    var inner = s
    inner.items = matched
    return holds(nested.logic, in: nested, inner)
  }

  /// Whether `item` is the product or SKU `ref` names: by id (`product_id`, `sku_id`, or the id of the world's product
  /// whose `source_id` the line sent) or by `source_id`; or is in the product collection `ref` names.
  func matches(_ item: RuleItem, _ ref: RuleValue) -> Bool {
    switch ref {
    case .item(let id?, _) where id == item.productID || id == item.skuID: return true
    case .item(let id?, _) where item.sourceID != nil && products[id: id]?.sourceID == item.sourceID: return true
    case .item(_, let source?):
      return source == item.sourceID || item.productID.flatMap { products[id: $0]?.sourceID } == source
    case .text(let id): return id == item.productID || id == item.skuID || id == item.sourceID
    case .collection(let id):
      let productID = item.productID ?? item.sourceID.flatMap { self.product(idOrSourceID: $0)?.id }
      return collection(id, holds: productID, sku: item.skuID)
    default: return false
    }
  }

  /// The customer's earlier successful redemptions of the redeemable (not rolled back), today only when `sameDay`.
  private func redemptionCount(_ s: RuleScope, customer: String?, sameDay: Bool) -> Int {
    guard let customer else { return 0 }
    let day = now.milliseconds / 86_400_000
    let counts = { (r: Redemption) in
      r.kind == .redemption && r.succeeded && !r.rolledBack && r.customerID == customer
        && (!sameDay || r.date.milliseconds / 86_400_000 == day)
    }
    if let v = s.voucher { return redemptions(ofVoucher: v.id).lazy.filter(counts).count }
    guard let tierID = s.tier?.id else { return 0 }
    return redemptions.lazy.filter { $0.promotionTierID == tierID && counts($0) }.count
  }

  /// The successful redemptions (not rolled back) in the redeemable's campaign, of `customer` only when given.
  private func campaignRedemptions(_ s: RuleScope, customer: String?) -> Int {
    let counts = { (r: Redemption) in
      r.kind == .redemption && r.succeeded && !r.rolledBack && (customer.map { $0 == r.customerID } ?? true)
    }
    if let v = s.voucher {
      if customer == nil { return campaigns[id: v.campaignID]?.redeemedQuantity ?? 0 }
      return voucherIDs(inCampaign: v.campaignID).reduce(0) {
        $0 + redemptions(ofVoucher: $1).lazy.filter(counts).count
      }
    }
    guard let campaignID = s.tier?.campaignID else { return 0 }
    let tiers = Set(promotionTiers.lazy.filter { $0.campaignID == campaignID }.map(\.id))
    return redemptions.lazy.filter { r in r.promotionTierID.map(tiers.contains) == true && counts(r) }.count
  }
}

extension RuleClause {
  /// The products and SKUs a product condition names (its `$is`/`$in` values).
  var refs: [RuleValue] {
    tests.flatMap { test -> [RuleValue] in if case .oneOf(let values) = test { values } else { [] } }
  }

  /// Whether every test holds for the number `value` (`nil`: absent, only `$is_not` holds).
  func passes(_ value: Double?) -> Bool { passes(value.map(JSON.double)) }

  /// Whether every test holds for `value` (`nil`/`null`: absent): numbers compare as numbers (a numeric string
  /// too), text by equality or its start, end or part, booleans by equality.
  func passes(_ value: JSON?) -> Bool {
    let number = value?.doubleValue ?? value?.stringValue.flatMap(Double.init)
    var text: String? { value?.stringValue ?? value.flatMap { $0.doubleValue.map { String($0) } } }  // text tests only
    return passes { candidate in
      switch (candidate, value) {
      case (.number(let n), _): number == n
      case (.text(let t), _): value?.stringValue == t || (number != nil && Double(t) == number)
      case (.flag(let b), .bool(let actual)?): b == actual
      default: false
      }
    } compare: { test in
      switch test {
      case .lessThan(let n): number.map { $0 < n } ?? false
      case .atMost(let n): number.map { $0 <= n } ?? false
      case .moreThan(let n): number.map { $0 > n } ?? false
      case .atLeast(let n): number.map { $0 >= n } ?? false
      case .startsWith(let t): text?.hasPrefix(t) ?? false
      case .endsWith(let t): text?.hasSuffix(t) ?? false
      case .contains(let t): text?.contains(t) ?? false
      case .oneOf, .noneOf: false
      }
    }
  }

  /// Whether every test holds: `$is`/`$in` when `equals` one value, `$is_not`/`$not_in` when it equals none, the
  /// others by `compare`.
  func passes(_ equals: (RuleValue) -> Bool, compare: (RuleTest) -> Bool = { _ in false }) -> Bool {
    tests.allSatisfy { test in
      switch test {
      case .oneOf(let values): values.contains(where: equals)
      case .noneOf(let values): !values.contains(where: equals)
      default: compare(test)
      }
    }
  }
}

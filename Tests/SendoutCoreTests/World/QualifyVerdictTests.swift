import Testing

@testable import SendoutCore

/// A qualification drops a code on its rules' verdict alone (`World.rulesHold`, no error built, the verdicts of rules
/// that read nothing of the code kept across candidates): the same codes and outcomes as a one-code validation each.
@Suite struct QualifyVerdictTests {
  /// Rules (`rules` objects) over the request, the customer and the code itself.
  static let rules = [
    #"{"1":{"name":"order.amount","conditions":{"$more_than":[10000]}},"logic":"1"}"#,
    #"{"1":{"name":"order.metadata","property":"channel","conditions":{"$is":["web"]}},"logic":"1"}"#,
    #"{"1":{"name":"order.amount","conditions":{"$less_than":[500]}},"2":{"name":"order.metadata","property":"channel","conditions":{"$is":["web"]}},"logic":"1 or not 2"}"#,
    #"{"1":{"name":"publication.redeemable_by_linked_customer","conditions":{"$is":[true]}},"logic":"1"}"#,
    #"{"1":{"name":"redemption.count.per_customer","conditions":{"$less_than_or_equal":[0]}},"logic":"1"}"#,
    #"{"1":{"name":"redemption.count.per_customer_per_day","conditions":{"$less_than_or_equal":[1]}},"logic":"1"}"#,
    #"{"1":{"name":"customer.metadata","property":"tier","conditions":{"$is":["gold"]}},"logic":"1"}"#,
  ]

  /// A sample world with one campaign per rule of `rules` (assigned to the campaign), two codes of each held by
  /// `holder` and one by `other`; the candidates are the codes, interleaved across campaigns and holders.
  func world() throws -> (World, holder: String, candidates: [StackRedeemable]) {
    var w = try World.sample(seed: 5, start: SingleEventRequest.defaultStart)
    let (holder, other) = (w.customers[0].id, w.customers[1].id)
    var codes: [[String]] = []
    for (n, text) in Self.rules.enumerated() {
      let rules = try #require(try JSONParser.parse(text).objectValue)
      let rule = try w.createValidationRule(name: "rule \(n)", rules: rules, errorMessage: nil).value
      let campaign = try w.createCampaign(
        CampaignSpec(type: .discountCoupons, name: "Verdicts \(n)", vouchersCount: 3)
      ).value
      _ = try w.assignValidationRule(rule.id, to: campaign.id)
      codes.append(
        try [other, holder, holder].map { customer in
          try w.voucher(try w.publish(campaignID: campaign.id, customerID: customer).value.voucherIDs[0]).code
        })
    }
    // Code by code across the campaigns, so a kept verdict of one code would meet the next code of its campaign.
    let interleaved = (0..<3).flatMap { i in codes.map { StackRedeemable(kind: .voucher, id: $0[i]) } }
    return (w, holder, interleaved + w.promotionTiers.map { StackRedeemable(kind: .promotionTier, id: $0.id) })
  }

  /// What a one-code validation says of each candidate: the outcomes of those that apply.
  func oneByOne(_ w: World, _ candidates: [StackRedeemable], amount: Int, facts: RuleFacts) -> [StackOutcome] {
    candidates.compactMap { candidate in
      w.evaluateStack([candidate], orderAmount: amount, facts: facts).outcomes.first.flatMap {
        $0.applicable ? $0 : nil
      }
    }
  }

  @Test(arguments: [300, 20_000], [RuleReach.qualification, .everything])
  func qualifyListsWhatOneCodeValidationsApply(amount: Int, reach: RuleReach) throws {
    let (w, holder, candidates) = try world()
    for metadata: JSONObject in [["channel": "web"], [:]] {
      var facts = RuleFacts(customerID: holder, orderMetadata: metadata)
      facts.reach = reach
      let qualified = w.qualify(candidates, orderAmount: amount, facts: facts)
      #expect(qualified == oneByOne(w, candidates, amount: amount, facts: facts), "\(amount) \(metadata)")
    }
  }

  @Test func aRuleOnTheCodesHolderIsJudgedForEveryCode() throws {
    let (w, holder, candidates) = try world()
    let holderOnly = candidates.filter { c in
      w.ruleAssignments.contains { a in
        a.ruleID == w.validationRules.first { $0.name == "rule 3" }?.id
          && a.relatedObjectID == (try? w.voucher(code: c.id))?.campaignID
      }
    }
    #expect(holderOnly.count == 3)
    let facts = RuleFacts(customerID: holder)
    // The other customer's code first: a verdict kept from it would drop the holder's two codes.
    let qualified = w.qualify(holderOnly, orderAmount: 20_000, facts: facts).map(\.redeemable)
    #expect(qualified == Array(holderOnly.dropFirst()))
    let reversed = w.qualify(holderOnly.reversed(), orderAmount: 20_000, facts: facts).map(\.redeemable)
    #expect(reversed == Array(holderOnly.dropFirst().reversed()))
  }

  @Test func theVerdictIsWhatTheFullCheckSaysOfEveryRule() throws {
    let (w, holder, candidates) = try world()
    for candidate in candidates where candidate.kind == .voucher {
      let v = try w.voucher(code: candidate.id)
      for amount in [300, 20_000] {
        for facts in [RuleFacts(customerID: holder, orderMetadata: ["channel": "web"]), RuleFacts()] {
          var none: [String: Bool]? = nil
          let verdict = w.rulesHold(of: [v.id, v.campaignID], verdicts: &none) {
            RuleScope(facts, initialAmount: amount, amount: amount, voucher: v, tier: nil)
          }
          let failure = w.ruleFailure(voucher: v, tier: nil, facts: facts, initialAmount: amount, amount: amount)
          #expect(verdict == (failure == nil), "\(v.code) \(amount)")
        }
      }
    }
  }

  @Test func onlyRulesOnTheCodeItselfReadTheRedeemable() throws {
    let read = try Self.rules.map { try RuleSet.compile(try #require(try JSONParser.parse($0).objectValue)) }
      .map(\.readsRedeemable)
    #expect(read == [false, false, false, true, true, true, false])
  }
}

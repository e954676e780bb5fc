/// Scenario operations whose events have no official schema (`"schema": "inferred"` in `sendout events`).
extension ScenarioRun {
  /// Runs one of the operations below, or returns `nil` when `name` is not one of them.
  mutating func inferred(_ name: String, _ p: inout FieldReader) throws -> StepOutcome? {
    switch name {
    case "earning_rule_assign":
      let campaign = try self.campaign(&p, .loyaltyProgram)
      let every = try p.int("every", in: 1...Int.max) ?? 1000
      let r = try world.assignEarningRule(
        campaignID: campaign, every: every, points: try p.int("points", in: 1...Int.max) ?? 10,
        pendingDays: try p.int("pending_days", in: 1...365))
      return StepOutcome(["earning_rule": .object(r.value.simpleJSON)], r.events)
    case "earning_rule_update", "earning_rule_enable", "earning_rule_disable", "earning_rule_delete":
      let rules = named(world.earningRules, kind: "earning_rule") { $0.banner }
      let id = try select(&p, "earning_rule", kind: "earning rule", from: rules, fallback: rules.first?.id)
      let r: Emitted<EarningRule>
      switch name {
      case "earning_rule_update":
        guard let days = try p.int("pending_days", in: 0...365) else {
          throw p.error("pending_days", "is required: days, 0 for immediate points")
        }
        r = try world.updateEarningRule(id, pendingDays: days == 0 ? nil : days)
      case "earning_rule_delete": r = try world.deleteEarningRule(id)
      default: r = try world.setEarningRuleActive(id, name == "earning_rule_enable")
      }
      return StepOutcome(["earning_rule": .object(r.value.simpleJSON)], r.events)
    case "referral_tier_create":
      let campaign = try self.campaign(&p, .referralProgram)
      let r = try world.createReferralTier(campaignID: campaign, credits: try p.int("credits") ?? 1000)
      return StepOutcome(["referral_tier": .object(r.value.json)], r.events)
    case "referral_tier_update", "referral_tier_delete":
      let tiers = plain(world.referralTiers)
      let id = try select(&p, "referral_tier", kind: "referral tier", from: tiers, fallback: tiers.last?.id)
      let r =
        name == "referral_tier_update"
        ? try world.updateReferralTier(id, credits: try p.int("credits") ?? 1500) : try world.deleteReferralTier(id)
      return StepOutcome(["referral_tier": .object(r.value.json)], r.events)
    case "reward_assign":
      let rewards = named(world.rewards, kind: "reward") { $0.name }
      let reward = try select(&p, "reward", kind: "reward", from: rewards, fallback: rewards.first?.id)
      let campaign = try self.campaign(&p, .loyaltyProgram)
      let r = try world.assignReward(reward, campaignID: campaign, points: try p.int("points", in: 1...Int.max) ?? 100)
      return StepOutcome(["reward_assignment": .object(r.value.json)], r.events)
    case "reward_assignment_update", "reward_assignment_delete":
      let all = plain(world.rewardAssignments)
      let id = try select(&p, "reward_assignment", kind: "reward assignment", from: all, fallback: all.last?.id)
      let r =
        name == "reward_assignment_update"
        ? try world.updateRewardAssignment(id, points: try p.int("points", in: 1...Int.max) ?? 150)
        : try world.deleteRewardAssignment(id)
      return StepOutcome(["reward_assignment": .object(r.value.json)], r.events)
    case "promotion_stack_create":
      let campaign = try self.campaign(&p, .promotion)
      let tiers = world.promotionTiers.filter { $0.campaignID == campaign }.map(\.id)
      let r = try world.createPromotionStack(
        campaignID: campaign, name: try p.string("name") ?? "Stack", tierIDs: Array(tiers.prefix(2)))
      return StepOutcome(["promotion_stack": .object(r.value.simpleJSON)], r.events)
    case "promotion_stack_update":
      let stacks = named(world.promotionStacks, kind: "promotion_stack") { $0.name }
      let id = try select(&p, "promotion_stack", kind: "promotion stack", from: stacks, fallback: stacks.last?.id)
      let r = try world.updatePromotionStack(id, name: try p.string("name") ?? "Renamed stack")
      return StepOutcome(["promotion_stack": .object(r.value.simpleJSON)], r.events)
    case "vouchers_generate":
      let campaign = try self.campaign(&p)
      let r = try world.generateVouchers(campaignID: campaign, count: try p.int("count", in: 1...Int.max) ?? 10)
      return StepOutcome(["campaign": .object(r.value.simpleJSON)], r.events)
    case "vouchers_add":
      let campaign = try self.campaign(&p)
      let r = try world.addVouchers(campaignID: campaign, count: try p.int("count", in: 1...1000) ?? 1)
      return StepOutcome(["voucher": .object(r.value.last?.simpleJSON ?? [:])], r.events)
    case "customer_confirm":
      let r = try world.confirmCustomer(try self.customer(&p))
      return StepOutcome(["customer": .object(r.value.simpleJSON)], r.events)
    default:
      return nil
    }
  }
}

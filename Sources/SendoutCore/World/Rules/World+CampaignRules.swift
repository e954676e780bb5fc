/// Operations for the campaign event types Voucherify documents without a schema (`campaign.earning_rule.*`,
/// `campaign.referral_tier.*`, `campaign.reward.assignment.*`, `campaign.promotion_stack.*`). Their `data` is
/// inferred from the documented siblings (`campaign.loyalty_tier.*`, `campaign.promotion_tier.*`): the campaign
/// as `SimpleCampaign`, then the changed object.
extension World {
  /// Adds an `order.paid` earning rule to a loyalty campaign; emits `campaign.earning_rule.assigned` (inferred).
  public mutating func assignEarningRule(
    campaignID: String, every: Int, points: Int, pendingDays: Int? = nil, channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<EarningRule> {
    let c = try self.campaign(campaignID)
    guard c.campaignType == .loyaltyProgram else {
      throw .invalidPayload("campaign '\(c.name)' is not a loyalty program")
    }
    guard every > 0, points > 0 else { throw .invalidPayload("an earning rule needs every > 0 and points > 0") }
    begin(channel)
    let r = addEarningRule(campaignID: campaignID, every: every, points: points, pendingDays: pendingDays)
    try emitCampaignObject("campaign.earning_rule.assigned", campaignID, "earning_rule", r.fullJSON)
    return finish(r)
  }

  /// Makes an earning rule award pending points after `pendingDays` (immediate when `nil`); emits
  /// `campaign.earning_rule.updated` (inferred).
  public mutating func updateEarningRule(_ id: String, pendingDays: Int?, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<EarningRule>
  {
    let i = try position(in: earningRules, id, "earning rule")
    begin(channel)
    try setEarningRule(id, pendingDays: pendingDays)
    earningRules[i].updatedAt = now
    try emitCampaignObject(
      "campaign.earning_rule.updated", earningRules[i].campaignID, "earning_rule", earningRules[i].fullJSON)
    return finish(earningRules[i])
  }

  /// Enables or disables an earning rule; emits `campaign.earning_rule.enabled` or `.disabled` (inferred).
  public mutating func setEarningRuleActive(_ id: String, _ active: Bool, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<EarningRule>
  {
    let i = try position(in: earningRules, id, "earning rule")
    begin(channel)
    earningRules[i].active = active
    earningRules[i].updatedAt = now
    let type = "campaign.earning_rule.\(active ? "enabled" : "disabled")"
    try emitCampaignObject(type, earningRules[i].campaignID, "earning_rule", earningRules[i].fullJSON)
    return finish(earningRules[i])
  }

  /// Deletes an earning rule; emits `campaign.earning_rule.deleted` (inferred).
  public mutating func deleteEarningRule(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<EarningRule>
  {
    let i = try position(in: earningRules, id, "earning rule")
    begin(channel)
    try emitCampaignObject(
      "campaign.earning_rule.deleted", earningRules[i].campaignID, "earning_rule", earningRules[i].fullJSON)
    return finish(earningRules.remove(at: i))
  }

  /// Adds a referrer reward tier to a referral campaign; emits `campaign.referral_tier.created` (inferred).
  public mutating func createReferralTier(campaignID: String, credits: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ReferralTier>
  {
    let c = try self.campaign(campaignID)
    guard c.campaignType == .referralProgram else {
      throw .invalidPayload("campaign '\(c.name)' is not a referral program")
    }
    try AmountLimits.check(credits, "a referral tier's credits")
    begin(channel)
    let t = addReferralTier(campaignID: campaignID, credits: credits)
    try emitCampaignObject("campaign.referral_tier.created", campaignID, "referral_tier", t.json)
    return finish(t)
  }

  /// Changes the credits a referral tier gives; emits `campaign.referral_tier.updated` (inferred).
  public mutating func updateReferralTier(_ id: String, credits: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ReferralTier>
  {
    let i = try position(in: referralTiers, id, "referral tier")
    try AmountLimits.check(credits, "a referral tier's credits")
    begin(channel)
    referralTiers[i].credits = credits
    try emitCampaignObject(
      "campaign.referral_tier.updated", referralTiers[i].campaignID, "referral_tier", referralTiers[i].json)
    return finish(referralTiers[i])
  }

  /// Deletes a referral tier; emits `campaign.referral_tier.deleted` (inferred).
  public mutating func deleteReferralTier(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ReferralTier>
  {
    let i = try position(in: referralTiers, id, "referral tier")
    begin(channel)
    try emitCampaignObject(
      "campaign.referral_tier.deleted", referralTiers[i].campaignID, "referral_tier", referralTiers[i].json)
    return finish(referralTiers.remove(at: i))
  }

  /// Offers an existing reward in a loyalty campaign for `points`; emits `campaign.reward.assignment.created`
  /// (inferred).
  public mutating func assignReward(
    _ rewardID: String, campaignID: String, points: Int, channel: EventChannel = .userPortal
  )
    throws(VoucherifyError) -> Emitted<RewardAssignment>
  {
    _ = try position(in: rewards, rewardID, "reward")
    let c = try self.campaign(campaignID)
    guard c.campaignType == .loyaltyProgram else {
      throw .invalidPayload("campaign '\(c.name)' is not a loyalty program")
    }
    guard points > 0 else { throw .invalidPayload("a reward costs at least 1 point, not \(points)") }
    try AmountLimits.check(points, "a reward's points")
    begin(channel)
    let a = RewardAssignment(
      id: make(.rewardAssignment), rewardID: rewardID, campaignID: campaignID, points: points, createdAt: now)
    rewardAssignments.append(a)
    try emitCampaignObject("campaign.reward.assignment.created", campaignID, "reward_assignment", a.json)
    return finish(a)
  }

  /// Changes a reward's price in points; emits `campaign.reward.assignment.updated` (inferred).
  public mutating func updateRewardAssignment(_ id: String, points: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<RewardAssignment>
  {
    let i = try position(in: rewardAssignments, id, "reward assignment")
    guard points > 0 else { throw .invalidPayload("a reward costs at least 1 point, not \(points)") }
    try AmountLimits.check(points, "a reward's points")
    begin(channel)
    rewardAssignments[i].points = points
    let a = rewardAssignments[i]
    try emitCampaignObject("campaign.reward.assignment.updated", a.campaignID, "reward_assignment", a.json)
    return finish(a)
  }

  /// Withdraws a reward from a campaign; emits `campaign.reward.assignment.deleted` (inferred).
  public mutating func deleteRewardAssignment(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<RewardAssignment>
  {
    let i = try position(in: rewardAssignments, id, "reward assignment")
    begin(channel)
    let a = rewardAssignments[i]
    try emitCampaignObject("campaign.reward.assignment.deleted", a.campaignID, "reward_assignment", a.json)
    return finish(rewardAssignments.remove(at: i))
  }

  /// Groups promotion tiers into a stack; emits `campaign.promotion_stack.created` (inferred).
  public mutating func createPromotionStack(
    campaignID: String, name: String, tierIDs: [String], channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<PromotionStack> {
    let c = try self.campaign(campaignID)
    guard c.campaignType == .promotion else { throw .invalidPayload("campaign '\(c.name)' is not a promotion") }
    for id in tierIDs { _ = try position(in: promotionTiers, id, "promotion tier") }
    begin(channel)
    let s = try addPromotionStack(campaignID: campaignID, name: name, tierIDs: tierIDs)
    try emitCampaignObject("campaign.promotion_stack.created", campaignID, "promotion_stack", s.simpleJSON)
    return finish(s)
  }

  /// Renames a promotion stack; emits `campaign.promotion_stack.updated` (inferred).
  public mutating func updatePromotionStack(_ id: String, name: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PromotionStack>
  {
    let i = try position(in: promotionStacks, id, "promotion stack")
    begin(channel)
    promotionStacks[i].name = name
    let s = promotionStacks[i]
    try emitCampaignObject("campaign.promotion_stack.updated", s.campaignID, "promotion_stack", s.simpleJSON)
    return finish(s)
  }

  /// Emits `{campaign, <key>: object}` about a campaign.
  mutating func emitCampaignObject(_ type: String, _ campaignID: String, _ key: String, _ object: JSONObject)
    throws(VoucherifyError)
  {
    emit(
      type, entity: campaignID, ["campaign": .object(try self.campaign(campaignID).simpleJSON), key: .object(object)])
  }
}

extension PromotionStack: Identifiable {}
extension ReferralTier: Identifiable {}

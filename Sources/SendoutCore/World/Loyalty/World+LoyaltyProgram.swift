extension World {
  /// Adds a tier to a loyalty campaign; emits `campaign.loyalty_tier.created`.
  public mutating func createLoyaltyTier(
    campaignID: String, name: String, pointsFrom: Int, pointsTo: Int, metadata: JSONObject = [:],
    channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<LoyaltyTier> {
    let c = try self.campaign(campaignID)
    guard c.campaignType == .loyaltyProgram else {
      throw .invalidPayload("campaign '\(c.name)' is not a loyalty program")
    }
    begin(channel)
    var t = LoyaltyTier(
      id: make(.loyaltyTier), name: name, campaignID: campaignID, pointsFrom: pointsFrom, pointsTo: pointsTo,
      createdAt: now)
    t.metadata = metadata
    loyaltyTiers.append(t)
    try emitLoyaltyTier("campaign.loyalty_tier.created", t)
    return finish(t)
  }

  /// Renames a tier; emits `campaign.loyalty_tier.updated`.
  public mutating func updateLoyaltyTier(_ id: String, name: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<LoyaltyTier>
  {
    let i = try position(in: loyaltyTiers, id, "loyalty tier")
    begin(channel)
    loyaltyTiers[i].name = name
    loyaltyTiers[i].updatedAt = now
    try emitLoyaltyTier("campaign.loyalty_tier.updated", loyaltyTiers[i])
    return finish(loyaltyTiers[i])
  }

  /// Deletes a tier; emits `campaign.loyalty_tier.deleted`.
  public mutating func deleteLoyaltyTier(_ id: String, channel: EventChannel = .userPortal) throws(VoucherifyError)
    -> Emitted<LoyaltyTier>
  {
    let i = try position(in: loyaltyTiers, id, "loyalty tier")
    begin(channel)
    try emitLoyaltyTier("campaign.loyalty_tier.deleted", loyaltyTiers[i])
    return finish(loyaltyTiers.remove(at: i))
  }

  private mutating func emitLoyaltyTier(_ type: String, _ t: LoyaltyTier) throws(VoucherifyError) {
    emit(
      type, entity: t.campaignID,
      ["campaign": .object(try self.campaign(t.campaignID).simpleJSON), "loyalty_tier": .object(t.json())])
  }

  /// Adds an `order.paid` earning rule: `points` per `every` cents; `pendingDays` delays them (no event).
  @discardableResult
  public mutating func addEarningRule(campaignID: String, every: Int, points: Int, pendingDays: Int? = nil)
    -> EarningRule
  {
    tick()
    let r = EarningRule(
      id: make(.earningRule), campaignID: campaignID,
      banner: pendingDays == nil ? "Order paid" : "Earn points and wait",
      every: every, points: points, pendingDays: pendingDays, automationID: make(.automation),
      createdAt: now)
    earningRules.append(r)
    return r
  }

  /// Adds a reward and offers it in a loyalty campaign for `points` (no event).
  @discardableResult
  public mutating func addReward(name: String, kind: Reward.Kind, campaignID: String, points: Int) -> RewardAssignment {
    tick()
    let r = Reward(id: make(.reward), name: name, kind: kind, stock: nil, createdAt: now)
    rewards.append(r)
    let a = RewardAssignment(
      id: make(.rewardAssignment), rewardID: r.id, campaignID: campaignID, points: points, createdAt: now)
    rewardAssignments.append(a)
    return a
  }

  /// Adds a referrer reward tier to a referral campaign (no event).
  @discardableResult
  public mutating func addReferralTier(campaignID: String, credits: Int) -> ReferralTier {
    tick()
    let t = ReferralTier(id: make(.referralTier), campaignID: campaignID, banner: "Referral reward", credits: credits)
    referralTiers.append(t)
    return t
  }
}

extension ScenarioRun {
  /// Runs the operation `name` with its parameters.
  mutating func dispatch(_ name: String, _ p: inout FieldReader) throws -> StepOutcome {
    let parts = name.split(separator: "_").map(String.init)
    let action = parts.last ?? ""
    switch name {
    case "publish": return try publish(&p)
    case "redeem": return try redeem(&p)
    case "rollback": return try rollback(&p)
    case "referral": return try referral(&p)
    case "segment_enter", "segment_leave": return try segment(action == "enter", &p)
    case "loyalty_points_add": return try addPoints(&p)
    case "loyalty_points_expire": return try expirePoints(&p)
    case "tier_prolong": return try prolongTier(&p)
    case "gift_credits_add": return try giftCredits(&p)
    case "reward_redeem": return try redeemReward(&p)
    case "reward_complete": return try completeReward(&p)
    case "custom_event": return try customEvent(&p)
    case "manual_distribution": return try manualDistribution(&p)
    case "holder_assign", "holder_remove": return try holder(action == "assign", &p)
    case "campaign_create": return try createCampaign(&p)
    case "advance": return try advance(&p)
    default: break
    }
    if let outcome = try inferred(name, &p) { return outcome }
    if name.hasPrefix("order_") { return try self.order(action, &p) }
    if name.hasPrefix("pending_points_") { return try pendingPoints(action, &p) }
    if name.hasPrefix("campaign_") { return try campaignLifecycle(action, &p) }
    if name.hasPrefix("voucher_") { return try voucherLifecycle(action, &p) }
    if name.hasPrefix("customer_") { return try customerLifecycle(action, &p) }
    if name.hasPrefix("validation_rule_") { return try validationRule(action, &p) }
    if name.hasPrefix("promotion_tier_") { return try promotionTier(action, &p) }
    if name.hasPrefix("loyalty_tier_") { return try loyaltyTier(action, &p) }
    throw p.error(
      nil, "unknown operation '\(name)'; expected one of: \(ScenarioOperations.names.joined(separator: ", "))")
  }
}

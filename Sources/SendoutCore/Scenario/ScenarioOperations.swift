/// The operations scenario steps can use; each maps to a world operation.
public enum ScenarioOperations {
  /// Every operation name, as written in scenario files (besides `repeat`).
  public static var names: [String] { all.map(\.name) }

  /// Every operation with its parameters and what it emits.
  public static let all: [ScenarioOperation] = [
    .init("publish", "campaign, customer", "voucher.published, publication.succeeded, customer.publication.succeeded"),
    .init(
      "redeem", "voucher | promotion_tier, customer, amount | items",
      "redemption.succeeded or redemption.failed, customer.redemption.succeeded, customer.order.created/paid, points or gift transactions"
    ),
    .init(
      "rollback", "redemption, reason",
      "redemption.rollback.succeeded (or .failed), customer.redemption.rollback.succeeded"),
    .init(
      "referral", "voucher, customer, amount | items",
      "a referral redemption: redemption.succeeded, customer.referred (inferred), customer.rewarded for the referrer, order events"
    ),
    .init("order_create", "customer, amount | items", "customer.order.created"),
    .init("order_update", "order, amount | items", "customer.order.updated"),
    .init("order_pay", "order", "customer.order.paid, earned (or pending) loyalty points"),
    .init("order_cancel", "order", "customer.order.canceled"),
    .init("segment_enter", "segment, customer", "customer.segment.entered"),
    .init("segment_leave", "segment, customer", "customer.segment.left"),
    .init(
      "loyalty_points_add", "card | customer + campaign, points, reason",
      "points_added, loyalty_card.transaction.created, tier changes"),
    .init("loyalty_points_expire", "card | customer + campaign", "points_expired, transaction, tier changes"),
    .init("pending_points_update", "pending_points, points", "pending_points.updated"),
    .init("pending_points_activate", "pending_points", "pending_points.activated, points and tier events"),
    .init("pending_points_cancel", "pending_points", "pending_points.canceled"),
    .init("tier_prolong", "card | customer + campaign", "customer.loyalty.tier.prolonged"),
    .init(
      "gift_credits_add", "voucher, amount, reason",
      "voucher.gift.balance_added, customer.voucher.gift.balance_added, voucher.gift.transaction.created"),
    .init(
      "reward_redeem", "card | customer + campaign, reward",
      "customer.reward_redemptions.created/pending, customer.rewarded, transaction"),
    .init("reward_complete", "reward_redemption", "customer.reward_redemptions.completed"),
    .init("custom_event", "customer, event, metadata", "customer.custom_event"),
    .init("manual_distribution", "distribution, customer", "manual_distribution_schedule"),
    .init("holder_assign", "voucher, customer, role", "customer.holder.assignment.created"),
    .init("holder_remove", "voucher, customer", "customer.holder.assignment.deleted"),
    .init(
      "campaign_create",
      "key, name, type, code_config, discount, vouchers_count, redemption_quantity, gift_amount, loyalty_points, tiers, earning_rules, rewards, referrer_credits, promotion_tiers",
      "campaign.created, campaign.vouchers.generation.completed, tier events"),
    .init("campaign_update", "campaign, description, metadata", "campaign.updated"),
    .init("campaign_enable", "campaign", "campaign.enabled"),
    .init("campaign_disable", "campaign", "campaign.disabled"),
    .init("campaign_delete", "campaign", "campaign.deleted"),
    .init("voucher_create", "campaign", "voucher.created"),
    .init("voucher_update", "voucher, metadata", "voucher.updated"),
    .init("voucher_enable", "voucher", "voucher.enabled"),
    .init("voucher_disable", "voucher", "voucher.disabled"),
    .init("voucher_delete", "voucher", "voucher.deleted"),
    .init("customer_create", "key, name, email, metadata", "customer.created"),
    .init("customer_update", "customer, metadata", "customer.updated"),
    .init("customer_delete", "customer", "customer.deleted"),
    .init("validation_rule_create", "key, name, minimum_order_amount, segment", "business_validation_rule.created"),
    .init("validation_rule_update", "validation_rule, minimum_order_amount", "business_validation_rule.updated"),
    .init("validation_rule_delete", "validation_rule", "business_validation_rule.deleted"),
    .init(
      "validation_rule_assign", "validation_rule, voucher | campaign | promotion_tier | earning_rule",
      "business_validation_rule.assignment.created"),
    .init("validation_rule_unassign", "assignment", "business_validation_rule.assignment.deleted"),
    .init("promotion_tier_create", "campaign, key, name, discount", "campaign.promotion_tier.created"),
    .init("promotion_tier_update", "promotion_tier, banner", "campaign.promotion_tier.updated"),
    .init("promotion_tier_enable", "promotion_tier", "campaign.promotion_tier.enabled"),
    .init("promotion_tier_disable", "promotion_tier", "campaign.promotion_tier.disabled"),
    .init("promotion_tier_delete", "promotion_tier", "campaign.promotion_tier.deleted"),
    .init("loyalty_tier_create", "campaign, key, name, points_from, points_to", "campaign.loyalty_tier.created"),
    .init("loyalty_tier_update", "loyalty_tier, name", "campaign.loyalty_tier.updated"),
    .init("loyalty_tier_delete", "loyalty_tier", "campaign.loyalty_tier.deleted"),
    .init(
      "earning_rule_update", "earning_rule, pending_days (0: immediate points)",
      "campaign.earning_rule.updated (inferred); later paid orders earn pending or immediate points"),
    .init("earning_rule_assign", "campaign, every, points, pending_days", "campaign.earning_rule.assigned (inferred)"),
    .init("earning_rule_enable", "earning_rule", "campaign.earning_rule.enabled (inferred)"),
    .init("earning_rule_disable", "earning_rule", "campaign.earning_rule.disabled (inferred)"),
    .init("earning_rule_delete", "earning_rule", "campaign.earning_rule.deleted (inferred)"),
    .init("referral_tier_create", "campaign, credits", "campaign.referral_tier.created (inferred)"),
    .init("referral_tier_update", "referral_tier, credits", "campaign.referral_tier.updated (inferred)"),
    .init("referral_tier_delete", "referral_tier", "campaign.referral_tier.deleted (inferred)"),
    .init("reward_assign", "reward, campaign, points", "campaign.reward.assignment.created (inferred)"),
    .init("reward_assignment_update", "reward_assignment, points", "campaign.reward.assignment.updated (inferred)"),
    .init("reward_assignment_delete", "reward_assignment", "campaign.reward.assignment.deleted (inferred)"),
    .init("promotion_stack_create", "campaign, name", "campaign.promotion_stack.created (inferred)"),
    .init("promotion_stack_update", "promotion_stack, name", "campaign.promotion_stack.updated (inferred)"),
    .init(
      "vouchers_generate", "campaign, count",
      "campaign.vouchers.generation.started (inferred), then .completed, or .failed (inferred) when the code pattern has too few codes left"
    ),
    .init("vouchers_add", "campaign, count", "campaign.vouchers.added (inferred)"),
    .init("customer_confirm", "customer", "customer.confirmed (inferred)"),
    .init("advance", "by (e.g. \"1h\", \"14d\")", "nothing: moves the simulated clock"),
  ]
}

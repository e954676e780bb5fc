/// Every event type Sendout knows: the 72 of the official spec and the 18 documented ones without a schema, whose
/// `data` is inferred from documented siblings (`schema: .inferred`).
///
/// Where each event can be configured comes from the spec index's `configured_in` (46 project settings only,
/// 24 distributions only, 2 both); the purposes of distribution events from the docs' "Webhooks available in
/// Distributions" table (seed 001).
public enum EventCatalog {
  /// All descriptors in a stable order: the spec's, then the inferred ones.
  public static let all: [EventDescriptor] = renderable + schemaless

  /// The 72 event types with an official schema.
  public static var official: [EventDescriptor] { all.filter(\.hasOfficialSchema) }

  /// The descriptor for `type`, or `nil`.
  public static func descriptor(for type: String) -> EventDescriptor? { all.first { $0.type == type } }

  private static func e(
    _ type: String, _ key: String, _ places: [SourceKind], _ purposes: [DistributionPurpose] = []
  ) -> EventDescriptor {
    EventDescriptor(type: type, webhookKey: key, configuredIn: places, purposes: purposes)
  }

  private static func n(
    _ type: String, _ places: [SourceKind], _ purposes: [DistributionPurpose] = []
  ) -> EventDescriptor {
    EventDescriptor(type: type, webhookKey: "", configuredIn: places, purposes: purposes, schema: .inferred)
  }

  private static let renderable: [EventDescriptor] = [
    e("redemption.succeeded", "EVENTS.REDEMPTION.SUCCEEDED", .project),
    e("redemption.failed", "EVENTS.REDEMPTION.FAILED", .project),
    e("redemption.rollback.succeeded", "EVENTS.REDEMPTION.ROLLBACK.SUCCEEDED", .project),
    e("redemption.rollback.failed", "EVENTS.REDEMPTION.ROLLBACK.FAILED", .project),
    e("customer.created", "EVENTS.CUSTOMER.CREATED", .project),
    e("customer.updated", "EVENTS.CUSTOMER.UPDATED", .project),
    e("customer.deleted", "EVENTS.CUSTOMER.DELETED", .project),
    e("customer.redemption.succeeded", "EVENTS.CUSTOMER.REDEMPTION.SUCCEEDED", .distribution, .plain),
    e("customer.redemption.rollback.succeeded", "EVENTS.CUSTOMER.REDEMPTION.ROLLBACK.SUCCEEDED", .distribution, .plain),
    e("customer.rewarded", "EVENTS.CUSTOMER.REWARDED", .both, .plain),
    e("customer.rewarded.loyalty_points", "EVENTS.CUSTOMER.REWARDED.LOYALTY_POINTS", .both, .plain),
    e("customer.reward_redemptions.created", "EVENTS.CUSTOMER.REWARD_REDEMPTIONS.CREATED", .project),
    e("customer.reward_redemptions.pending", "EVENTS.CUSTOMER.REWARD_REDEMPTIONS.PENDING", .project),
    e("customer.reward_redemptions.completed", "EVENTS.CUSTOMER.REWARD_REDEMPTIONS.COMPLETED", .distribution, .plain),
    e(
      "customer.voucher.loyalty_card.pending_points.activated",
      "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.ACTIVATED", .distribution, .plain),
    e(
      "customer.voucher.loyalty_card.pending_points.added", "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.ADDED",
      .distribution, .plain),
    e(
      "customer.voucher.loyalty_card.pending_points.canceled",
      "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.CANCELED", .distribution, .plain),
    e(
      "customer.voucher.loyalty_card.pending_points.updated",
      "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.PENDING_POINTS.UPDATED", .distribution, .plain),
    e(
      "customer.voucher.loyalty_card.points_added", "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.POINTS_ADDED", .distribution,
      .plain),
    e(
      "customer.voucher.loyalty_card.points_expired", "EVENTS.CUSTOMER.VOUCHER.LOYALTY_CARD.POINTS_EXPIRED",
      .distribution, .plain),
    e("customer.voucher.gift.balance_added", "EVENTS.CUSTOMER.VOUCHER.GIFT.BALANCE_ADDED", .distribution, .plain),
    e("customer.segment.entered", "EVENTS.CUSTOMER.SEGMENT.ENTERED", .distribution, .all),
    e("customer.segment.left", "EVENTS.CUSTOMER.SEGMENT.LEFT", .distribution, .all),
    e("customer.loyalty.tier.joined", "EVENTS.CUSTOMER.LOYALTY.TIER.JOINED", .distribution, .plain),
    e("customer.loyalty.tier.upgraded", "EVENTS.CUSTOMER.LOYALTY.TIER.UPGRADED", .distribution, .plain),
    e("customer.loyalty.tier.downgraded", "EVENTS.CUSTOMER.LOYALTY.TIER.DOWNGRADED", .distribution, .plain),
    e("customer.loyalty.tier.prolonged", "EVENTS.CUSTOMER.LOYALTY.TIER.PROLONGED", .distribution, .plain),
    e("customer.loyalty.tier.left", "EVENTS.CUSTOMER.LOYALTY.TIER.LEFT", .distribution, .plain),
    e("customer.holder.assignment.created", "EVENTS.CUSTOMER.HOLDER.ASSIGNMENT.CREATED", .project),
    e("customer.holder.assignment.deleted", "EVENTS.CUSTOMER.HOLDER.ASSIGNMENT.DELETED", .project),
    e("customer.order.created", "EVENTS.CUSTOMER.ORDER.CREATED", .distribution, .all),
    e("customer.order.paid", "EVENTS.CUSTOMER.ORDER.PAID", .distribution, .all),
    e("customer.order.updated", "EVENTS.CUSTOMER.ORDER.UPDATED", .distribution, .all),
    e("customer.order.canceled", "EVENTS.CUSTOMER.ORDER.CANCELED", .distribution, .all),
    e("customer.publication.succeeded", "EVENTS.CUSTOMER.PUBLICATION.SUCCEEDED", .distribution, .plain),
    e("customer.custom_event", "EVENTS.CUSTOMER.CUSTOM_EVENT", .distribution, .all),
    e("publication.succeeded", "EVENTS.PUBLICATION.SUCCEEDED", .project),
    e("voucher.created", "EVENTS.VOUCHER.CREATED", .project),
    e("voucher.disabled", "EVENTS.VOUCHER.DISABLED", .project),
    e("voucher.enabled", "EVENTS.VOUCHER.ENABLED", .project),
    e("voucher.updated", "EVENTS.VOUCHER.UPDATED", .project),
    e("voucher.published", "EVENTS.VOUCHER.PUBLISHED", .project),
    e("voucher.loyalty_card.transaction.created", "EVENTS.VOUCHER.LOYALTY_CARD.TRANSACTION.CREATED", .project),
    e(
      "voucher.loyalty_card.pending_points.activated", "EVENTS.VOUCHER.LOYALTY_CARD.PENDING_POINTS.ACTIVATED", .project),
    e("voucher.loyalty_card.pending_points.added", "EVENTS.VOUCHER.LOYALTY_CARD.PENDING_POINTS.ADDED", .project),
    e("voucher.loyalty_card.pending_points.canceled", "EVENTS.VOUCHER.LOYALTY_CARD.PENDING_POINTS.CANCELED", .project),
    e("voucher.loyalty_card.pending_points.updated", "EVENTS.VOUCHER.LOYALTY_CARD.PENDING_POINTS.UPDATED", .project),
    e("voucher.loyalty_card.points_added", "EVENTS.VOUCHER.LOYALTY_CARD.POINTS_ADDED", .project),
    e("voucher.loyalty_card.points_expired", "EVENTS.VOUCHER.LOYALTY_CARD.POINTS_EXPIRED", .project),
    e("voucher.gift.transaction.created", "EVENTS.VOUCHER.GIFT.TRANSACTION.CREATED", .project),
    e("voucher.gift.balance_added", "EVENTS.VOUCHER.GIFT.BALANCE_ADDED", .project),
    e("voucher.deleted", "EVENTS.VOUCHER.DELETED", .project),
    e("campaign.created", "EVENTS.CAMPAIGN.CREATED", .project),
    e("campaign.vouchers.generation.completed", "EVENTS.CAMPAIGN.VOUCHERS.GENERATION.COMPLETED", .project),
    e("campaign.disabled", "EVENTS.CAMPAIGN.DISABLED", .project),
    e("campaign.enabled", "EVENTS.CAMPAIGN.ENABLED", .project),
    e("campaign.updated", "EVENTS.CAMPAIGN.UPDATED", .project),
    e("campaign.deleted", "EVENTS.CAMPAIGN.DELETED", .project),
    e("campaign.loyalty_tier.created", "EVENTS.CAMPAIGN.LOYALTY_TIER.CREATED", .project),
    e("campaign.loyalty_tier.deleted", "EVENTS.CAMPAIGN.LOYALTY_TIER.DELETED", .project),
    e("campaign.loyalty_tier.updated", "EVENTS.CAMPAIGN.LOYALTY_TIER.UPDATED", .project),
    e("campaign.promotion_tier.created", "EVENTS.CAMPAIGN.PROMOTION_TIER.CREATED", .project),
    e("campaign.promotion_tier.disabled", "EVENTS.CAMPAIGN.PROMOTION_TIER.DISABLED", .project),
    e("campaign.promotion_tier.enabled", "EVENTS.CAMPAIGN.PROMOTION_TIER.ENABLED", .project),
    e("campaign.promotion_tier.updated", "EVENTS.CAMPAIGN.PROMOTION_TIER.UPDATED", .project),
    e("campaign.promotion_tier.deleted", "EVENTS.CAMPAIGN.PROMOTION_TIER.DELETED", .project),
    e("business_validation_rule.created", "EVENTS.BUS_VAL_RULE.CREATED", .project),
    e("business_validation_rule.updated", "EVENTS.BUS_VAL_RULE.UPDATED", .project),
    e("business_validation_rule.assignment.created", "EVENTS.BUS_VAL_RULE.ASSIGNMENT.CREATED", .project),
    e("business_validation_rule.assignment.deleted", "EVENTS.BUS_VAL_RULE.ASSIGNMENT.DELETED", .project),
    e("business_validation_rule.deleted", "EVENTS.BUS_VAL_RULE.DELETED", .project),
    e(
      "manual_distribution_schedule", "EVENTS.DISTRIBUTION.MANUAL_DISTRIBUTION_SCHEDULE", .distribution,
      .promotionOrCodes),
  ]

  private static let schemaless: [EventDescriptor] = [
    n("campaign.earning_rule.assigned", .project),
    n("campaign.earning_rule.deleted", .project),
    n("campaign.earning_rule.disabled", .project),
    n("campaign.earning_rule.enabled", .project),
    n("campaign.earning_rule.updated", .project),
    n("campaign.promotion_stack.created", .project),
    n("campaign.promotion_stack.updated", .project),
    n("campaign.referral_tier.created", .project),
    n("campaign.referral_tier.deleted", .project),
    n("campaign.referral_tier.updated", .project),
    n("campaign.reward.assignment.created", .project),
    n("campaign.reward.assignment.deleted", .project),
    n("campaign.reward.assignment.updated", .project),
    n("campaign.vouchers.added", .project),
    n("campaign.vouchers.generation.failed", .project),
    n("campaign.vouchers.generation.started", .project),
    n("customer.confirmed", .project),
    n("customer.referred", .distribution, .plain),
  ]
}

extension [DistributionPurpose] {
  /// All three purposes (segment, order and custom-event distributions).
  static let all: [DistributionPurpose] = [.notifyAboutPromotion, .sendUniqueCodes, .plainMessage]
  /// Promotion or unique codes, never a plain message (manual distributions).
  static let promotionOrCodes: [DistributionPurpose] = [.notifyAboutPromotion, .sendUniqueCodes]
  /// Only a plain message (voucher, loyalty, reward and publication activities).
  static let plain: [DistributionPurpose] = [.plainMessage]
}

extension [SourceKind] {
  /// Project settings only.
  static let project: [SourceKind] = [.webhook]
  /// Distributions only.
  static let distribution: [SourceKind] = [.distribution]
  /// Both.
  static let both: [SourceKind] = [.webhook, .distribution]
}

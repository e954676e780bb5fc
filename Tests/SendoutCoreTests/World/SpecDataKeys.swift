// Generated from the official spec (voucherify-openapi reference/OpenAPIWebhooks.json @ 65c33a7a):
// for each event, the data keys the spec allows, the required ones, the official example's key order,
// and the `object` discriminator each top-level object must carry.
enum SpecDataKeys {
  struct Entry: Sendable {
    let allowed: [String]
    let required: [String]
    let exampleOrder: [String]
    let objects: [String: String]
  }

  static let all: [String: Entry] = [
    "redemption.succeeded": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "created_at",
      ],
      required: [],
      exampleOrder: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "redemption", "created_at",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "redemption.failed": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "created_at",
      ],
      required: [],
      exampleOrder: [
        "order", "holder", "voucher", "campaign", "customer", "created_at", "redemption", "promotion_tier",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "redemption.rollback.succeeded": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "redemption_rollback",
      ],
      required: [],
      exampleOrder: [
        "order", "holder", "voucher", "campaign", "customer", "redemption", "promotion_tier", "redemption_rollback",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "redemption.rollback.failed": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "redemption_rollback",
      ],
      required: [],
      exampleOrder: [
        "order", "holder", "voucher", "campaign", "customer", "redemption", "promotion_tier", "redemption_rollback",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "customer.created": Entry(
      allowed: ["customer"],
      required: [],
      exampleOrder: ["customer"],
      objects: ["customer": "customer"]),
    "customer.updated": Entry(
      allowed: ["customer"],
      required: [],
      exampleOrder: ["customer"],
      objects: ["customer": "customer"]),
    "customer.deleted": Entry(
      allowed: ["customer"],
      required: [],
      exampleOrder: ["customer"],
      objects: ["customer": "customer"]),
    "customer.redemption.succeeded": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
      ],
      required: [],
      exampleOrder: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "customer.redemption.rollback.succeeded": Entry(
      allowed: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "redemption_rollback",
      ],
      required: [],
      exampleOrder: [
        "customer", "order", "campaign", "voucher", "holder", "promotion_tier", "promotion_stack", "redemption",
        "redemption_rollback",
      ],
      objects: [
        "customer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher", "holder": "customer",
      ]),
    "customer.rewarded": Entry(
      allowed: [
        "customer", "holder", "voucher", "campaign", "redemption", "reward", "referral_tier", "balance", "custom_event",
        "customer_event",
      ],
      required: [],
      exampleOrder: [
        "customer", "holder", "voucher", "campaign", "redemption", "reward", "referral_tier", "balance", "custom_event",
        "customer_event",
      ],
      objects: [
        "customer": "customer", "holder": "customer", "voucher": "voucher", "campaign": "campaign", "reward": "reward",
        "custom_event": "event",
      ]),
    "customer.rewarded.loyalty_points": Entry(
      allowed: [
        "customer", "holder", "voucher", "campaign", "loyalty_tier", "earning_rule", "balance", "order", "event",
        "publication",
      ],
      required: [],
      exampleOrder: [
        "customer", "holder", "voucher", "campaign", "loyalty_tier", "earning_rule", "balance", "order", "event",
      ],
      objects: [
        "customer": "customer", "holder": "customer", "voucher": "voucher", "campaign": "campaign",
        "loyalty_tier": "loyalty_tier", "earning_rule": "earning_rule", "balance": "balance", "order": "order",
        "publication": "publication",
      ]),
    "customer.reward_redemptions.created": Entry(
      allowed: [
        "customer", "holder", "voucher", "campaign", "reward_redemption", "reward", "reward_assignment", "source",
        "balance",
      ],
      required: [],
      exampleOrder: [
        "holder", "reward", "source", "balance", "voucher", "campaign", "customer", "reward_assignment",
        "reward_redemption",
      ],
      objects: [
        "customer": "customer", "holder": "customer", "voucher": "voucher", "campaign": "campaign", "reward": "reward",
        "reward_assignment": "reward_assignment",
      ]),
    "customer.reward_redemptions.pending": Entry(
      allowed: [
        "customer", "holder", "voucher", "campaign", "reward_redemption", "reward", "reward_assignment", "source",
        "balance",
      ],
      required: [],
      exampleOrder: [
        "holder", "reward", "source", "balance", "voucher", "campaign", "customer", "reward_assignment",
        "reward_redemption",
      ],
      objects: [
        "customer": "customer", "holder": "customer", "voucher": "voucher", "campaign": "campaign", "reward": "reward",
        "reward_assignment": "reward_assignment",
      ]),
    "customer.reward_redemptions.completed": Entry(
      allowed: [
        "customer", "holder", "voucher", "campaign", "reward_redemption", "reward", "reward_assignment", "source",
        "balance", "publication",
      ],
      required: [],
      exampleOrder: [
        "customer", "holder", "voucher", "campaign", "reward_redemption", "reward", "reward_assignment", "source",
        "balance", "publication",
      ],
      objects: [
        "customer": "customer", "holder": "customer", "voucher": "voucher", "campaign": "campaign", "reward": "reward",
        "reward_assignment": "reward_assignment", "publication": "publication",
      ]),
    "customer.voucher.loyalty_card.pending_points.activated": Entry(
      allowed: ["customer", "campaign", "voucher", "balance", "order", "transaction", "pending_points"],
      required: ["customer", "campaign", "voucher", "balance", "order", "transaction", "pending_points"],
      exampleOrder: ["voucher", "campaign", "customer", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher", "balance": "balance", "order": "order",
      ]),
    "customer.voucher.loyalty_card.pending_points.added": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "customer.voucher.loyalty_card.pending_points.canceled": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "customer.voucher.loyalty_card.pending_points.updated": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "customer.voucher.loyalty_card.points_added": Entry(
      allowed: ["customer", "campaign", "voucher", "balance", "transaction"],
      required: ["customer", "campaign", "voucher", "balance", "transaction"],
      exampleOrder: ["customer", "campaign", "voucher", "balance", "transaction"],
      objects: ["customer": "customer", "campaign": "campaign", "voucher": "voucher", "balance": "balance"]),
    "customer.voucher.loyalty_card.points_expired": Entry(
      allowed: ["customer", "campaign", "voucher", "points", "buckets", "transaction"],
      required: ["customer", "campaign", "voucher", "points", "buckets", "transaction"],
      exampleOrder: ["customer", "campaign", "voucher", "points", "buckets", "transaction"],
      objects: ["customer": "customer", "campaign": "campaign", "voucher": "voucher"]),
    "customer.voucher.gift.balance_added": Entry(
      allowed: ["customer", "campaign", "voucher", "balance", "transaction"],
      required: [],
      exampleOrder: ["customer", "campaign", "voucher", "balance", "transaction"],
      objects: ["customer": "customer", "campaign": "campaign", "voucher": "voucher", "balance": "balance"]),
    "customer.segment.entered": Entry(
      allowed: ["customer", "segment", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "segment"],
      exampleOrder: ["customer", "segment"],
      objects: [
        "customer": "customer", "segment": "segment", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.segment.left": Entry(
      allowed: ["customer", "segment", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "segment"],
      exampleOrder: ["customer", "segment"],
      objects: [
        "customer": "customer", "segment": "segment", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.loyalty.tier.joined": Entry(
      allowed: ["customer", "campaign", "loyalty_tier", "created_at"],
      required: ["customer", "campaign", "loyalty_tier", "created_at"],
      exampleOrder: ["customer", "campaign", "loyalty_tier", "created_at"],
      objects: ["customer": "customer", "campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "customer.loyalty.tier.upgraded": Entry(
      allowed: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      required: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      exampleOrder: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      objects: [
        "customer": "customer", "campaign": "campaign", "loyalty_tier_from": "loyalty_tier",
        "loyalty_tier_to": "loyalty_tier",
      ]),
    "customer.loyalty.tier.downgraded": Entry(
      allowed: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      required: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      exampleOrder: ["customer", "campaign", "loyalty_tier_from", "loyalty_tier_to", "created_at"],
      objects: [
        "customer": "customer", "campaign": "campaign", "loyalty_tier_from": "loyalty_tier",
        "loyalty_tier_to": "loyalty_tier",
      ]),
    "customer.loyalty.tier.prolonged": Entry(
      allowed: ["customer", "campaign", "loyalty_tier", "created_at"],
      required: ["customer", "campaign", "loyalty_tier", "created_at"],
      exampleOrder: ["customer", "campaign", "loyalty_tier", "created_at"],
      objects: ["customer": "customer", "campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "customer.loyalty.tier.left": Entry(
      allowed: ["customer", "campaign", "loyalty_tier", "created_at"],
      required: ["customer", "campaign", "loyalty_tier", "created_at"],
      exampleOrder: ["customer", "campaign", "loyalty_tier", "created_at"],
      objects: ["customer": "customer", "campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "customer.holder.assignment.created": Entry(
      allowed: ["holder", "voucher", "campaign", "customer"],
      required: ["holder", "voucher", "campaign", "customer"],
      exampleOrder: ["holder", "voucher", "campaign", "customer"],
      objects: ["holder": "redeemable_holder", "voucher": "voucher", "campaign": "campaign", "customer": "customer"]),
    "customer.holder.assignment.deleted": Entry(
      allowed: ["holder", "voucher", "campaign", "customer"],
      required: ["holder", "voucher", "campaign", "customer"],
      exampleOrder: ["holder", "voucher", "campaign", "customer"],
      objects: ["holder": "redeemable_holder", "voucher": "voucher", "campaign": "campaign", "customer": "customer"]),
    "customer.order.created": Entry(
      allowed: ["customer", "referrer", "order", "redemption", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "referrer", "order", "redemption"],
      exampleOrder: ["customer", "referrer", "order", "redemption"],
      objects: [
        "customer": "customer", "referrer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.order.paid": Entry(
      allowed: ["customer", "referrer", "order", "redemption", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "referrer", "order", "redemption"],
      exampleOrder: ["customer", "referrer", "order", "redemption"],
      objects: [
        "customer": "customer", "referrer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.order.updated": Entry(
      allowed: ["customer", "referrer", "order", "redemption", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "referrer", "order", "redemption"],
      exampleOrder: ["order", "customer", "referrer", "redemption"],
      objects: [
        "customer": "customer", "referrer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.order.canceled": Entry(
      allowed: ["customer", "referrer", "order", "redemption", "campaign", "voucher", "publication", "promotion_tier"],
      required: ["customer", "referrer", "order", "redemption"],
      exampleOrder: ["customer", "referrer", "order", "redemption"],
      objects: [
        "customer": "customer", "referrer": "customer", "order": "order", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "customer.publication.succeeded": Entry(
      allowed: ["customer", "campaign", "publication", "voucher"],
      required: ["customer", "campaign", "publication", "voucher"],
      exampleOrder: ["customer", "campaign", "publication", "voucher"],
      objects: ["customer": "customer", "campaign": "campaign", "publication": "publication", "voucher": "voucher"]),
    "customer.custom_event": Entry(
      allowed: [
        "event", "event_schema", "customer", "referral", "loyalty", "campaign", "voucher", "publication",
        "promotion_tier",
      ],
      required: ["event", "event_schema", "customer", "referral", "loyalty"],
      exampleOrder: ["event", "event_schema", "customer", "referral", "loyalty"],
      objects: [
        "event": "event", "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "publication": "publication",
      ]),
    "publication.succeeded": Entry(
      allowed: ["customer", "campaign", "publication", "voucher", "user"],
      required: [],
      exampleOrder: ["user", "campaign", "customer", "publication"],
      objects: ["customer": "customer", "campaign": "campaign", "publication": "publication", "voucher": "voucher"]),
    "voucher.created": Entry(
      allowed: ["voucher", "campaign"],
      required: [],
      exampleOrder: ["voucher", "campaign"],
      objects: ["campaign": "campaign"]),
    "voucher.disabled": Entry(
      allowed: ["voucher", "campaign"],
      required: [],
      exampleOrder: ["voucher", "campaign"],
      objects: ["campaign": "campaign"]),
    "voucher.enabled": Entry(
      allowed: ["voucher", "campaign"],
      required: [],
      exampleOrder: ["voucher", "campaign"],
      objects: ["campaign": "campaign"]),
    "voucher.updated": Entry(
      allowed: ["voucher", "campaign"],
      required: [],
      exampleOrder: ["voucher", "campaign"],
      objects: ["campaign": "campaign"]),
    "voucher.published": Entry(
      allowed: ["customer", "campaign", "publication", "voucher", "created_at"],
      required: [],
      exampleOrder: ["customer", "campaign", "publication", "voucher", "created_at"],
      objects: ["customer": "customer", "campaign": "campaign", "publication": "publication", "voucher": "voucher"]),
    "voucher.loyalty_card.transaction.created": Entry(
      allowed: [
        "transaction", "voucher", "campaign", "holder", "holder_loyalty_tier", "balance", "order", "event",
        "earning_rule", "segment", "loyalty_tier", "redemption", "rollback", "reward", "custom_event", "source_voucher",
        "destination_voucher",
      ],
      required: [
        "transaction", "voucher", "campaign", "holder", "holder_loyalty_tier", "balance", "order", "event",
        "earning_rule", "segment", "loyalty_tier", "redemption", "rollback", "reward", "custom_event", "source_voucher",
        "destination_voucher",
      ],
      exampleOrder: [
        "transaction", "voucher", "campaign", "holder", "holder_loyalty_tier", "balance", "order", "event",
        "earning_rule", "segment", "loyalty_tier", "redemption", "rollback", "reward", "custom_event", "source_voucher",
        "destination_voucher",
      ],
      objects: [
        "campaign": "campaign", "holder": "customer", "holder_loyalty_tier": "loyalty_tier", "balance": "balance",
        "order": "order", "segment": "segment", "loyalty_tier": "loyalty_tier", "reward": "reward",
        "custom_event": "event", "source_voucher": "voucher", "destination_voucher": "voucher",
      ]),
    "voucher.loyalty_card.pending_points.activated": Entry(
      allowed: ["customer", "campaign", "voucher", "balance", "order", "transaction", "pending_points"],
      required: ["customer", "campaign", "voucher", "balance", "order", "transaction", "pending_points"],
      exampleOrder: ["customer", "campaign", "voucher", "balance", "order", "transaction", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher", "balance": "balance", "order": "order",
      ]),
    "voucher.loyalty_card.pending_points.added": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["voucher", "voucher_pending_points_balance", "campaign", "customer", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "voucher.loyalty_card.pending_points.canceled": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "voucher.loyalty_card.pending_points.updated": Entry(
      allowed: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      required: ["customer", "campaign", "voucher", "voucher_pending_points_balance", "order", "pending_points"],
      exampleOrder: ["voucher", "voucher_pending_points_balance", "campaign", "customer", "order", "pending_points"],
      objects: [
        "customer": "customer", "campaign": "campaign", "voucher": "voucher",
        "voucher_pending_points_balance": "balance", "order": "order",
      ]),
    "voucher.loyalty_card.points_added": Entry(
      allowed: ["voucher", "balance", "campaign", "customer", "transaction"],
      required: [],
      exampleOrder: ["voucher", "balance", "campaign", "customer", "transaction"],
      objects: ["voucher": "voucher", "balance": "balance", "campaign": "campaign", "customer": "customer"]),
    "voucher.loyalty_card.points_expired": Entry(
      allowed: ["voucher", "points", "campaign", "customer", "buckets", "transaction"],
      required: ["voucher", "points", "campaign", "customer", "buckets", "transaction"],
      exampleOrder: ["voucher", "points", "campaign", "customer", "buckets", "transaction"],
      objects: [
        "voucher": "voucher", "campaign": "campaign", "customer": "customer", "buckets": "loyalty_points_bucket",
      ]),
    "voucher.gift.transaction.created": Entry(
      allowed: ["transaction", "voucher", "campaign", "holder", "balance", "order", "redemption", "rollback"],
      required: [],
      exampleOrder: ["transaction", "voucher", "campaign", "holder", "balance", "order", "redemption", "rollback"],
      objects: ["campaign": "campaign", "holder": "customer", "balance": "balance", "order": "order"]),
    "voucher.gift.balance_added": Entry(
      allowed: ["voucher", "balance", "campaign", "transaction"],
      required: [],
      exampleOrder: ["balance", "voucher", "campaign", "transaction"],
      objects: ["voucher": "voucher", "balance": "balance", "campaign": "campaign"]),
    "voucher.deleted": Entry(
      allowed: ["voucher", "campaign"],
      required: [],
      exampleOrder: ["voucher", "campaign"],
      objects: ["campaign": "campaign"]),
    "campaign.created": Entry(
      allowed: ["campaign", "created_at"],
      required: [],
      exampleOrder: ["campaign"],
      objects: [:]),
    "campaign.vouchers.generation.completed": Entry(
      allowed: ["campaign", "count", "completed_at"],
      required: [],
      exampleOrder: ["count", "campaign", "completed_at"],
      objects: ["campaign": "campaign"]),
    "campaign.disabled": Entry(
      allowed: ["campaign"],
      required: [],
      exampleOrder: ["campaign"],
      objects: [:]),
    "campaign.enabled": Entry(
      allowed: ["campaign"],
      required: [],
      exampleOrder: ["campaign"],
      objects: [:]),
    "campaign.updated": Entry(
      allowed: ["campaign"],
      required: [],
      exampleOrder: ["campaign"],
      objects: [:]),
    "campaign.deleted": Entry(
      allowed: ["campaign", "deleted_at"],
      required: [],
      exampleOrder: ["campaign", "deleted_at"],
      objects: [:]),
    "campaign.loyalty_tier.created": Entry(
      allowed: ["campaign", "loyalty_tier"],
      required: [],
      exampleOrder: ["campaign", "loyalty_tier"],
      objects: ["campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "campaign.loyalty_tier.deleted": Entry(
      allowed: ["campaign", "loyalty_tier"],
      required: [],
      exampleOrder: ["campaign", "loyalty_tier"],
      objects: ["campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "campaign.loyalty_tier.updated": Entry(
      allowed: ["campaign", "loyalty_tier"],
      required: [],
      exampleOrder: ["campaign", "loyalty_tier"],
      objects: ["campaign": "campaign", "loyalty_tier": "loyalty_tier"]),
    "campaign.promotion_tier.created": Entry(
      allowed: ["campaign", "promotion_tier"],
      required: [],
      exampleOrder: ["campaign", "promotion_tier"],
      objects: ["campaign": "campaign"]),
    "campaign.promotion_tier.disabled": Entry(
      allowed: ["campaign", "promotion_tier"],
      required: [],
      exampleOrder: ["campaign", "promotion_tier"],
      objects: ["campaign": "campaign"]),
    "campaign.promotion_tier.enabled": Entry(
      allowed: ["campaign", "promotion_tier"],
      required: [],
      exampleOrder: ["campaign", "promotion_tier"],
      objects: ["campaign": "campaign"]),
    "campaign.promotion_tier.updated": Entry(
      allowed: ["campaign", "promotion_tier"],
      required: [],
      exampleOrder: ["campaign", "promotion_tier"],
      objects: ["campaign": "campaign"]),
    "campaign.promotion_tier.deleted": Entry(
      allowed: ["campaign", "promotion_tier"],
      required: [],
      exampleOrder: ["campaign", "promotion_tier"],
      objects: ["campaign": "campaign"]),
    "business_validation_rule.created": Entry(
      allowed: ["rule", "created_at"],
      required: [],
      exampleOrder: ["rule"],
      objects: [:]),
    "business_validation_rule.updated": Entry(
      allowed: ["rule", "updated_at"],
      required: [],
      exampleOrder: ["rule"],
      objects: [:]),
    "business_validation_rule.assignment.created": Entry(
      allowed: ["rule", "assignment", "voucher", "campaign", "distribution", "promotion_tier", "earning_rule"],
      required: [],
      exampleOrder: ["rule", "voucher", "campaign", "assignment", "distribution", "earning_rule", "promotion_tier"],
      objects: ["assignment": "validation_rules_assignment", "voucher": "voucher", "campaign": "campaign"]),
    "business_validation_rule.assignment.deleted": Entry(
      allowed: ["rule", "assignment", "voucher", "campaign", "distribution", "promotion_tier", "earning_rule"],
      required: [],
      exampleOrder: ["rule", "campaign", "assignment", "distribution", "earning_rule", "promotion_tier"],
      objects: ["assignment": "validation_rules_assignment", "voucher": "voucher", "campaign": "campaign"]),
    "business_validation_rule.deleted": Entry(
      allowed: ["rule", "deleted_at"],
      required: [],
      exampleOrder: ["rule"],
      objects: [:]),
    "manual_distribution_schedule": Entry(
      allowed: ["distribution", "campaign", "voucher", "publication", "promotion_tier", "customer"],
      required: ["distribution"],
      exampleOrder: ["distribution", "campaign", "voucher", "customer", "publication"],
      objects: ["campaign": "campaign", "voucher": "voucher", "publication": "publication", "customer": "customer"]),
  ]
}

/// The simulated Voucherify project: campaigns, vouchers, customers, orders and loyalty state.
///
/// Pure: time comes from its own clock, which every operation advances deterministically; randomness from a
/// `SeededGenerator`; ids from an `IDFactory`. The same seed, start and operations give identical events.
public struct World: Sendable {
  /// The simulated clock.
  public internal(set) var now: Timestamp
  var rng: SeededGenerator
  var ids: IDFactory
  /// The dashboard user that USER_PORTAL events name.
  public let userID: String
  /// The API key app id that API events name.
  public let appID: String

  /// Categories.
  public internal(set) var categories: [Category] = []
  /// Products.
  public internal(set) var products: [Product] = []
  /// Customers.
  public internal(set) var customers: [Customer] = []
  /// Campaigns.
  public internal(set) var campaigns: [Campaign] = []
  /// Vouchers of every campaign.
  public internal(set) var vouchers: [Voucher] = []
  /// Every voucher code in use, for O(1) uniqueness checks when generating codes.
  var voucherCodes: Set<String> = []
  /// Where each voucher id sits in `vouchers` (vouchers are only appended, never removed).
  var voucherIndexByID: [String: Int] = [:]
  /// Per campaign: no voucher before this index in `vouchers` is free to publish, so publishing the
  /// 100,000th code does not rescan the 99,999 taken ones. Lowered when a code becomes free again.
  var freeVoucherFrom: [String: Int] = [:]
  /// Orders.
  public internal(set) var orders: [Order] = []
  /// Redemptions and rollbacks.
  public internal(set) var redemptions: [Redemption] = []
  /// Publications.
  public internal(set) var publications: [Publication] = []
  /// Segments.
  public internal(set) var segments: [Segment] = []
  /// Loyalty tiers.
  public internal(set) var loyaltyTiers: [LoyaltyTier] = []
  /// Earning rules.
  public internal(set) var earningRules: [EarningRule] = []
  /// Rewards.
  public internal(set) var rewards: [Reward] = []
  /// Reward assignments.
  public internal(set) var rewardAssignments: [RewardAssignment] = []
  /// Reward redemptions.
  public internal(set) var rewardRedemptions: [RewardRedemption] = []
  /// Promotion tiers.
  public internal(set) var promotionTiers: [PromotionTier] = []
  /// Promotion stacks.
  public internal(set) var promotionStacks: [PromotionStack] = []
  /// Business validation rules.
  public internal(set) var validationRules: [ValidationRule] = []
  /// Validation rule assignments.
  public internal(set) var ruleAssignments: [ValidationRuleAssignment] = []
  /// Distributions.
  public internal(set) var distributions: [Distribution] = []
  /// Custom event schemas.
  public internal(set) var customEventSchemas: [CustomEventSchema] = []
  /// Custom events tracked.
  public internal(set) var customEvents: [CustomEvent] = []
  /// Pending loyalty points.
  public internal(set) var pendingPoints: [PendingPoints] = []
  /// Loyalty points buckets.
  public internal(set) var buckets: [PointsBucket] = []
  /// Gift and loyalty transactions.
  public internal(set) var transactions: [VoucherTransaction] = []
  /// Redeemable holders.
  public internal(set) var holders: [RedeemableHolder] = []
  /// Referral tiers.
  public internal(set) var referralTiers: [ReferralTier] = []
  /// Every event emitted so far, in order.
  public internal(set) var log: [WorldEvent] = []

  /// The coupon campaign and promotion tier distributions send from (for purpose-dependent objects).
  public var distributionCampaignID: String?
  /// The promotion tier "notify about promotion" distributions announce.
  public var distributionPromotionTierID: String?

  var request = RequestContext(groupID: "", channel: .api)
  var pending: [WorldEvent] = []

  /// The request the events being emitted belong to.
  struct RequestContext: Sendable {
    var groupID: String
    var channel: EventChannel
  }

  /// An empty world whose clock starts at `start`.
  public init(seed: UInt64, start: Timestamp) {
    now = start
    rng = SeededGenerator(seed: seed)
    ids = IDFactory(seed: seed)
    userID = ids.make(.user, at: start)
    appID = ids.make(.asset, at: start)
  }

  /// Moves the clock forward by `milliseconds`.
  public mutating func advance(milliseconds: Int64) { now = now.adding(milliseconds: milliseconds) }

  /// Starts a new request: moves the clock on by a realistic gap and opens a new `group_id`.
  mutating func begin(_ channel: EventChannel, gap: ClosedRange<Int> = 2_000...90_000) {
    now = now.adding(milliseconds: Int64(rng.int(in: gap)))
    request = RequestContext(groupID: ids.make(.group, at: now), channel: channel)
    pending = []
  }

  /// Moves the clock on by a few milliseconds, as work inside one request takes.
  mutating func tick() { now = now.adding(milliseconds: Int64(rng.int(in: 1...40))) }

  /// A new id of `format`, stamped with the clock.
  mutating func make(_ format: IDFormat) -> String { ids.make(format, at: now) }

  /// Hands back the events of the current request.
  mutating func finish<T>(_ value: T) -> Emitted<T> {
    let out = Emitted(value, pending)
    pending = []
    return out
  }
}

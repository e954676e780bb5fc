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
  /// The API key app id that API events and redemptions name (`sendout serve` sets the caller's `X-App-Id`).
  public var appID: String
  /// The client-side key's app id that `CLIENT_API` events and redemptions name (`X-Client-Application-Id`).
  public var clientAppID: String

  /// Categories.
  public internal(set) var categories: EntityTable<Category> = []
  /// Products.
  public internal(set) var products: EntityTable<Product> = []
  /// Customers.
  public internal(set) var customers: EntityTable<Customer> = []
  /// Campaigns.
  public internal(set) var campaigns = EntityTable<Campaign>(relations: [.liveName])
  /// Vouchers of every campaign.
  public internal(set) var vouchers = EntityTable<Voucher>(relations: [.campaign, .holder, .heldBy])
  /// Orders.
  public internal(set) var orders = EntityTable<Order>(relations: [.sourceID])
  /// Redemptions and rollbacks.
  public internal(set) var redemptions = EntityTable<Redemption>(relations: [.stackParent, .voucher])
  /// Publications.
  public internal(set) var publications: EntityTable<Publication> = []
  /// Segments.
  public internal(set) var segments: EntityTable<Segment> = []
  /// Loyalty tiers.
  public internal(set) var loyaltyTiers: EntityTable<LoyaltyTier> = []
  /// Earning rules.
  public internal(set) var earningRules: EntityTable<EarningRule> = []
  /// Rewards.
  public internal(set) var rewards: EntityTable<Reward> = []
  /// Reward assignments.
  public internal(set) var rewardAssignments: EntityTable<RewardAssignment> = []
  /// Reward redemptions.
  public internal(set) var rewardRedemptions: EntityTable<RewardRedemption> = []
  /// Promotion tiers.
  public internal(set) var promotionTiers: EntityTable<PromotionTier> = []
  /// Promotion stacks.
  public internal(set) var promotionStacks: EntityTable<PromotionStack> = []
  /// Business validation rules.
  public internal(set) var validationRules: EntityTable<ValidationRule> = []
  /// Validation rule assignments.
  public internal(set) var ruleAssignments = EntityTable<ValidationRuleAssignment>(relations: [.related])
  /// Distributions.
  public internal(set) var distributions: EntityTable<Distribution> = []
  /// Custom event schemas.
  public internal(set) var customEventSchemas: EntityTable<CustomEventSchema> = []
  /// Custom events tracked.
  public internal(set) var customEvents: [CustomEvent] = []
  /// Pending loyalty points.
  public internal(set) var pendingPoints: EntityTable<PendingPoints> = []
  /// Loyalty points buckets.
  public internal(set) var buckets = EntityTable<PointsBucket>(relations: [.activeOnVoucher])
  /// Gift and loyalty transactions.
  public internal(set) var transactions = EntityTable<VoucherTransaction>(relations: [.voucher, .campaign])
  /// Loyalty members' activities (`customer.*` events about their cards).
  public internal(set) var memberActivities = EntityTable<MemberActivity>(relations: [.voucher])
  /// Redeemable holders.
  public internal(set) var holders = EntityTable<RedeemableHolder>(relations: [.voucher, .customer])
  /// Referral tiers.
  public internal(set) var referralTiers: EntityTable<ReferralTier> = []
  /// SKUs of the products.
  public internal(set) var skus: EntityTable<SKU> = []
  /// Campaign templates.
  public internal(set) var campaignTemplates: EntityTable<CampaignTemplate> = []
  /// Product collections.
  public internal(set) var productCollections: EntityTable<ProductCollection> = []
  /// The project's brand configuration (one at most).
  public internal(set) var brands: EntityTable<Brand> = []
  /// Validations by campaign id, then by day (`YYYY-MM-DD`): counters, not records, so they stay small.
  public internal(set) var validationTallies: [String: [String: ValidationTally]] = [:]
  /// Each customer's activity feed, by customer id (see `recordActivity`).
  public internal(set) var customerActivities: [String: [CustomerActivity]] = [:]
  /// The project's metadata schemas.
  public internal(set) var metadataSchemas: EntityTable<MetadataSchema> = []
  /// The bin: resources deleted without `force`.
  public internal(set) var binEntries: EntityTable<BinEntry> = []
  /// Products in the bin (with their SKUs in `binnedSKUs`): out of reads and lists, their source ids still taken.
  public internal(set) var binnedProducts: EntityTable<Product> = []
  /// SKUs in the bin, on their own or with their product.
  public internal(set) var binnedSKUs: EntityTable<SKU> = []
  /// Exports to CSV, with their files once done.
  public internal(set) var exports: EntityTable<Export> = []
  /// The organization's projects (Management API); the served one is `servedProjectID`.
  public internal(set) var projects: EntityTable<Project> = []
  /// The project the mock serves, `nil` outside `sendout serve` (its stacking rules are the ones in force).
  public internal(set) var servedProjectID: String?
  /// The organization's users and their roles in each project.
  public internal(set) var projectUsers: EntityTable<ProjectUser> = []
  /// Stacking rules set for a project (none: the defaults).
  public internal(set) var stackingRules: EntityTable<StackingRules> = []
  /// Campaign templates copied into projects other than the served one.
  public internal(set) var foreignTemplates: EntityTable<CampaignTemplate> = []
  /// Async actions (bulk updates and imports), and the enqueued ones in the order they fall due.
  public internal(set) var asyncActions: EntityTable<AsyncAction> = []
  var asyncActionsDue = AsyncActionQueue()
  /// Every event emitted so far, in order.
  public internal(set) var log: [WorldEvent] = []
  /// Whether `log` keeps every event (the sample world reads it back). Scenario runs, the mock API and the world
  /// benchmark turn it off: every event holds its rendered data, so a long-lived world would grow by it with every
  /// operation (measured: redemptions in a world of 1M vouchers cost 1.5× more with it, flat without).
  public var keepsLog = true

  /// The coupon campaign and promotion tier distributions send from (for purpose-dependent objects).
  public var distributionCampaignID: String?
  /// The promotion tier "notify about promotion" distributions announce.
  public var distributionPromotionTierID: String?

  var indexes = WorldIndexes()
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
    clientAppID = "client_" + appID
  }

  /// Moves the clock forward by `milliseconds`.
  public mutating func advance(milliseconds: Int64) { now = now.adding(milliseconds: milliseconds) }

  /// Sets the clock to `time` when that is later (the mock API's clock drives the world's).
  public mutating func moveClock(to time: Timestamp) { if time > now { now = time } }

  /// Whether each operation first moves the clock on by a realistic gap (scenarios). The mock API turns it off:
  /// its world's time is the server's clock, set with `moveClock(to:)` before each call.
  public var addsRequestGaps = true

  /// Starts a new request: moves the clock on by a realistic gap and opens a new `group_id`.
  mutating func begin(_ channel: EventChannel, gap: ClosedRange<Int> = 2_000...90_000) {
    if addsRequestGaps { now = now.adding(milliseconds: Int64(rng.int(in: gap))) }
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

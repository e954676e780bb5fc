extension World {
  /// The position of the entity with `id` in `table`, or a `notFound` error naming `kind`. O(1).
  func position<T>(in table: EntityTable<T>, _ id: String, _ kind: String) throws(VoucherifyError) -> Int {
    guard let i = table.position(of: id) else { throw .notFound(kind, id: id) }
    return i
  }

  /// Removes entity `id` from `table` a tick after the last change (the delete of a resource that sends no webhook),
  /// or throws a `notFound` error naming `kind`. Returns the removed entity.
  @discardableResult
  mutating func remove<T>(_ id: String, from table: WritableKeyPath<World, EntityTable<T>>, _ kind: String)
    throws(VoucherifyError) -> T
  {
    let i = try position(in: self[keyPath: table], id, kind)
    tick()
    return self[keyPath: table].remove(at: i)
  }

  /// The entity with `id` in `table`, or a `notFound` error naming `kind`. O(1).
  func entity<T>(in table: EntityTable<T>, _ id: String, _ kind: String) throws(VoucherifyError) -> T {
    guard let entity = table[id: id] else { throw .notFound(kind, id: id) }
    return entity
  }

  /// The customer with `id`.
  public func customer(_ id: String) throws(VoucherifyError) -> Customer {
    try entity(in: customers, id, "customer")
  }
  /// The campaign with `id`.
  public func campaign(_ id: String) throws(VoucherifyError) -> Campaign {
    try entity(in: campaigns, id, "campaign")
  }
  /// The voucher with `id`.
  public func voucher(_ id: String) throws(VoucherifyError) -> Voucher { try entity(in: vouchers, id, "voucher") }
  /// The voucher whose code is `code`. O(1).
  public func voucher(code: String) throws(VoucherifyError) -> Voucher {
    guard let id = indexes.voucherIDByCode[code] else { throw .notFound("voucher", id: code) }
    return try self.voucher(id)
  }
  /// The customer whose `source_id` is `sourceID`. O(1).
  public func customer(sourceID: String) throws(VoucherifyError) -> Customer {
    guard let id = indexes.customerIDBySourceID[sourceID] else { throw .notFound("customer", id: sourceID) }
    return try customer(id)
  }
  /// The order with `id`.
  public func order(_ id: String) throws(VoucherifyError) -> Order { try entity(in: orders, id, "order") }
  /// The redemption or rollback with `id`.
  public func redemption(_ id: String) throws(VoucherifyError) -> Redemption {
    try entity(in: redemptions, id, "redemption")
  }

  /// The first campaign of `type` that is not deleted.
  public func firstCampaign(_ type: CampaignType) -> Campaign? {
    campaigns.first { $0.campaignType == type && !$0.deleted }
  }

  /// The customer's loyalty card in `campaignID`, if published to them.
  public func loyaltyCard(of customerID: String, in campaignID: String) -> Voucher? {
    vouchers(heldBy: customerID, in: campaignID).first { !$0.deleted }
  }

  /// The tier of a loyalty campaign a balance falls in: the one rule for tier membership (qualification on the
  /// current balance, the tier lost as soon as the balance drops below it), used by tier events, transactions,
  /// pending points and `tier_prolong` alike.
  func tier(in campaignID: String, points: Int) -> LoyaltyTier? {
    loyaltyTiers.first { $0.campaignID == campaignID && $0.contains(points) }
  }
}

extension Customer: Identifiable {}
extension Campaign: Identifiable {}
extension Voucher: Identifiable {}
extension Order: Identifiable {}
extension Redemption: Identifiable {}
extension Publication: Identifiable {}
extension Segment: Identifiable {}
extension LoyaltyTier: Identifiable {}
extension EarningRule: Identifiable {}
extension Reward: Identifiable {}
extension RewardAssignment: Identifiable {}
extension RewardRedemption: Identifiable {}
extension PromotionTier: Identifiable {}
extension ValidationRule: Identifiable {}
extension ValidationRuleAssignment: Identifiable {}
extension Distribution: Identifiable {}
extension PendingPoints: Identifiable {}
extension Product: Identifiable {}
extension PointsBucket: Identifiable {}
extension VoucherTransaction: Identifiable {}
extension RedeemableHolder: Identifiable {}

/// `transform(value)` when `value` is set, else `nil`; unlike `Optional.map` with a closure literal, the
/// closure keeps the world's typed error.
func ifPresent<T, U>(_ value: T?, _ transform: (T) throws(VoucherifyError) -> U) throws(VoucherifyError) -> U? {
  guard let value else { return nil }
  return try transform(value)
}

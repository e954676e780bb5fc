extension World {
  /// The index of the element with `id`, or a `notFound` error naming `kind`.
  func index<T: Identifiable>(_ list: [T], _ id: String, _ kind: String) throws(WorldOperationError) -> Int
  where T.ID == String {
    guard let i = list.firstIndex(where: { $0.id == id }) else { throw .notFound(kind: kind, id: id) }
    return i
  }

  /// The index of the voucher with `id` in O(1) (scenarios at the limit hold 100,000 vouchers).
  func index(_ list: [Voucher], _ id: String, _ kind: String) throws(WorldOperationError) -> Int {
    if let i = voucherIndexByID[id], i < list.count, list[i].id == id { return i }
    guard let i = list.firstIndex(where: { $0.id == id }) else { throw .notFound(kind: kind, id: id) }
    return i
  }

  /// The customer with `id`.
  public func customer(_ id: String) throws(WorldOperationError) -> Customer {
    customers[try index(customers, id, "customer")]
  }
  /// The campaign with `id`.
  public func campaign(_ id: String) throws(WorldOperationError) -> Campaign {
    campaigns[try index(campaigns, id, "campaign")]
  }
  /// The voucher with `id`.
  public func voucher(_ id: String) throws(WorldOperationError) -> Voucher {
    vouchers[try index(vouchers, id, "voucher")]
  }
  /// The order with `id`.
  public func order(_ id: String) throws(WorldOperationError) -> Order { orders[try index(orders, id, "order")] }
  /// The redemption or rollback with `id`.
  public func redemption(_ id: String) throws(WorldOperationError) -> Redemption {
    redemptions[try index(redemptions, id, "redemption")]
  }

  /// The first campaign of `type` that is not deleted.
  public func firstCampaign(_ type: CampaignType) -> Campaign? {
    campaigns.first { $0.campaignType == type && !$0.deleted }
  }

  /// The customer's loyalty card in `campaignID`, if published to them.
  public func loyaltyCard(of customerID: String, in campaignID: String) -> Voucher? {
    vouchers.first { $0.campaignID == campaignID && $0.holderID == customerID && !$0.deleted }
  }

  /// The tier of a loyalty campaign a balance falls in.
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

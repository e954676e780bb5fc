/// Loyalty points waiting to activate (`lopp_…`), earned by an order.
public struct PendingPoints: Sendable, Equatable {
  /// `lopp_…`.
  public var id: String
  /// The loyalty card.
  public var voucherID: String
  /// The loyalty campaign.
  public var campaignID: String
  /// The card holder.
  public var customerID: String
  /// The order that earned them.
  public var order: Order
  /// How many points.
  public var points: Int
  /// When they activate.
  public var activatesAt: Timestamp
  /// The event that earned them (`SimpleEvent` plus `event_source`).
  public var event: JSONObject
  /// The earning rule.
  public var earningRule: EarningRule
  /// The holder's tier when earned.
  public var holderTier: LoyaltyTier?
  /// When created.
  public var createdAt: Timestamp
  /// When last changed.
  public var updatedAt: Timestamp?
  /// `PENDING`, `ACTIVATED` or `CANCELED`.
  public var state = "PENDING"

  /// Creates pending points.
  public init(
    id: String, voucherID: String, campaignID: String, customerID: String, order: Order, points: Int,
    activatesAt: Timestamp, event: JSONObject, earningRule: EarningRule, holderTier: LoyaltyTier?,
    createdAt: Timestamp
  ) {
    self.id = id
    self.voucherID = voucherID
    self.campaignID = campaignID
    self.customerID = customerID
    self.order = order
    self.points = points
    self.activatesAt = activatesAt
    self.event = event
    self.earningRule = earningRule
    self.holderTier = holderTier
    self.createdAt = createdAt
  }

  /// `LoyaltyPendingPoints`.
  public var json: JSONObject {
    var details = JSONObject()
    details["holder_loyalty_tier"] = holderTier.map { .object($0.referenceJSON) } ?? .null
    details["event"] = .object(event)
    details["earning_rule"] = ["id": .string(earningRule.id), "source": ["banner": .string(earningRule.banner)]]
    details["order"] = .object(order.referenceJSON)
    var o: JSONObject = [
      "id": .string(id), "voucher_id": .string(voucherID), "campaign_id": .string(campaignID),
      "customer_id": .string(customerID), "order_id": .string(order.id), "points": .int(points),
      "activates_at": .day(activatesAt), "details": .object(details), "created_at": .time(createdAt),
    ]
    o.put("updated_at", updatedAt.map { .time($0) })
    return o
  }
}

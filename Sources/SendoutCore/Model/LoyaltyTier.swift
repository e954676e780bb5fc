/// A tier of a loyalty program (`ltr_…`) covering a range of points.
public struct LoyaltyTier: Sendable, Equatable {
  /// `ltr_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Its loyalty campaign.
  public var campaignID: String
  /// Lowest balance in the tier.
  public var pointsFrom: Int
  /// Highest balance in the tier.
  public var pointsTo: Int
  /// Custom attributes.
  public var metadata: JSONObject = [:]
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?

  /// Creates a tier.
  public init(id: String, name: String, campaignID: String, pointsFrom: Int, pointsTo: Int, createdAt: Timestamp) {
    self.id = id
    self.name = name
    self.campaignID = campaignID
    self.pointsFrom = pointsFrom
    self.pointsTo = pointsTo
    self.createdAt = createdAt
  }

  /// Whether `points` fall in the tier.
  public func contains(_ points: Int) -> Bool { points >= pointsFrom && points <= pointsTo }

  /// `LoyaltyTier`; `expiration` (customer id, since) adds the member's tier expiration block.
  public func json(expiration: (customerID: String, since: Timestamp)? = nil) -> JSONObject {
    let range: JSON = ["from": .int(pointsFrom), "to": .int(pointsTo)]
    var o: JSONObject = [
      "id": .string(id), "name": .string(name), "campaign_id": .string(campaignID), "metadata": .object(metadata),
      "created_at": .time(createdAt), "updated_at": .time(updatedAt), "earning_rules": [:], "rewards": [:],
      "config": ["points": range], "points": range,
    ]
    if let e = expiration {
      o["expiration"] = [
        "customer_id": .string(e.customerID), "campaign_id": .string(campaignID), "tier_id": .string(id),
        "start_date": .day(e.since), "expiration_date": .day(e.since.adding(days: 90)), "created_at": .time(e.since),
      ]
    }
    o["object"] = "loyalty_tier"
    return o
  }

  /// The `{id, name}` reference pending points carry.
  public var referenceJSON: JSONObject { ["id": .string(id), "name": .string(name)] }
}

/// Points earned together that expire together (`lopb_…`).
public struct PointsBucket: Sendable, Equatable {
  /// `lopb_…`.
  public var id: String
  /// The loyalty card.
  public var voucherID: String
  /// The loyalty campaign.
  public var campaignID: String
  /// Points in the bucket.
  public var points: Int
  /// `ACTIVE` or `EXPIRED`.
  public var status = "ACTIVE"
  /// When they expire.
  public var expiresAt: Timestamp
  /// When created.
  public var createdAt: Timestamp
  /// When last changed.
  public var updatedAt: Timestamp?

  /// Creates a bucket.
  public init(
    id: String, voucherID: String, campaignID: String, points: Int, expiresAt: Timestamp, createdAt: Timestamp
  ) {
    self.id = id
    self.voucherID = voucherID
    self.campaignID = campaignID
    self.points = points
    self.expiresAt = expiresAt
    self.createdAt = createdAt
  }

  /// `LoyaltyPointsBucket`.
  public var json: JSONObject {
    [
      "id": .string(id), "voucher_id": .string(voucherID), "campaign_id": .string(campaignID),
      "bucket": ["total_points": .int(points)], "status": .string(status), "expires_at": .day(expiresAt),
      "created_at": .time(createdAt), "updated_at": .time(updatedAt ?? createdAt), "object": "loyalty_points_bucket",
    ]
  }
}

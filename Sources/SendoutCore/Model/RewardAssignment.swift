/// A reward offered in a campaign for a price in points (`rewa_…`).
public struct RewardAssignment: Sendable, Equatable {
  /// `rewa_…`.
  public var id: String
  /// The reward.
  public var rewardID: String
  /// The loyalty campaign.
  public var campaignID: String
  /// Price in points.
  public var points: Int
  /// When it was created.
  public var createdAt: Timestamp

  /// Creates an assignment.
  public init(id: String, rewardID: String, campaignID: String, points: Int, createdAt: Timestamp) {
    self.id = id
    self.rewardID = rewardID
    self.campaignID = campaignID
    self.points = points
    self.createdAt = createdAt
  }

  /// `RewardAssignment`.
  public var json: JSONObject {
    [
      "id": .string(id), "reward_id": .string(rewardID), "related_object_id": .string(campaignID),
      "related_object_type": "campaign", "parameters": ["loyalty": ["points": .int(points)]],
      "created_at": .time(createdAt), "updated_at": .null, "object": "reward_assignment",
    ]
  }
}

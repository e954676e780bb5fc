/// A distribution (`distr_…`): a trigger plus a purpose, sending through a webhook channel.
public struct Distribution: Sendable, Equatable {
  /// `distr_…`.
  public var id: String
  /// `TO SEND`, `PAUSED`, `DONE` or `DRAFT`.
  public var status: String
  /// What it sends.
  public var purpose: DistributionPurpose
  /// The campaign it sends from (coupons or promotion).
  public var campaignID: String?
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?
  /// When it was set live.
  public var setLiveAt: Timestamp?

  /// Creates a distribution.
  public init(id: String, status: String, purpose: DistributionPurpose, campaignID: String?, createdAt: Timestamp) {
    self.id = id
    self.status = status
    self.purpose = purpose
    self.campaignID = campaignID
    self.createdAt = createdAt
  }

  /// `SimpleDistribution`.
  public var simpleJSON: JSONObject {
    [
      "id": .string(id), "created_at": .time(createdAt), "updated_at": .time(updatedAt), "status": .string(status),
      "consents": ["disabled": true], "set_live_at": .time(setLiveAt), "distribution_channels": ["webhook"],
    ]
  }
}

/// A customer's claim of a reward (`rewr_…`), moving from `PENDING` to `COMPLETED`.
public struct RewardRedemption: Sendable, Equatable {
  /// `rewr_…`.
  public var id: String
  /// `PENDING`, `COMPLETED` or `CANCELED`.
  public var state: String
  /// The redemption that paid for it (`r_…`).
  public var sourceID: String
  /// The loyalty card.
  public var voucherID: String
  /// The loyalty campaign.
  public var campaignID: String
  /// The customer.
  public var customerID: String
  /// The reward assignment.
  public var assignmentID: String
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?

  /// Creates a reward redemption.
  public init(
    id: String, state: String, sourceID: String, voucherID: String, campaignID: String, customerID: String,
    assignmentID: String, createdAt: Timestamp
  ) {
    self.id = id
    self.state = state
    self.sourceID = sourceID
    self.voucherID = voucherID
    self.campaignID = campaignID
    self.customerID = customerID
    self.assignmentID = assignmentID
    self.createdAt = createdAt
  }

  /// `RewardRedemption`.
  public var json: JSONObject {
    [
      "id": .string(id), "state": .string(state), "created_at": .time(createdAt),
      "updated_at": .time(updatedAt ?? createdAt),
      "voucher_id": .string(voucherID), "campaign_id": .string(campaignID), "customer_id": .string(customerID),
      "reward_assignment_id": .string(assignmentID), "source_id": .string(sourceID), "source_type": "redemption",
    ]
  }
}

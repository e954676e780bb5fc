/// A customer's role on a voucher (`rh_…`): `OWNER`, `REFERRER` or `REFEREE`.
public struct RedeemableHolder: Sendable, Equatable {
  /// `rh_…`.
  public var id: String
  /// The voucher.
  public var voucherID: String
  /// Its campaign.
  public var campaignID: String
  /// Its campaign type.
  public var campaignType: CampaignType
  /// The customer.
  public var customerID: String
  /// `OWNER`, `REFERRER` or `REFEREE`.
  public var role: String
  /// The publication that made the customer holder.
  public var publicationID: String?
  /// When.
  public var createdAt: Timestamp

  /// Creates a holder record.
  public init(
    id: String, voucherID: String, campaignID: String, campaignType: CampaignType, customerID: String, role: String,
    publicationID: String?, createdAt: Timestamp
  ) {
    self.id = id
    self.voucherID = voucherID
    self.campaignID = campaignID
    self.campaignType = campaignType
    self.customerID = customerID
    self.role = role
    self.publicationID = publicationID
    self.createdAt = createdAt
  }

  /// `SimpleRedeemableHolder`.
  public var json: JSONObject {
    [
      "id": .string(id), "object": "redeemable_holder", "created_at": .time(createdAt),
      "campaign_id": .string(campaignID), "customer_id": .string(customerID), "holder_role": .string(role),
      "voucher_type": .string(campaignType.voucherType), "campaign_type": .string(campaignType.rawValue),
      "redeemable_id": .string(voucherID), "publication_id": .str(publicationID), "redeemable_object": "voucher",
    ]
  }
}

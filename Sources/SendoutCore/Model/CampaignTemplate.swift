/// A campaign template (`camp_tpl_…`): a named copy of a discount or gift card campaign's setup, or of a promotion
/// tier's (converted to `DISCOUNT_COUPONS`).
public struct CampaignTemplate: Sendable, Equatable, Identifiable {
  /// `camp_tpl_…`.
  public var id: String
  /// User-defined name, unique in the project.
  public var name: String
  /// User-defined description.
  public var description: String?
  /// The type of the campaign it was made from.
  public var campaignType: CampaignType
  /// The campaign or promotion tier it was made from.
  public var sourceID: String
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last changed, `nil` before.
  public var updatedAt: Timestamp?

  /// `CampaignTemplate`.
  public var json: JSONObject {
    [
      "id": .string(id), "name": .string(name), "description": description.map(JSON.string) ?? .null,
      "campaign_type": .string(campaignType.rawValue), "created_at": .time(createdAt),
      "updated_at": .time(updatedAt), "object": "campaign_template",
    ]
  }
}

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
  /// The setup a campaign made from it gets: a campaign creation body (`campaign_type`, `description`, `metadata`,
  /// `voucher`) of the source as it was when the template was made.
  public var setup: JSONObject = [:]
  /// The banner of the promotion tier it was made from, if any.
  public var banner: String?
  /// The validation rules of the source, as they were: each use of the template creates a copy.
  public var rules: [ValidationRule] = []
  /// The project holding it when that is not the served one (a copy through the Management API).
  public var projectID: String?

  /// `CampaignTemplate`.
  public var json: JSONObject {
    [
      "id": .string(id), "name": .string(name), "description": description.map(JSON.string) ?? .null,
      "campaign_type": .string(campaignType.rawValue), "created_at": .time(createdAt),
      "updated_at": .time(updatedAt), "object": "campaign_template",
    ]
  }
}

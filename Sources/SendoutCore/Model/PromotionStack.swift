/// A stack of promotion tiers applied together (`stack_…`).
public struct PromotionStack: Sendable, Equatable {
  /// `stack_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Its promotion campaign.
  public var campaignID: String
  /// Its category.
  public var categoryID: String
  /// The tiers, in order.
  public var tierIDs: [String]

  /// Creates a stack.
  public init(id: String, name: String, campaignID: String, categoryID: String, tierIDs: [String]) {
    self.id = id
    self.name = name
    self.campaignID = campaignID
    self.categoryID = categoryID
    self.tierIDs = tierIDs
  }

  /// `SimplePromotionStack`.
  public var simpleJSON: JSONObject {
    [
      "id": .string(id), "name": .string(name), "category_id": .string(categoryID),
      "campaign": ["id": .string(campaignID)],
      "tiers": ["ids": .strings(tierIDs), "hierarchy_mode": "MANUAL"],
    ]
  }
}

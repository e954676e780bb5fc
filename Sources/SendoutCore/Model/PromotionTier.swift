/// A tier of a promotion campaign (`promo_…`): a cart discount applied without a code.
public struct PromotionTier: Sendable, Equatable {
  /// `promo_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Text shown to customers.
  public var banner: String
  /// Its promotion campaign.
  public var campaignID: String
  /// The discount.
  public var discount: Discount
  /// Order among the campaign's tiers.
  public var hierarchy: Int
  /// Whether it applies.
  public var active = true
  /// Its category.
  public var category: Category
  /// Custom attributes.
  public var metadata: JSONObject = [:]
  /// Redemptions so far.
  public var redeemedCount = 0
  /// Orders total it applied to, in cents.
  public var ordersTotal = 0
  /// Discounts it gave, in cents.
  public var discountTotal = 0
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?

  /// Creates a tier.
  public init(
    id: String, name: String, banner: String, campaignID: String, discount: Discount, hierarchy: Int,
    category: Category, createdAt: Timestamp
  ) {
    self.id = id
    self.name = name
    self.banner = banner
    self.campaignID = campaignID
    self.discount = discount
    self.hierarchy = hierarchy
    self.category = category
    self.createdAt = createdAt
  }

  /// `SimplePromotionTier`.
  public var simpleJSON: JSONObject {
    [
      "id": .string(id), "name": .string(name), "banner": .string(banner), "campaign": ["id": .string(campaignID)],
      "metadata": .object(metadata),
    ]
  }

  /// `PromotionTier`; `campaign` is the parent's `(active, start, expiration)`.
  public func fullJSON(campaign: Campaign) -> JSONObject {
    var o: JSONObject = ["id": .string(id), "created_at": .time(createdAt)]
    o.put("updated_at", updatedAt.map { .time($0) })
    o["name"] = .string(name)
    o["banner"] = .string(banner)
    o["action"] = ["discount": .object(discount.json)]
    o["metadata"] = .object(metadata)
    o["hierarchy"] = .int(hierarchy)
    o["campaign"] = [
      "id": .string(campaign.id), "start_date": .time(campaign.startDate),
      "expiration_date": .time(campaign.expirationDate), "active": .bool(campaign.active), "object": "campaign",
    ]
    o["campaign_id"] = .string(campaignID)
    o["active"] = .bool(active)
    o["summary"] = [
      "redemptions": ["total_redeemed": .int(redeemedCount)],
      "orders": ["total_amount": .int(ordersTotal), "total_discount_amount": .int(discountTotal)],
    ]
    o["object"] = "promotion_tier"
    o["validation_rule_assignments"] = ["object": "list", "data_ref": "data", "data": [], "total": 0]
    o["category_id"] = .string(category.id)
    o["categories"] = [.object(category.json)]
    return o
  }
}

import SendoutCore

/// Promotion tiers through the mock API: list (all, or one campaign's), get, create, update (`banner`), delete,
/// enable and disable, on the world's promotion tier operations (`campaign.promotion_tier.*` events).
enum APIPromotionTiers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-promotion-tiers": list, "list-promotion-tiers-from-campaign": listOfCampaign,
    "add-promotion-tier-to-campaign": create, "get-promotion-tier": get, "update-promotion-tier": update,
    "delete-promotion-tier": delete, "enable-promotion-tier": enable, "disable-promotion-tier": disable,
  ]

  private static let key = VoucherifyError.invalidPayloadKey

  /// `GET /v1/promotions/tiers[?is_available=true&order=…&limit=…&page=…]`.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let available = request.flag("is_available")
    let now = world.now
    let tiers = world.promotionTiers.filter { t in
      guard available else { return true }
      guard let c = world.campaigns[id: t.campaignID] else { return false }
      return t.active && c.active && !c.deleted && c.startDate <= now && now < c.expirationDate
    }
    let ordered = try APIList.sorted(
      tiers, request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
    let page = try APIList.page(ordered, request)
    return APIAnswer(
      body: APIList.body(
        "tiers", try json(Array(page), world), total: ordered.count, hasMore: page.endIndex < ordered.count))
  }

  /// `GET /v1/promotions/{campaignId}/tiers`: every tier of one promotion campaign, by hierarchy.
  static func listOfCampaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try promotion(request, world)
    let tiers = world.promotionTiers.filter { $0.campaignID == campaign.id }.sorted { $0.hierarchy < $1.hierarchy }
    return APIAnswer(body: APIList.body("tiers", try json(tiers, world), total: tiers.count, hasMore: false))
  }

  /// `POST /v1/promotions/{campaignId}/tiers`: `name` and `action.discount` required; emits
  /// `campaign.promotion_tier.created`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try promotion(request, world)
    let name = try request.required("name", errorKey: key)
    guard let discount = try APIDiscount.parse(request, at: "action.discount", errorKey: key) else {
      throw VoucherifyError(status: 400, key: key, message: "Invalid payload", details: "`action.discount` is required")
    }
    let banner = request.string(at: "banner")
    let created = try world.createPromotionTier(
      campaignID: campaign.id, name: name, banner: banner, discount: discount, channel: .api)
    return APIAnswer(body: .object(try json(created.value, world)), events: created.events)
  }

  /// `GET /v1/promotions/tiers/{promotionTierId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try json(try tier(request, world), world)))
  }

  /// `PUT /v1/promotions/tiers/{promotionTierId}`: changes the `banner` (the one tier setting the world lets
  /// change); emits `campaign.promotion_tier.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let current = try tier(request, world)
    let banner = request.string(at: "banner") ?? current.banner
    let updated = try world.updatePromotionTier(current.id, banner: banner, channel: .api)
    return APIAnswer(body: .object(try json(updated.value, world)), events: updated.events)
  }

  /// `DELETE /v1/promotions/tiers/{promotionTierId}`: 204; emits `campaign.promotion_tier.deleted`.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try tier(request, world).id
    let deleted = try world.deletePromotionTier(id, channel: .api)
    return APIAnswer(body: .null, events: deleted.events)
  }

  /// `POST /v1/promotions/tiers/{promotionTierId}/enable`; emits `campaign.promotion_tier.enabled`.
  static func enable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST /v1/promotions/tiers/{promotionTierId}/disable`; emits `campaign.promotion_tier.disabled`.
  static func disable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(VoucherifyError)
    -> APIAnswer
  {
    let id = try tier(request, world).id
    let changed = try world.setPromotionTierActive(id, active, channel: .api)
    return APIAnswer(body: .object(try json(changed.value, world)), events: changed.events)
  }

  /// The tier the path names, or Voucherify's 404.
  private static func tier(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> PromotionTier {
    let id = request.parameter("promotionTierId")
    guard let tier = world.promotionTiers[id: id] else { throw VoucherifyError.notFound("promotion_tier", id: id) }
    return tier
  }

  /// The promotion campaign the path names; another campaign type is a 400.
  private static func promotion(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> Campaign {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard campaign.campaignType == .promotion else {
      throw VoucherifyError(
        status: 400, key: "invalid_campaign_params", message: "Invalid campaign params",
        details: "campaign '\(campaign.name)' is \(campaign.campaignType.rawValue), not PROMOTION")
    }
    return campaign
  }

  private static func json(_ tier: PromotionTier, _ world: World) throws(VoucherifyError) -> JSONObject {
    tier.fullJSON(
      campaign: try world.campaign(tier.campaignID))
  }

  private static func json(_ tiers: [PromotionTier], _ world: World) throws(VoucherifyError) -> [JSON] {
    var out: [JSON] = []
    for tier in tiers { out.append(.object(try json(tier, world))) }
    return out
  }
}

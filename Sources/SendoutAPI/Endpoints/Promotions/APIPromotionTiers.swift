import SendoutCore

/// Promotion tiers through the mock API: list (all, or one campaign's), get, create, update (`banner`), delete,
/// enable and disable, on the world's promotion tier operations (`campaign.promotion_tier.*` events).
enum APIPromotionTiers {
  /// The tiers (`/v1/promotions/tiers[/{promotionTierId}]`): listed by `created_at` or `updated_at`, with
  /// `has_more`, the available ones with `is_available=true`; their world operations emit
  /// `campaign.promotion_tier.*`.
  static let tiers = APIResource<PromotionTier>(
    object: "promotion_tier", idParameter: "promotionTierId", table: \.promotionTiers, json: json,
    listing: .init(
      key: "tiers",
      order: [
        "created_at": { $0.createdAt < $1.createdAt },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ], hasMore: true, filter: available),
    create: create, update: update,
    delete: { tier, world throws(VoucherifyError) in try world.deletePromotionTier(tier.id, channel: .api).events })

  /// The operations, by `operationId`: a campaign's tiers and enable/disable besides the resource's rows.
  static let endpoints = APIEndpoints.union([
    tiers.endpoints([
      "list-promotion-tiers": .list, "add-promotion-tier-to-campaign": .create, "get-promotion-tier": .get,
      "update-promotion-tier": .update, "delete-promotion-tier": .delete,
    ]),
    [
      "list-promotion-tiers-from-campaign": listOfCampaign, "enable-promotion-tier": enable,
      "disable-promotion-tier": disable,
    ],
  ])

  private static let key = VoucherifyError.invalidPayloadKey

  /// `is_available=true`: only the tiers active in a live, running campaign now.
  private static func available(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> (PromotionTier)
    -> Bool
  {
    let available = request.flag("is_available")
    let now = world.now
    return { t in
      guard available else { return true }
      guard let c = world.campaigns[id: t.campaignID] else { return false }
      return t.active && c.active && !c.deleted && c.startDate <= now && now < c.expirationDate
    }
  }

  /// `GET /v1/promotions/{campaignId}/tiers`: every tier of one promotion campaign, by hierarchy.
  static func listOfCampaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try promotion(request, world)
    let tiers = world.promotionTiers.filter { $0.campaignID == campaign.id }.sorted { $0.hierarchy < $1.hierarchy }
    return APIAnswer(body: APIList.body("tiers", try json(tiers, world), total: tiers.count, hasMore: false))
  }

  /// `POST /v1/promotions/{campaignId}/tiers`: `name` and `action.discount` required; emits
  /// `campaign.promotion_tier.created`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> Emitted<PromotionTier> {
    let campaign = try promotion(request, world)
    let name = try request.required("name", errorKey: key)
    guard let discount = try APIDiscount.parse(request, at: "action.discount", errorKey: key) else {
      throw VoucherifyError(status: 400, key: key, message: "Invalid payload", details: "`action.discount` is required")
    }
    let banner = request.string(at: "banner")
    return try world.createPromotionTier(
      campaignID: campaign.id, name: name, banner: banner, discount: discount, channel: .api)
  }

  /// `PUT /v1/promotions/tiers/{promotionTierId}`: changes the `banner` (the one tier setting the world lets
  /// change); emits `campaign.promotion_tier.updated`.
  static func update(_ current: PromotionTier, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<PromotionTier>
  {
    let banner = request.string(at: "banner") ?? current.banner
    return try world.updatePromotionTier(current.id, banner: banner, channel: .api)
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
    let id = try tiers.entity(request, world).id
    let changed = try world.setPromotionTierActive(id, active, channel: .api)
    return APIAnswer(body: .object(try json(changed.value, world)), events: changed.events)
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

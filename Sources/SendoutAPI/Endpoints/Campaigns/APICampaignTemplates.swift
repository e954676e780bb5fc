import SendoutCore

/// Campaign templates through the mock API (`/v1/templates/campaigns`): create (from a discount or gift card campaign,
/// or a promotion tier), get, update, delete and list, a generic resource. Templates send no webhook. Setting up a
/// campaign or a tier from a template answers 501 (`APIOperation.reasons`).
enum APICampaignTemplates {
  /// The resource: the world's campaign templates, listed by creation or by the `order` query, under
  /// `campaign_templates` as the spec's example and Voucherify have it (its schema says `data`, and requires a
  /// `campaign_template`: ResponseSchemaTests knows both).
  static let resource = APIResource<CampaignTemplate>(
    object: "campaign_template", idParameter: "campaignTemplateId", table: \.campaignTemplates,
    json: { template, _ in template.json },
    listing: .init(
      key: "campaign_templates",
      order: [
        "created_at": { $0.createdAt < $1.createdAt },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
        "name": { $0.name < $1.name },
      ], hasMore: true),
    create: { request, world throws(VoucherifyError) in
      let name = try request.required("name", errorKey: key)
      let made = try world.createCampaignTemplate(
        name: name, description: request.string(at: "description"), from: try source(request, world))
      return Emitted(made, [])
    },
    update: { template, request, world throws(VoucherifyError) in
      let name = request.string(at: "name")
      if name?.isEmpty == true { throw .invalidPayload("`name` cannot be empty") }
      let updated = try world.updateCampaignTemplate(
        template.id, name: name, description: request.string(at: "description"))
      return Emitted(updated, [])
    },
    delete: { template, world throws(VoucherifyError) in
      try world.deleteCampaignTemplate(template.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints([
    "list-campaign-templates": .list, "create-campaign-template": .create, "get-campaign-template": .get,
    "update-campaign-template": .update, "delete-campaign-template": .delete,
  ])

  private static let key = VoucherifyError.invalidPayloadKey

  /// `campaign_id` (an id or name) or `promotion_tier_id`: exactly one, as the spec says.
  private static func source(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> World.TemplateSource {
    switch (request.string(at: "campaign_id"), request.string(at: "promotion_tier_id")) {
    case (let campaign?, nil): return .campaign(try APIEndpoints.campaign(campaign, in: world).id)
    case (nil, let tier?): return .promotionTier(tier)
    case (.some, .some): throw .invalidPayload("`campaign_id` and `promotion_tier_id` cannot both be given")
    case (nil, nil): throw .invalidPayload("`campaign_id` or `promotion_tier_id` is required")
    }
  }
}

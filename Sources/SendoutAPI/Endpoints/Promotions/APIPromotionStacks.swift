import SendoutCore

/// A promotion campaign's stacks (promotion tiers applied together) through the mock API: create, rename, get and
/// list, on the world operations the `promotion_stack_*` scenario steps use, so the `campaign.promotion_stack.*`
/// events (inferred) match.
enum APIPromotionStacks {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-promotion-stack": create, "update-promotion-stack": update, "get-promotion-stack": get,
    "list-promotion-stacks-in-campaign": listInCampaign, "list-all-promotion-stacks": listAll,
  ]

  /// `POST /v1/promotions/{campaignId}/stacks` `{"name": "…", "tiers": {"ids": ["promo_…"]}}`; emits
  /// `campaign.promotion_stack.created` (inferred).
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard let name = request.body["name"]?.stringValue, !name.isEmpty else {
      throw .invalidPayload("`name` is required")
    }
    guard let ids = request.body["tiers"]?["ids"]?.arrayValue, (1...30).contains(ids.count) else {
      throw .invalidPayload("`tiers.ids` must list 1 to 30 promotion tier ids")
    }
    var tierIDs: [String] = []
    for id in ids {
      guard let id = id.stringValue, world.promotionTiers[id: id]?.campaignID == campaign.id else {
        throw .invalidPayload("`tiers.ids` must be promotion tiers of campaign '\(campaign.name)'")
      }
      tierIDs.append(id)
    }
    let made = try world.createPromotionStack(campaignID: campaign.id, name: name, tierIDs: tierIDs, channel: .api)
    return APIAnswer(body: .object(json(made.value)), events: made.events)
  }

  /// `PUT /v1/promotions/{campaignId}/stacks/{stackId}` `{"name": "…"}`; emits `campaign.promotion_stack.updated`
  /// (inferred). Changing the tiers answers 501.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let stack = try self.stack(request, in: world)
    guard request.body["tiers"] == nil, request.body["category_id"] == nil else {
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "changing a promotion stack's `tiers` or `category_id` is not simulated by sendout serve (`name` is)")
    }
    guard let name = request.body["name"]?.stringValue, !name.isEmpty else {
      throw .invalidPayload("`name` is required")
    }
    let changed = try world.updatePromotionStack(stack.id, name: name, channel: .api)
    return APIAnswer(body: .object(json(changed.value)), events: changed.events)
  }

  /// `GET /v1/promotions/{campaignId}/stacks/{stackId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(json(try stack(request, in: world))))
  }

  /// `GET /v1/promotions/{campaignId}/stacks`: the campaign's stacks, oldest first.
  static func listInCampaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    return APIAnswer(body: list(world.promotionStacks.filter { $0.campaignID == campaign.id }))
  }

  /// `GET /v1/promotions/stacks`: every stack, oldest first.
  static func listAll(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: list(Array(world.promotionStacks)))
  }

  /// `{object: list, data_ref: data, data, total}`.
  private static func list(_ stacks: [PromotionStack]) -> JSON {
    [
      "object": "list", "data_ref": "data", "data": .array(stacks.map { .object(json($0)) }),
      "total": .int(stacks.count),
    ]
  }

  /// The spec's promotion stack: `SimplePromotionStack` with `campaign_id` and `object`.
  static func json(_ stack: PromotionStack) -> JSONObject {
    var o = stack.simpleJSON
    o["campaign"] = nil
    o["campaign_id"] = .string(stack.campaignID)
    o["object"] = "promotion_stack"
    return o
  }

  /// The stack `stackId` of the campaign `campaignId`, or Voucherify's 404.
  private static func stack(_ request: APIRequest, in world: World) throws(VoucherifyError) -> PromotionStack {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    let id = request.parameter("stackId")
    guard let stack = world.promotionStacks[id: id], stack.campaignID == campaign.id else {
      throw VoucherifyError.notFound("promotion_stack", id: id)
    }
    return stack
  }

}

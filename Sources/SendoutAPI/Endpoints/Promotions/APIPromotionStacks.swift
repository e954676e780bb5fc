import SendoutCore

/// A promotion campaign's stacks (promotion tiers applied together) through the mock API: create, rename, get, list
/// and delete (no webhook: Voucherify has no stack deletion event), on the world operations the `promotion_stack_*` scenario steps use, so the `campaign.promotion_stack.*`
/// events (inferred) match.
enum APIPromotionStacks {
  /// The stacks, of the campaign the path names (`/v1/promotions/{campaignId}/stacks[/{stackId}]`) or all
  /// (`/v1/promotions/stacks`, paged by `limit`/`page`; a campaign's are listed whole, as its spec has no `limit`),
  /// oldest first.
  static let stacks = APIResource<PromotionStack>(
    object: "promotion_stack", idParameter: "stackId", table: \.promotionStacks, json: { stack, _ in json(stack) },
    parent: .init(
      id: { request, world throws(VoucherifyError) in
        guard let key = request.parameters["campaignId"] else { return nil }
        return try APIEndpoints.campaign(key, in: world).id
      }, key: \.campaignID),
    listing: .init(unpaged: ["list-promotion-stacks-in-campaign"]), create: create, update: update,
    delete: { stack, world throws(VoucherifyError) in try world.deletePromotionStack(stack.id, channel: .api).events })

  /// The operations, by `operationId`.
  static let endpoints = stacks.endpoints([
    "create-promotion-stack": .create, "update-promotion-stack": .update, "get-promotion-stack": .get,
    "list-promotion-stacks-in-campaign": .list, "list-all-promotion-stacks": .list, "delete-promotion-stack": .delete,
  ])

  /// `POST /v1/promotions/{campaignId}/stacks` `{"name": "…", "tiers": {"ids": ["promo_…"]}}`; emits
  /// `campaign.promotion_stack.created` (inferred).
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> Emitted<PromotionStack> {
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
    return try world.createPromotionStack(campaignID: campaign.id, name: name, tierIDs: tierIDs, channel: .api)
  }

  /// `PUT /v1/promotions/{campaignId}/stacks/{stackId}` `{"name": "…"}`; emits `campaign.promotion_stack.updated`
  /// (inferred). Changing the tiers answers 501.
  static func update(_ stack: PromotionStack, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<PromotionStack>
  {
    guard request.body["tiers"] == nil, request.body["category_id"] == nil else {
      throw VoucherifyError.notSimulated(
        "changing a promotion stack's `tiers` or `category_id` is not simulated by sendout serve (`name` is)")
    }
    guard let name = request.body["name"]?.stringValue, !name.isEmpty else {
      throw .invalidPayload("`name` is required")
    }
    return try world.updatePromotionStack(stack.id, name: name, channel: .api)
  }

  /// The spec's promotion stack: `SimplePromotionStack` with `campaign_id` and `object`.
  static func json(_ stack: PromotionStack) -> JSONObject {
    var o = stack.simpleJSON
    o["campaign"] = nil
    o["campaign_id"] = .string(stack.campaignID)
    o["object"] = "promotion_stack"
    return o
  }
}

import SendoutCore

/// Loyalty programs through the `LoyaltiesApi` paths (`/v1/loyalties[/{campaignId}]`): LOYALTY_PROGRAM campaigns,
/// created, changed and deleted on the campaign operations `POST/PUT/DELETE /v1/campaigns` use, so the answers and the
/// `campaign.*` webhooks are the same.
enum APILoyaltyPrograms {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-loyalty-programs": list, "create-loyalty-program": create, "get-loyalty-program": get,
    "update-loyalty-program": update, "delete-loyalty-program": delete,
  ]

  /// `GET /v1/loyalties[?limit=…&page=…&order=…]`: the programs that are not deleted, oldest first (`order`:
  /// `created_at` or `updated_at`, `-` for newest first).
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let programs = world.campaigns.filter { !$0.deleted && $0.campaignType == .loyaltyProgram }
    let ordered = try APIList.sorted(
      programs, request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
    let page = try APIList.page(ordered, request)
    return APIAnswer(body: APIList.body("campaigns", page.map { .object($0.restJSON) }, total: ordered.count))
  }

  /// `POST /v1/loyalties`: `create-campaign` for a LOYALTY_PROGRAM (the request check refuses another
  /// `campaign_type` or `voucher.type`); the body's settings are kept as sent. Emits `campaign.created` and, with
  /// `vouchers_count`, `campaign.vouchers.generation.completed`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try checkType(request)
    return try APICampaignWrites.create(request, &world, as: .loyaltyProgram)
  }

  /// `GET /v1/loyalties/{campaignId}`: by id or name.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try program(request, in: world).restJSON))
  }

  /// `PUT /v1/loyalties/{campaignId}`: `update-campaign` on a program; fields the body does not name stay as they are.
  /// Emits `campaign.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    _ = try program(request, in: world)
    return try APICampaignWrites.update(request, &world)
  }

  /// `DELETE /v1/loyalties/{campaignId}[?force=true]`: `delete-campaign` on a program (the `async_action_id` of the
  /// deletion; its cards go with it). Emits `campaign.deleted`.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    _ = try program(request, in: world)
    return try APICampaignWrites.delete(request, &world)
  }

  /// Refuses `type: STANDALONE`, which the create schema allows but a program cannot be (`LoyaltyCampaign.type` and the
  /// update schema have `AUTO_UPDATE` or `STATIC` only: standalone campaigns hold standalone vouchers).
  private static func checkType(_ request: APIRequest) throws(VoucherifyError) {
    guard let type = request.string(at: "type"), type != "AUTO_UPDATE", type != "STATIC" else { return }
    throw VoucherifyError(
      status: 400, key: "invalid_campaign_params", message: "Invalid campaign params",
      details: "`type` of a loyalty program must be AUTO_UPDATE or STATIC, got '\(type)'")
  }

  /// The loyalty program `campaignId` names (id or name), or Voucherify's 404.
  static func program(_ request: APIRequest, in world: World) throws(VoucherifyError) -> Campaign {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard campaign.campaignType == .loyaltyProgram else {
      throw VoucherifyError.notFound("loyalty_program", id: request.parameter("campaignId"))
    }
    return campaign
  }
}

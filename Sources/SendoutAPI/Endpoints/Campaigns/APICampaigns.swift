import SendoutCore

/// Campaigns through the mock API: get, list, and the transactions of their cards.
enum APICampaigns {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "get-campaign": getCampaign, "list-campaigns": listCampaigns, "list-campaign-transactions": listTransactions,
  ]

  /// `GET /v1/campaigns/{campaignId}`: by id or name.
  static func getCampaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    return APIAnswer(deferred: { .object(campaign.restJSON) })  // built outside the world's lock
  }

  /// `GET /v1/campaigns[?campaign_type=…&limit=…&page=…]`: the campaigns that are not deleted, oldest first.
  static func listCampaigns(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let type = request.query["campaign_type"]
    let limit = try APIEndpoints.pageParameter(request, "limit", default: 10, range: 1...100)
    let page = try APIEndpoints.pageParameter(request, "page", default: 1, range: 1...10_000)
    let matching = world.campaigns.filter { !$0.deleted && (type == nil || $0.campaignType.rawValue == type) }
    let slice = matching.dropFirst((page - 1) * limit).prefix(limit)
    let body: JSON = [
      "object": "list", "data_ref": "campaigns", "campaigns": .array(slice.map { .object($0.restJSON) }),
      "total": .int(matching.count),
    ]
    return APIAnswer(body: body)
  }

  /// `GET /v1/campaigns/{campaignId}/transactions[?limit=…&order=…&starting_after_id=…]`: the balance changes of
  /// every gift or loyalty card of the campaign.
  static func listTransactions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.campaign(request.parameter("campaignId"), in: world).id
    return APIAnswer(body: try APIVouchers.transactions(world.transactions(ofCampaign: id), request))
  }
}

import SendoutCore

/// A loyalty program's tiers created through the mock API, on the world operation the `loyalty_tier_create`
/// scenario step uses, so the `campaign.loyalty_tier.created` events match. (The spec has no update or delete of a
/// tier.)
enum APILoyaltyTiers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["create-in-bulk-loyalty-tiers": createInBulk]

  /// `POST /v1/loyalties/{campaignId}/tiers` `[{"name": "Gold", "points": {"from": 1000, "to": 4999}}]`: the new
  /// tiers, in order; emits `campaign.loyalty_tier.created` for each.
  static func createInBulk(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let key = request.parameter("campaignId")
    let program = try APIEndpoints.campaign(key, in: world)
    guard program.campaignType == .loyaltyProgram else { throw VoucherifyError.notFound("loyalty_program", id: key) }
    guard let items = request.body.arrayValue, !items.isEmpty else {
      throw .invalidPayload("the body must be a non-empty array of {name, points: {from, to}}")
    }
    var tiers: [JSON] = []
    var events: [WorldEvent] = []
    for (i, item) in items.enumerated() {
      guard let name = item["name"]?.stringValue, !name.isEmpty else {
        throw .invalidPayload("[\(i)].name is required")
      }
      guard let from = item["points"]?["from"]?.intValue, let to = item["points"]?["to"]?.intValue, 0 <= from,
        from <= to
      else { throw .invalidPayload("[\(i)].points needs integers `from` <= `to`, from 0") }
      let made = try world.createLoyaltyTier(
        campaignID: program.id, name: name, pointsFrom: from, pointsTo: to, channel: .api)
      tiers.append(.object(made.value.json()))
      events += made.events
    }
    return APIAnswer(body: .array(tiers), events: events)
  }

}

import SendoutCore

/// A loyalty program's tiers created through the mock API, on the world operation the `loyalty_tier_create`
/// scenario step uses, so the `campaign.loyalty_tier.created` events match. (The spec has no update or delete of a
/// tier.)
enum APILoyaltyTiers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["create-in-bulk-loyalty-tiers": createInBulk]

  /// `POST /v1/loyalties/{campaignId}/tiers` `[{"name": "Gold", "points": {"from": 1000, "to": 4999}}]`: the new
  /// tiers with their `metadata`, in order; emits `campaign.loyalty_tier.created` for each. A tier mapping
  /// `earning_rules` or `rewards` of its own is a 501 naming the field.
  static func createInBulk(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let key = request.parameter("campaignId")
    let program = try APIEndpoints.campaign(key, in: world)
    guard program.campaignType == .loyaltyProgram else { throw VoucherifyError.notFound("loyalty_program", id: key) }
    guard let items = request.body.arrayValue, !items.isEmpty else {
      throw .invalidPayload("the body must be a non-empty array of {name, points: {from, to}}")
    }
    // A tier of the world maps no earning rule or reward of its own (its reads answer `{}`): a request mapping some
    // is refused before any tier is made, never half applied nor silently dropped.
    for (i, item) in items.enumerated() {
      for field in ["earning_rules", "rewards"] where !(item[field]?.objectValue?.members.isEmpty ?? true) {
        throw VoucherifyError.notSimulated(
          "[\(i)].\(field): tier-specific \(field) mappings are not simulated by sendout serve; every "
            + "earning rule and reward of the program applies in every tier as it says (send `{}` or leave it out)")
      }
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
        campaignID: program.id, name: name, pointsFrom: from, pointsTo: to,
        metadata: item["metadata"]?.objectValue ?? [:], channel: .api)
      tiers.append(.object(made.value.json()))
      events += made.events
    }
    return APIAnswer(body: .array(tiers), events: events)
  }

}

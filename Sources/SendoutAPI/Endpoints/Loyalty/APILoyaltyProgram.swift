import SendoutCore

/// A loyalty program's tiers and earning rules through the mock API (read only: they are the world's).
enum APILoyaltyProgram {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-loyalty-tiers": listTiers, "get-loyalty-tier": getTier, "list-member-loyalty-tier": memberTiers,
    "list-earning-rules": listEarningRules, "get-earning-rule": getEarningRule,
  ]

  /// `GET /v1/loyalties/{campaignId}/tiers[?limit=…]`: the program's tiers, lowest first (`order=-…`: highest first).
  static func listTiers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try self.program(request, in: world)
    var tiers = world.loyaltyTiers.filter { $0.campaignID == program.id }.sorted { $0.pointsFrom < $1.pointsFrom }
    if request.query["order"]?.hasPrefix("-") == true { tiers.reverse() }
    return APIAnswer(body: list(try APIList.page(tiers, request).map { .object($0.json()) }, total: tiers.count))
  }

  /// `GET /v1/loyalties/{campaignId}/tiers/{loyaltyTierId}`.
  static func getTier(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try self.program(request, in: world)
    let id = request.parameter("loyaltyTierId")
    guard let tier = world.loyaltyTiers[id: id], tier.campaignID == program.id else {
      throw VoucherifyError.notFound("loyalty_tier", id: id)
    }
    return APIAnswer(body: .object(tier.json()))
  }

  /// `GET /v1/loyalties/members/{memberId}/tiers`: the tier the card's balance is in (none below the first).
  static func memberTiers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    let tier = world.loyaltyTiers.first { $0.campaignID == card.campaignID && $0.contains(card.loyaltyBalance) }
    let expiration = card.holderID.map { (customerID: $0, since: card.updatedAt ?? card.createdAt) }
    let tiers: [JSON] = tier.map { [.object($0.json(expiration: expiration))] } ?? []
    return APIAnswer(body: list(tiers, total: tiers.count))
  }

  /// `GET /v1/loyalties/{campaignId}/earning-rules[?limit=…&page=…]`.
  static func listEarningRules(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try self.program(request, in: world)
    var rules = world.earningRules.filter { $0.campaignID == program.id }
    if request.query["order"]?.hasPrefix("-") == true { rules.reverse() }
    return APIAnswer(body: list(try APIList.page(rules, request).map { .object($0.fullJSON) }, total: rules.count))
  }

  /// `GET /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}`.
  static func getEarningRule(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try self.program(request, in: world)
    let id = request.parameter("earningRuleId")
    guard let rule = world.earningRules[id: id], rule.campaignID == program.id else {
      throw VoucherifyError.notFound("earning_rule", id: id)
    }
    return APIAnswer(body: .object(rule.fullJSON))
  }

  /// The loyalty program `campaignId` names (id or name), or Voucherify's 404.
  private static func program(_ request: APIRequest, in world: World) throws(VoucherifyError) -> Campaign {
    try APILoyaltyPrograms.program(request, in: world)
  }

  /// `{object: list, data_ref: data, data, total}`: one page of items, and how many the whole list holds.
  private static func list(_ items: [JSON], total: Int) -> JSON {
    ["object": "list", "data_ref": "data", "data": .array(items), "total": .int(total)]
  }
}

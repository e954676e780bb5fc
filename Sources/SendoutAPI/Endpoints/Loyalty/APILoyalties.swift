import SendoutCore

/// Loyalty members through the mock API: join a program (`POST /v1/loyalties/{campaignId}/members`), read a card
/// (`GET …/members/{memberId}`, with or without the campaign), and add or remove points (`POST …/balance`).
enum APILoyalties {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "add-member": addMember, "get-member": getMember, "get-member-1": getMember,
    "update-loyalty-card-balance": addBalance, "update-loyalty-card-balance-1": addBalance,
  ]

  /// `POST /v1/loyalties/{campaignId}/members`: gives `customer` (by id or `source_id`, created when unknown) a card
  /// of the program (by id or name), or answers the card they hold. Emits the publication's events.
  static func addMember(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard campaign.campaignType == .loyaltyProgram else {
      throw VoucherifyError(
        status: 400, key: "invalid_campaign_params", message: "Invalid campaign params",
        details: "campaign '\(campaign.name)' is not a loyalty program")
    }
    let (customerID, events) = try APIEndpoints.namedCustomer(APIEndpoints.customerKey(request), request, in: &world)
    if let card = world.loyaltyCard(of: customerID, in: campaign.id) {
      return APIAnswer(body: .object(card.fullJSON), events: events)
    }
    let published = try world.publish(campaignID: campaign.id, customerID: customerID, channel: .api)
    let card = try APIEndpoints.voucher(published.value.voucherIDs.first ?? "", in: world)
    return APIAnswer(body: .object(card.fullJSON), events: events + published.events)
  }

  /// `GET /v1/loyalties/{campaignId}/members/{memberId}` and `GET /v1/loyalties/members/{memberId}`: the card by
  /// code or id.
  static func getMember(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try card(request, in: world).fullJSON))
  }

  /// `POST /v1/loyalties[/{campaignId}]/members/{memberId}/balance`: adds `points` (negative removes them, never
  /// below zero). Emits the points and transaction events and any tier change.
  static func addBalance(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    guard let points = request.body["points"]?.intValue, points != 0 else {
      throw VoucherifyError(
        status: 400, key: "invalid_add_balance_params", message: "Invalid add balance params",
        details: "`points` must be a non-zero integer")
    }
    let card = try card(request, in: world)
    guard card.loyaltyBalance.addingSaturated(points) >= 0 else {
      throw VoucherifyError(
        status: 400, key: "loyalty_card_points_exceeded", message: "loyalty card points exceeded",
        details: "\(card.code) has \(card.loyaltyBalance) points; cannot remove \(-points)")
    }
    let reason = request.body["reason"]?.stringValue
    let added = try world.addLoyaltyPoints(voucherID: card.id, points: points, reason: reason, channel: .api)
    let now = try APIEndpoints.voucher(card.id, in: world)
    let body: JSON = [
      "points": .int(points), "total": .int(now.loyaltyPoints), "balance": .int(now.loyaltyBalance),
      "type": "loyalty_card", "object": "balance", "related_object": ["type": "voucher", "id": .string(now.id)],
    ]
    return APIAnswer(body: body, events: added.events)
  }

  /// The loyalty card `memberId` names (code or id), in the path's program when it names one.
  static func card(_ request: APIRequest, in world: World) throws(VoucherifyError) -> Voucher {
    let card = try APIEndpoints.voucher(request.parameter("memberId"), in: world)
    guard card.campaignType == .loyaltyProgram else { throw VoucherifyError.notFound("loyalty card", id: card.code) }
    if let campaignKey = request.parameters["campaignId"] {
      let campaign = try APIEndpoints.campaign(campaignKey, in: world)
      guard card.campaignID == campaign.id else { throw VoucherifyError.notFound("loyalty card", id: card.code) }
    }
    return card
  }
}

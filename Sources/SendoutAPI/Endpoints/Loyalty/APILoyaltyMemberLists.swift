import SendoutCore

/// A loyalty program's members, a member's activity, the program's pending points and points transfers through the
/// mock API.
enum APILoyaltyMemberLists {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-members": listMembers, "list-member-activity": listActivity, "list-member-activity-1": listActivity,
    "list-campaign-pending-points": listPending, "transfer-points": transfer,
  ]

  /// `GET /v1/loyalties/{campaignId}/members[?customer=…&code=…&ids=…&created_at[before|after]=…&updated_at[…]=…
  /// &order=…&limit=…&page=…]`: the program's loyalty cards, in creation order, with `list-vouchers`' filters.
  static func listMembers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try APILoyaltyPrograms.program(request, in: world)
    let vouchers = world.vouchers
    let cards = world.voucherIDs(inCampaign: program.id).compactMap { vouchers[id: $0] }
    let ordered = try APIVouchers.matching(cards, request, in: world)
    let page = try APIList.page(ordered, request)
    return APIAnswer(body: APIList.body("vouchers", page.map { .object($0.fullJSON) }, total: ordered.count))
  }

  /// `GET /v1/loyalties[/{campaignId}]/members/{memberId}/activity[?limit=…&order=…&starting_after_id=…]`: the
  /// `customer.*` events about the card (`MemberActivity`), oldest first (`order=-created_at`: newest first).
  static func listActivity(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    var activities = world.memberActivities(ofVoucher: card.id)
    if request.query["order"] == "-created_at" { activities.reverse() }
    return APIAnswer(body: try APIList.cursorBody(activities, request, id: \.id) { .object($0.json) })
  }

  /// `GET /v1/loyalties/{campaignId}/pending-points[?limit=…&order=id|-id&starting_after_id=…]`: the pending points
  /// of every card of the program, by id (`-id`: last first).
  static func listPending(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try APILoyaltyPrograms.program(request, in: world)
    var all = world.pendingPoints.filter { $0.campaignID == program.id }.sorted { $0.id < $1.id }
    if request.query["order"] == "-id" { all.reverse() }
    return APIAnswer(body: try APIList.cursorBody(all, request, id: \.id) { .object($0.json) })
  }

  /// `POST /v1/loyalties/{campaignId}/members/{memberId}/transfers` `[{"code": "…", "points": 10, "reason": "…",
  /// "source_id": "…"}, …]`: moves each card's points into the member's card (`World.transferLoyaltyPoints`); answers
  /// the receiving card. More points than a card holds: 400 `loyalty_card_points_exceeded`; a total past the limit:
  /// 400, nothing moved.
  static func transfer(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let target = try APILoyalties.card(request, in: world)
    guard let items = request.body.arrayValue else {
      throw VoucherifyError.invalidPayload("the body must be an array of {code, points}")
    }
    var parts: [PointsTransfer] = []
    for (i, item) in items.enumerated() {
      guard let code = item["code"]?.stringValue else {
        throw VoucherifyError.invalidPayload("`[\(i)].code` (the card to take points from) is required")
      }
      guard let points = item["points"]?.intValue else {
        throw VoucherifyError.invalidPayload("`[\(i)].points` (a positive integer) is required")
      }
      let source = try APIEndpoints.voucher(code, in: world)
      parts.append(
        PointsTransfer(
          voucherID: source.id, points: points, reason: item["reason"]?.stringValue,
          sourceID: item["source_id"]?.stringValue))
    }
    let moved = try world.transferLoyaltyPoints(to: target.id, from: parts, channel: .api)
    return APIAnswer(body: .object(moved.value.fullJSON), events: moved.events)
  }
}

import SendoutCore

/// A loyalty program's and a loyalty card's points history through the mock API, read from what the world recorded
/// for every points change (earning, additions and removals, reward redemptions, expiry, pending points activated),
/// and a card's points expiration buckets.
enum APILoyaltyTransactions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-loyalty-campaign-transactions": programTransactions, "list-loyalty-card-transactions": cardTransactions,
    "list-loyalty-card-transactions-1": cardTransactions, "list-points-expiration": pointsExpiration,
  ]

  /// `GET /v1/loyalties/{campaignId}/transactions[?limit=…&order=id|-id&starting_after_id=…&filters[…]=…]`: the
  /// transactions of every card of the program; `filters` on `id` and `voucher_id`.
  static func programTransactions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try APIEndpoints.loyaltyProgram(request.parameter("campaignId"), in: world)
    let filter = try APITransactionFilter(request, fields: ["id", "voucher_id"])
    return APIAnswer(body: try page(world.transactions(ofCampaign: program.id).filter(filter.matches), request))
  }

  /// `GET /v1/loyalties[/{campaignId}]/members/{memberId}/transactions[?limit=…&order=id|-id&starting_after_id=…
  /// &filters[…]=…]`: the card's transactions; `filters` on `id` and `created_at`.
  static func cardTransactions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    let filter = try APITransactionFilter(request, fields: ["id", "created_at"])
    return APIAnswer(body: try page(world.transactions(ofVoucher: card.id).filter(filter.matches), request))
  }

  /// `GET /v1/loyalties/{campaignId}/members/{memberId}/points-expiration[?limit=…&page=…]`: the card's points
  /// buckets that have not expired, soonest expiry first; each holds the points of one earning not yet spent or
  /// expired (spending takes the soonest-expiring points first).
  static func pointsExpiration(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let card = try APILoyalties.card(request, in: world)
    let buckets = world.activeBuckets(ofVoucher: card.id).sorted { $0.expiresAt < $1.expiresAt }  // stable
    let items = try APIList.page(buckets, request).map { JSON.object($0.json) }
    return APIAnswer(body: APIList.body("data", items, total: buckets.count))
  }

  /// A page of `items` in the `{object: list, data_ref: data, data, has_more, more_starting_after}` envelope:
  /// newest first as Voucherify lists them (`order=id`: oldest first), after the `starting_after_id` cursor.
  private static func page(_ items: [VoucherTransaction], _ request: APIRequest) throws(VoucherifyError) -> JSON {
    let ascending = request.query["order"] == "id"
    let ordered = items.sorted { ascending ? $0.id < $1.id : $0.id > $1.id }
    return try APIList.cursorBody(ordered, request, id: \.id) { .object($0.json) }
  }
}

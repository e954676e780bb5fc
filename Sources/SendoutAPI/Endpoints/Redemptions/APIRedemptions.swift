import SendoutCore

/// Redemptions through the mock API: `POST /v1/redemptions` (stacked), `GET
/// /v1/redemptions/{id}` and `POST /v1/redemptions/{id}/rollback`, on the same world operations as scenario steps.
enum APIRedemptions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "redeem-stacked-discounts": redeem, "get-redemption": get, "rollback-redemption": rollback,
  ]

  /// `POST /v1/redemptions`: redeems up to 30 redeemables (vouchers, gift cards with `gift.credits`, promotion
  /// tiers; 5 apply, the rest are skipped) for `customer` (by id or `source_id`; an unknown `source_id` is created)
  /// on an order of `order.amount` (cents), all or nothing, with exactly the discounts `POST /v1/validations`
  /// announces. Several applied redeemables answer a `parent_redemption` and one child redemption each. A
  /// redeemable that cannot be redeemed now is stored as a failed redemption, emits `redemption.failed`, and
  /// answers 400 with its key (`quantity_exceeded`, `voucher_disabled`…); an unknown code is a 404.
  static func redeem(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let stack = try APIStack(request)
    let first = stack.redeemables[0]
    let evaluation = world.evaluateStack(stack.redeemables, orderAmount: stack.amount)
    if let unknown = evaluation.outcomes.first(where: { $0.failure?.key == "not_found" }) {
      throw VoucherifyError.notFound(unknown.redeemable.kind.rawValue, id: unknown.redeemable.id)  // nothing changes
    }
    // No customer named: the holder of the (first) code redeems it.
    let holder =
      first.kind == .voucher && stack.customerKey == nil
      ? ((try? APIEndpoints.voucher(first.id, in: world))?.holderID) : nil
    let customer =
      holder.map { (id: $0, events: [WorldEvent]()) } ?? APIEndpoints.upsertCustomer(stack.customerKey, in: &world)
    var events = customer.events
    let product = self.product(priced: stack.amount, in: &world)
    let redeemed = try world.redeemStack(
      stack.redeemables, customerID: customer.id, lines: [OrderLine(productID: product)], channel: request.channel)
    events += redeemed.events
    let result = redeemed.value
    guard result.succeeded else {
      let r = result.redemptions.first
      let key = r?.failureCode ?? "invalid_voucher"
      let failed = result.evaluation.outcomes.first { $0.failure != nil }
      return APIAnswer(
        body: .null, events: events,
        error: VoucherifyError(
          status: key == "resource_not_found" ? 404 : 400, key: key, message: r?.failureMessage ?? key,
          details: failed?.failure?.details ?? first.id))
    }
    var children: [JSON] = []
    for r in result.redemptions { children.append(.object(try world.redemptionJSON(r.id))) }
    var o: JSONObject = ["redemptions": .array(children)]
    if let parent = result.parent { o["parent_redemption"] = .object(try world.redemptionJSON(parent.id)) }
    o["order"] = result.orderID.map { id in (try? world.orderJSON(id)).map(JSON.object) ?? .null } ?? .null
    o["inapplicable_redeemables"] = []
    o["skipped_redeemables"] = .array(
      result.evaluation.outcomes.filter { $0.skip != nil }.map { stack.json($0, in: world, order: nil) })
    return APIAnswer(body: .object(o), events: events)
  }

  /// `GET /v1/redemptions/{redemptionId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("redemptionId")
    return APIAnswer(body: .object(try world.redemptionJSON(id)))
  }

  /// `POST /v1/redemptions/{redemptionId}/rollback[?reason=…]`: emits `redemption.rollback.succeeded` and the
  /// customer's counterpart; answers the rollback.
  static func rollback(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("redemptionId")
    guard world.stackChildren(of: id).isEmpty else {
      throw VoucherifyError(
        status: 400, key: "invalid_rollback_params", message: "Invalid rollback params",
        details: "\(id) is the parent of a stacked redemption: roll it back with POST /v1/redemptions/\(id)/rollbacks")
    }
    let reason = request.query["reason"] ?? request.body["reason"]?.stringValue
    let rolled = try world.rollback(redemptionID: id, reason: reason, channel: .api)
    let body = try world.redemptionJSON(rolled.value.id)
    return APIAnswer(body: .object(body), events: rolled.events)
  }

  /// The product an `order.amount` buys: one per amount, made on first use (the scenario's `amount` does the same).
  static func product(priced amount: Int, in world: inout World) -> String {
    let sourceID = "order-amount-\(amount)"
    if let known = world.products.first(where: { $0.sourceID == sourceID }) { return known.id }
    return world.addProduct(name: "Order of \(amount)", sourceID: sourceID, price: amount).id
  }
}

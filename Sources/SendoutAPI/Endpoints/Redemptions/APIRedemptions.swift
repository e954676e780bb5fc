import SendoutCore

/// Redemptions through the mock API: `POST /v1/redemptions` (stacked), `GET
/// /v1/redemptions/{id}` and `POST /v1/redemptions/{id}/rollback`, on the same world operations as scenario steps.
enum APIRedemptions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "redeem-stacked-discounts": redeem, "get-redemption": get, "rollback-redemption": rollback,
  ]

  /// `POST /v1/redemptions`: redeems up to 30 redeemables (vouchers, gift cards with `gift.credits`, promotion
  /// tiers; 5 apply, the rest are skipped) for `customer` (`APIEndpoints.resolveCustomer`: upserted with the fields
  /// given; none named, the holder of the first code, else no customer) on the `order` sent (a new order holding
  /// what was sent, or the existing one its `id` or `source_id` names), all or nothing, keeping `metadata`, with exactly the discounts `POST /v1/validations`
  /// announces. Several applied redeemables answer a `parent_redemption` and one child redemption each. A
  /// redeemable that cannot be redeemed now (its validation rules included) is stored as a failed redemption,
  /// emits `redemption.failed`, and answers 400 with its key (`quantity_exceeded`, `order_rules_violated`…) and the
  /// failed redemption's `rf_…` id as `resource_id` (the spec's `Error.resource_id` example); an unknown code is
  /// stored as a failed redemption (`resource_not_found`) and answers 404. In application mode `PARTIAL` the
  /// inapplicable redeemables are left out (`inapplicable_redeemables`) and the rest redeemed, when one applies.
  static func redeem(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let stack = try APIStack(request, in: world)
    let first = stack.redeemables[0]
    // No customer named: the holder of the (first) code redeems it.
    let holder =
      first.kind == .voucher && stack.customerKey == nil
      ? ((try? APIEndpoints.voucher(first.id, in: world))?.holderID) : nil
    var customer: (id: String?, events: [WorldEvent]) = (holder, [])
    if holder == nil { customer = try APIEndpoints.resolveCustomer(request, in: &world) }
    var events = customer.events
    let redeemed = try world.redeemStack(
      stack.redeemables, customerID: customer.id, lines: [],
      facts: stack.facts(customerID: customer.id, in: world),
      order: stack.orderFields, metadata: stack.metadata, channel: request.channel)
    events += redeemed.events
    let result = redeemed.value
    guard result.succeeded else {
      let r = result.redemptions.first
      var error =
        result.evaluation.firstFailure
        ?? VoucherifyError(
          status: 400, key: r?.failureCode ?? "invalid_voucher", message: r?.failureMessage ?? "", details: first.id)
      if error.status == 400, let r {
        (error.resourceID, error.resourceType) = (r.id, "redemption")
      }
      return APIAnswer(body: .null, events: events, error: error)
    }
    var children: [JSON] = []
    for r in result.redemptions { children.append(.object(try world.redemptionJSON(r.id))) }
    var o: JSONObject = ["redemptions": .array(children)]
    if let parent = result.parent { o["parent_redemption"] = .object(try world.redemptionJSON(parent.id)) }
    o["order"] = result.orderID.map { id in (try? world.orderJSON(id)).map(JSON.object) ?? .null } ?? .null
    o["inapplicable_redeemables"] = .array(  // PARTIAL mode: the ones left out; ALL mode: none (or no success)
      result.evaluation.outcomes.filter { $0.failure != nil }.map { stack.json($0, in: world, order: nil) })
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
  /// customer's counterpart; answers the rollback. A redemption already rolled back (or a failed one) gets a failed
  /// rollback (`rrf_…`, `redemption.rollback.failed`) and a 400 with its `failure_code` as the key:
  /// `already_rolled_back` "Already rolled back", as the official `redemption.rollback.failed` example shows, its
  /// `rrf_…` id as `resource_id`.
  static func rollback(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("redemptionId")
    guard world.stackChildren(of: id).isEmpty else {
      throw VoucherifyError(
        status: 400, key: "invalid_rollback_params", message: "Invalid rollback params",
        details: "\(id) is the parent of a stacked redemption: roll it back with POST /v1/redemptions/\(id)/rollbacks")
    }
    let reason = request.query["reason"] ?? request.body["reason"]?.stringValue
    let rolled = try world.rollback(redemptionID: id, reason: reason, channel: .api)
    if !rolled.value.succeeded {
      let error = VoucherifyError(
        status: 400, key: rolled.value.failureCode ?? "invalid_rollback", message: rolled.value.failureMessage ?? "",
        details: id, resourceID: rolled.value.id, resourceType: "redemption_rollback")
      return APIAnswer(body: .null, events: rolled.events, error: error)
    }
    let body = try world.redemptionJSON(rolled.value.id)
    return APIAnswer(body: .object(body), events: rolled.events)
  }
}

import SendoutCore

/// Redemptions through the mock API: `POST /v1/redemptions` (one voucher redeemable for now), `GET
/// /v1/redemptions/{id}` and `POST /v1/redemptions/{id}/rollback`, on the same world operations as scenario steps.
enum APIRedemptions {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "redeem-stacked-discounts": redeem, "get-redemption": get, "rollback-redemption": rollback,
  ]

  /// `POST /v1/redemptions`: redeems one voucher for `customer` (by id or `source_id`; an unknown `source_id` is
  /// created) on an order of `order.amount` (cents). A voucher that cannot be redeemed now is stored as a failed
  /// redemption, emits `redemption.failed`, and answers 400 with its key (`quantity_exceeded`, `voucher_disabled`…).
  static func redeem(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let redeemables = request.body["redeemables"]?.arrayValue ?? []
    guard redeemables.count == 1, let redeemable = redeemables.first else {
      throw APIError(
        status: 400, key: "invalid_payload", message: "Invalid payload",
        details: redeemables.isEmpty
          ? "`redeemables` is required: [{\"object\": \"voucher\", \"id\": CODE}]"
          : "stacking \(redeemables.count) redeemables is not simulated yet: send one")
    }
    guard redeemable["object"]?.stringValue == "voucher", let code = redeemable["id"]?.stringValue else {
      throw APIError(
        status: 400, key: "invalid_payload", message: "Invalid payload",
        details: "at `redeemables.0`: only {\"object\": \"voucher\", \"id\": CODE} is simulated yet")
    }
    guard let amount = request.body["order"]?["amount"]?.intValue, amount > 0 else {
      throw APIError(
        status: 400, key: "missing_amount", message: "Missing amount", details: "`order.amount` (cents) is required")
    }
    let voucher = try APIEndpoints.voucher(code, in: world)
    let customerKey = APIEndpoints.customerKey(request)
    // No customer named: the code's holder redeems it.
    let customer =
      customerKey == nil && voucher.holderID != nil
      ? (id: voucher.holderID ?? "", events: []) : APIEndpoints.upsertCustomer(customerKey, in: &world)
    var events = customer.events
    let product = self.product(priced: amount, in: &world)
    let redeemed = try APIEndpoints.apply { () throws(WorldOperationError) in
      try world.redeem(
        voucherID: voucher.id, customerID: customer.id, lines: [OrderLine(productID: product)], channel: .api)
    }
    events += redeemed.events
    let r = redeemed.value
    guard r.succeeded else {
      let key = r.failureCode ?? "invalid_voucher"
      return APIAnswer(
        body: .null, events: events,
        error: APIError(
          status: key == "resource_not_found" ? 404 : 400, key: key, message: r.failureMessage ?? key,
          details: voucher.code))
    }
    let body = try APIEndpoints.apply { () throws(WorldOperationError) -> JSON in
      [
        "redemptions": [.object(try world.redemptionJSON(r.id))],
        "order": r.orderID.map { id in (try? world.orderJSON(id)).map(JSON.object) ?? .null } ?? .null,
        "inapplicable_redeemables": [], "skipped_redeemables": [],
      ]
    }
    return APIAnswer(body: body, events: events)
  }

  /// `GET /v1/redemptions/{redemptionId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let id = request.parameter("redemptionId")
    return APIAnswer(
      body: .object(try APIEndpoints.apply { () throws(WorldOperationError) in try world.redemptionJSON(id) }))
  }

  /// `POST /v1/redemptions/{redemptionId}/rollback[?reason=…]`: emits `redemption.rollback.succeeded` and the
  /// customer's counterpart; answers the rollback.
  static func rollback(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let id = request.parameter("redemptionId")
    let reason = request.query["reason"] ?? request.body["reason"]?.stringValue
    let rolled = try APIEndpoints.apply { () throws(WorldOperationError) in
      try world.rollback(redemptionID: id, reason: reason, channel: .api)
    }
    let body = try APIEndpoints.apply { () throws(WorldOperationError) in try world.redemptionJSON(rolled.value.id) }
    return APIAnswer(body: .object(body), events: rolled.events)
  }

  /// The product an `order.amount` buys: one per amount, made on first use (the scenario's `amount` does the same).
  static func product(priced amount: Int, in world: inout World) -> String {
    let sourceID = "order-amount-\(amount)"
    if let known = world.products.first(where: { $0.sourceID == sourceID }) { return known.id }
    return world.addProduct(name: "Order of \(amount)", sourceID: sourceID, price: amount).id
  }
}

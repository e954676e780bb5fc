import SendoutCore

/// Orders and balances through the mock API: `POST /v1/orders`, `GET`/`PUT /v1/orders/{orderId}` and
/// `POST /v1/vouchers/{code}/balance`, on the same world operations as scenario steps.
enum APIOrders {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-order": create, "get-order": get, "update-order": update, "update-voucher-balance": addBalance,
  ]

  /// `POST /v1/orders`: an order holding exactly what was sent (`source_id`, items, amount, metadata, status;
  /// `amount` is the items' sum when not given, an item's `price × quantity`), or, upserting by `source_id`, the
  /// existing order with the given fields changed. The `customer` is upserted when named; none is made otherwise.
  /// Emits `customer.order.created` or `.updated` (and `.paid`/`.canceled` for that status), for a customer's order.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try put(try OrderFields(request.body), request, &world)
  }

  /// `GET /v1/orders/{orderId}`: by id or `source_id`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try world.orderJSON(try APIEndpoints.order(request.parameter("orderId"), in: world).id)))
  }

  /// `PUT /v1/orders/{orderId}` (by id or `source_id`): changes the fields sent (`customer.order.updated`); `status`
  /// PAID or CANCELED pays or cancels it (`customer.order.paid` / `customer.order.canceled`).
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    var fields = try OrderFields(request.body)
    fields.id = try APIEndpoints.order(request.parameter("orderId"), in: world).id
    return try put(fields, request, &world)
  }

  /// Stores `fields` for the body's customer, and answers the order.
  private static func put(_ fields: OrderFields, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> APIAnswer
  {
    _ = try world.orderAmount(of: fields)  // checked before the customer is upserted: nothing changes on a refusal
    let customer = try APIEndpoints.resolveCustomer(request, in: &world)
    let order = try world.putOrder(fields, customerID: customer.id, channel: .api)
    return APIAnswer(body: .object(try world.orderJSON(order.value.id)), events: customer.events + order.events)
  }

  /// `POST /v1/vouchers/{code}/balance`: adds `amount` credits to a gift card, or `amount` points to a loyalty
  /// card (negative removes). Emits the balance and transaction events.
  static func addBalance(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    guard let amount = request.body["amount"]?.intValue, amount != 0 else {
      throw VoucherifyError(
        status: 400, key: "invalid_add_balance_params", message: "Invalid add balance params",
        details: "`amount` must be a non-zero integer")
    }
    let voucher = try APIEndpoints.voucher(request.parameter("code"), in: world)
    let reason = request.body["reason"]?.stringValue
    let added =
      voucher.campaignType == .loyaltyProgram
      ? try world.addLoyaltyPoints(voucherID: voucher.id, points: amount, reason: reason, channel: .api)
      : try world.addGiftCredits(voucherID: voucher.id, amount: amount, reason: reason, channel: .api)
    let now = try APIEndpoints.voucher(voucher.id, in: world)
    let loyalty = now.campaignType == .loyaltyProgram
    let body: JSON = [
      "amount": .int(amount), "total": .int(loyalty ? now.loyaltyPoints : now.giftAmount),
      "balance": .int(loyalty ? now.loyaltyBalance : now.giftBalance),
      "type": .string(loyalty ? "loyalty_card" : "gift_voucher"), "operation_type": "MANUAL", "object": "balance",
      "related_object": ["type": "voucher", "id": .string(now.id)],
    ]
    return APIAnswer(body: body, events: added.events)
  }
}

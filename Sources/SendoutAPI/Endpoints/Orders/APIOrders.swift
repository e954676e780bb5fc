import SendoutCore

/// Orders and balances through the mock API: `POST /v1/orders`, `GET`/`PUT /v1/orders/{orderId}` and
/// `POST /v1/vouchers/{code}/balance`, on the same world operations as scenario steps.
enum APIOrders {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-order": create, "get-order": get, "update-order": update, "update-voucher-balance": addBalance,
  ]

  /// `POST /v1/orders`: an order of `amount` (cents) for `customer` (by id or `source_id`, created when unknown);
  /// `status: "PAID"` pays it at once. Emits `customer.order.created` (and `customer.order.paid`).
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let amount = try self.amount(request)
    let customer = APIEndpoints.upsertCustomer(APIEndpoints.customerKey(request), in: &world)
    var events = customer.events
    let line = OrderLine(productID: APIRedemptions.product(priced: amount, in: &world))
    let order = try world.createOrder(customerID: customer.id, lines: [line], channel: .api)
    events += order.events
    events += try change(order.value.id, to: request.body["status"]?.stringValue, in: &world)
    return APIAnswer(body: .object(try json(order.value.id, in: world)), events: events)
  }

  /// `GET /v1/orders/{orderId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try json(request.parameter("orderId"), in: world)))
  }

  /// `PUT /v1/orders/{orderId}`: a new `amount` changes the order (`customer.order.updated`); `status` PAID or
  /// CANCELED pays or cancels it (`customer.order.paid` / `customer.order.canceled`).
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = request.parameter("orderId")
    var events: [WorldEvent] = []
    if request.body["amount"] != nil {
      let line = OrderLine(productID: APIRedemptions.product(priced: try amount(request), in: &world))
      events += try world.updateOrder(id, lines: [line], channel: .api).events
    }
    events += try change(id, to: request.body["status"]?.stringValue, in: &world)
    return APIAnswer(body: .object(try json(id, in: world)), events: events)
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

  /// Pays or cancels order `id` when `status` asks; other statuses leave it.
  private static func change(_ id: String, to status: String?, in world: inout World) throws(VoucherifyError)
    -> [WorldEvent]
  {
    switch status {
    case "PAID"?:
      return try world.payOrder(id, channel: .api).events
    case "CANCELED"?:
      return try world.cancelOrder(id, channel: .api)
        .events
    case nil, "CREATED"?: return []
    case let other?:
      throw VoucherifyError(
        status: 400, key: "invalid_order", message: "Invalid order",
        details: "status '\(other)' is not simulated: CREATED, PAID or CANCELED")
    }
  }

  /// `order.amount`-style `amount` in cents, required and positive.
  private static func amount(_ request: APIRequest) throws(VoucherifyError) -> Int {
    guard let amount = request.body["amount"]?.intValue, amount > 0 else {
      throw VoucherifyError(
        status: 400, key: "missing_amount", message: "Missing amount", details: "`amount` (cents) is required")
    }
    return amount
  }

  private static func json(_ id: String, in world: World) throws(VoucherifyError) -> JSONObject {
    try world.orderJSON(id)
  }
}

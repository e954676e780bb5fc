extension World {
  /// The order `key` names: its id, else its `source_id`.
  public func order(named key: String) -> Order? {
    orders[id: key] ?? orders.members(.sourceID, key).last
  }

  /// The existing order `fields` names (by `id`, else `source_id`); `notFound` when `id` names none.
  func existingOrder(_ fields: OrderFields) throws(VoucherifyError) -> Order? {
    if let id = fields.id {
      guard let o = order(named: id) else { throw .notFound("order", id: id) }
      return o
    }
    return fields.sourceID.flatMap { orders.members(.sourceID, $0).last }
  }

  /// The product an order line names: by `product_id`, else by `source_id` (Voucherify's own products only; none is
  /// made for a line of an unknown product).
  public func product(of line: OrderItemFields) -> Product? {
    if let id = line.productID { return products[id: id] }
    guard line.relatedObject != "sku", let key = line.sourceID else { return nil }
    return products.first { $0.sourceID == key }
  }

  /// What the order `fields` describe would amount to, checked: at most `maxOrderItems` lines, each quantity
  /// positive, each line amount (`price × quantity` when not given) and their sum, and the given `amount`, from 0 to
  /// `AmountLimits.maxAmount`. The given amount wins; else the lines' sum; else the existing order's amount.
  public func orderAmount(of fields: OrderFields) throws(VoucherifyError) -> Int {
    let items = fields.items ?? []
    guard items.count <= AmountLimits.maxOrderItems else {
      throw .invalidPayload("an order has at most \(AmountLimits.maxOrderItems) items, got \(items.count)")
    }
    var total = 0
    for (i, line) in items.enumerated() {
      if let quantity = line.quantity, quantity <= 0 {
        throw .invalidPayload("`order.items[\(i)].quantity` must be positive, got \(quantity)")
      }
      let price = line.price ?? product(of: line)?.price
      var amount = line.amount ?? 0
      if line.amount == nil, let price {
        amount = try price.multiplied(by: line.quantity ?? 1, "`order.items[\(i)]` price × quantity")
      }
      try AmountLimits.check(amount, "`order.items[\(i)].amount`")
      if let price { try AmountLimits.check(price, "`order.items[\(i)].price`") }
      total = try AmountLimits.adding(amount, to: total, "the order amount (the sum of `order.items`)")
    }
    if let amount = fields.amount {
      try AmountLimits.check(amount, "`order.amount`")
      return amount
    }
    if fields.items == nil, let existing = try existingOrder(fields) { return existing.amount }
    return total
  }

  /// Stores the order `fields` describe, without events: the existing order they name gets what they give (lines and
  /// metadata replaced, the customer set when given), or a new order holds exactly them. `created` tells which,
  /// `paidBefore` whether the order was `PAID` already.
  mutating func storeOrder(_ fields: OrderFields, customerID: String?, status: Order.Status) throws(VoucherifyError)
    -> PlacedOrder
  {
    _ = try orderAmount(of: fields)
    let existing = try existingOrder(fields)
    var o =
      existing
      ?? Order(
        id: make(.order), sourceID: fields.sourceID, status: status, customerID: customerID, items: [],
        metadata: [:], createdAt: now)
    if let items = fields.items {
      o.items = []
      for line in items {
        tick()
        o.items.append(OrderItem(id: make(.orderLineItem), fields: line, product: product(of: line)))
      }
      o.discountAmount = min(o.discountAmount, o.amount)
    }
    if let sourceID = fields.sourceID { o.sourceID = sourceID }
    if let amount = fields.amount { o.givenAmount = amount }
    if let metadata = fields.metadata { o.metadata = metadata }
    if let customerID { o.customerID = customerID }
    o.status = fields.status ?? status
    guard let existing, let i = orders.position(of: existing.id) else {
      orders.append(o)
      return PlacedOrder(index: orders.count - 1, created: true, paidBefore: false)
    }
    o.updatedAt = now
    orders[i] = o
    return PlacedOrder(index: i, created: false, paidBefore: existing.status == .paid)
  }

  /// The amount of a redemption's order: the order an application described, else the sample's `lines`.
  func redemptionOrderAmount(_ order: OrderFields?, lines: [OrderLine]) throws(VoucherifyError) -> Int {
    if let order { return try orderAmount(of: order) }
    return try orderAmount(of: lines)
  }

  /// The paid order a redemption applies to, without events: the order an application described (an existing one
  /// it names, updated, or a new one; status `PAID` unless given), else a new order of the sample's `lines`.
  mutating func placeRedemptionOrder(_ order: OrderFields?, customerID: String?, lines: [OrderLine])
    throws(VoucherifyError) -> PlacedOrder
  {
    if let order { return try storeOrder(order, customerID: customerID, status: .paid) }
    _ = try placeOrder(customerID: customerID, lines: lines, status: .paid)
    return PlacedOrder(index: orders.count - 1, created: true, paidBefore: false)
  }

  /// Records on order `oi` that redemption `id` (now) redeemed voucher `v` (`redemptions.<id>`).
  mutating func noteRedemption(_ id: String, of v: Voucher, onOrder oi: Int) {
    orders[oi].redemptions.append(
      .init(id: id, date: now, relatedObjectType: "voucher", relatedObjectID: v.id, relatedObjectParentID: v.campaignID)
    )
  }

  /// A redemption's order, once its discounts are applied: `customer.order.created` (`.updated` for an order that
  /// existed), then, unless it was paid already, its count in the customer's summary, `customer.order.paid` and the
  /// loyalty points it earns.
  mutating func settleRedemptionOrder(_ placed: PlacedOrder, redemptionID: String?) throws(VoucherifyError) {
    let id = orders[placed.index].id
    try emitOrder(placed.created ? "customer.order.created" : "customer.order.updated", id, redemptionID: redemptionID)
    orders[placed.index].updatedAt = now
    guard !placed.paidBefore else { return }
    countPaidOrder(placed.index)
    try emitOrder("customer.order.paid", id, redemptionID: redemptionID)
    try earnPoints(forPaidOrder: id, event: try lastEmitted())
  }

  /// How an order `fields` describe looks before it is stored (a validation's order): the existing order's `id`
  /// when they name one, `source_id`, the lines as an order would hold them (without ids) and `metadata`.
  public func orderPreview(_ fields: OrderFields) -> JSONObject {
    let existing = try? existingOrder(fields)
    var o = JSONObject()
    o.put("id", existing.map { .string($0.id) })
    o["source_id"] = .str(fields.sourceID ?? existing?.sourceID)
    let items =
      fields.items.map { lines in
        lines.map { line -> JSON in
          var item = OrderItem(id: "", fields: line, product: product(of: line)).json(withProduct: true)
          item["id"] = nil
          return .object(item)
        }
      } ?? existing?.items.map { .object($0.json(withProduct: true)) } ?? []
    o["items"] = .array(items)
    o["metadata"] = .object(fields.metadata ?? existing?.metadata ?? [:])
    return o
  }

  /// Creates or updates (by `id` or `source_id`, Voucherify's upsert) the order `fields` describe, as `POST
  /// /v1/orders` does: status `CREATED` unless given (`PAID` pays it, `CANCELED` cancels it). Emits
  /// `customer.order.created` or `customer.order.updated`, then `customer.order.paid` or `customer.order.canceled`
  /// when the status changes to one of them; an order without a customer emits none (they are customer events).
  public mutating func putOrder(_ fields: OrderFields, customerID: String?, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Order>
  {
    if let customerID { _ = try position(in: customers, customerID, "customer") }
    let before = try existingOrder(fields)
    if fields.status == .paid, let now = before?.status, now != .created, now != .paid {
      throw .invalidPayload(
        "order '\(before?.sourceID ?? before?.id ?? "")' is \(now.rawValue): only a CREATED order can be paid")
    }
    var stored = fields
    stored.status = before?.status ?? .created
    if fields.status == .paid, before?.status != .paid {
      try checkEarning(orderTotal: try orderAmount(of: fields), customerID: customerID ?? before?.customerID)
    }
    begin(channel)
    let placed = try storeOrder(stored, customerID: customerID, status: .created)
    let (i, created) = (placed.index, placed.created)
    let id = orders[i].id
    try emitOrder(created ? "customer.order.created" : "customer.order.updated", id)
    var events = finish(orders[i]).events
    if let status = fields.status, status != orders[i].status {
      switch status {
      case .paid: events += try payOrder(id, channel: channel).events
      case .canceled: events += try cancelOrder(id, channel: channel).events
      case .created, .fulfilled:
        begin(channel)
        orders[i].status = status
        orders[i].updatedAt = now
        try emitOrder("customer.order.updated", id)
        events += finish(orders[i]).events
      }
    }
    return Emitted(orders[i], events)
  }
}

/// Where an order a call described was stored: its position, whether it is new, whether it was `PAID` already.
struct PlacedOrder {
  /// Its position in `World.orders`.
  var index: Int
  /// Whether the call made it.
  var created: Bool
  /// Whether it existed and was `PAID` before the call.
  var paidBefore: Bool
}

extension TableRelation where Entity == Order {
  /// Orders by `source_id` (the API's upsert key).
  static var sourceID: Self { Self("source id") { $0.sourceID } }
}

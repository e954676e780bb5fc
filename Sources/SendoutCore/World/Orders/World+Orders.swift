extension World {
  /// Builds order lines from `lines`, or picks 1–3 random products when `lines` is empty. Refuses (before anything
  /// changes) more than `AmountLimits.maxOrderItems` lines, and a line or order amount beyond `maxAmount`.
  mutating func makeItems(_ lines: [OrderLine]) throws(VoucherifyError) -> [OrderItem] {
    _ = try orderAmount(of: lines)
    var chosen = lines
    if chosen.isEmpty {
      guard !products.isEmpty else { throw .invalidPayload("the world has no products to order") }
      for _ in 0..<rng.int(in: 1...min(3, products.count)) {
        let p = rng.pick(products)
        if !chosen.contains(where: { $0.productID == p.id }) {
          chosen.append(OrderLine(productID: p.id, quantity: rng.int(in: 1...3)))
        }
      }
    }
    var items: [OrderItem] = []
    for line in chosen {
      let p = products[try position(in: products, line.productID, "product")]
      guard line.quantity > 0 else { throw .invalidPayload("quantity of '\(p.name)' must be positive") }
      tick()
      items.append(OrderItem(id: make(.orderLineItem), product: p, quantity: line.quantity))
    }
    return items
  }

  /// What an order of `lines` costs, in cents, checked: at most `maxOrderItems` lines, each a positive quantity of a
  /// known product, and every line's amount and their sum from 0 to `AmountLimits.maxAmount`.
  func orderAmount(of lines: [OrderLine]) throws(VoucherifyError) -> Int {
    guard lines.count <= AmountLimits.maxOrderItems else {
      throw .invalidPayload("an order has at most \(AmountLimits.maxOrderItems) items, got \(lines.count)")
    }
    var total = 0
    for line in lines {
      let p = try entity(in: products, line.productID, "product")
      guard line.quantity > 0 else {
        throw .invalidPayload("quantity of '\(p.name)' must be positive, got \(line.quantity)")
      }
      let amount = try p.price.multiplied(by: line.quantity, "the amount of '\(p.name)' (price × quantity)")
      try AmountLimits.check(amount, "the amount of '\(p.name)' (price × quantity)")
      total = try AmountLimits.adding(amount, to: total, "the order amount")
    }
    return total
  }

  /// A new order of the sample world (drawn number and metadata), stored without events.
  mutating func placeOrder(customerID: String?, lines: [OrderLine], status: Order.Status) throws(VoucherifyError)
    -> Order
  {
    let items = try makeItems(lines)
    let o = Order(
      id: make(.order), sourceID: "ORD-\(String(now.iso8601.prefix(4)))-\(orders.count + 1001)", status: status,
      customerID: customerID, items: items, metadata: ["currency": "USD", "store": "online"], createdAt: now)
    orders.append(o)
    return o
  }

  /// The data of the `customer.order.*` events; `redemptionID` names the redemption applied, if any.
  mutating func orderEventData(_ o: Order, customerID: String, redemptionID: String?) throws(VoucherifyError) -> (
    JSONObject, [String: Set<DistributionPurpose>], [DistributionPurpose: JSONObject]
  ) {
    let c = try self.customer(customerID)
    let redemption = redemptionID.flatMap { id in redemptions[id: id] }
    var data: JSONObject = [
      "customer": .object(c.simpleJSON),
      "referrer": try ifPresent(o.referrerID) { (it) throws(VoucherifyError) -> JSON in
        .object(try self.customer(it).simpleJSON)
      } ?? .null,
      "order": .object(o.calculatedJSON(customer: c)),
      "redemption": try ifPresent(redemption) { (it) throws(VoucherifyError) -> JSON in
        .object(try internalRedemptionJSON(it))
      } ?? .null,
    ]
    let extra = try purposeObjects(for: customerID)
    for m in extra.members { data[m.key] = m.value }
    return (data, extra.keys, extra.overrides)
  }

  /// Emits a `customer.order.*` event for the order's current state (none for an order without a customer).
  mutating func emitOrder(_ type: String, _ orderID: String, redemptionID: String? = nil) throws(VoucherifyError) {
    let o = try self.order(orderID)
    guard let customerID = o.customerID else { return }
    var (data, keys, overrides) = try orderEventData(o, customerID: customerID, redemptionID: redemptionID)
    if type == "customer.order.updated", let order = data["order"] {
      data["order"] = nil
      data = JSONObject([JSONMember("order", order)] + data.members)
    }
    emit(type, entity: customerID, data, purposeKeys: keys, overrides: overrides)
  }

  /// Places an order (status `CREATED`); emits `customer.order.created`.
  public mutating func createOrder(customerID: String, lines: [OrderLine] = [], channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Order>
  {
    _ = try position(in: customers, customerID, "customer")
    _ = try orderAmount(of: lines)
    begin(channel)
    let o = try placeOrder(customerID: customerID, lines: lines, status: .created)
    try emitOrder("customer.order.created", o.id)
    return finish(try self.order(o.id))
  }

  /// Replaces an order's lines; emits `customer.order.updated`.
  public mutating func updateOrder(_ id: String, lines: [OrderLine], channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Order>
  {
    let i = try position(in: orders, id, "order")
    _ = try orderAmount(of: lines)
    begin(channel)
    orders[i].items = try makeItems(lines)
    orders[i].discountAmount = min(orders[i].discountAmount, orders[i].amount)
    orders[i].updatedAt = now
    try emitOrder("customer.order.updated", id, redemptionID: orders[i].redemptions.last?.id)
    return finish(orders[i])
  }

  /// Marks an order paid; emits `customer.order.paid`, then earns loyalty points on the customer's cards
  /// (immediate or pending, per earning rule).
  public mutating func payOrder(_ id: String, channel: EventChannel = .api) throws(VoucherifyError)
    -> Emitted<Order>
  {
    let i = try position(in: orders, id, "order")
    guard orders[i].status == .created else {
      throw .invalidPayload("order '\(id)' is \(orders[i].status.rawValue), not CREATED")
    }
    try checkEarning(orderTotal: orders[i].totalAmount, customerID: orders[i].customerID)
    begin(channel)
    orders[i].status = .paid
    orders[i].updatedAt = now
    countPaidOrder(i)
    try emitOrder("customer.order.paid", id, redemptionID: orders[i].redemptions.last?.id)
    let paidEvent = try lastEmitted()
    try earnPoints(forPaidOrder: id, event: paidEvent)
    return finish(orders[i])
  }

  /// Counts paid order `i` in its customer's `summary.orders` (an order without a customer counts nowhere).
  mutating func countPaidOrder(_ i: Int) {
    guard let id = orders[i].customerID, let ci = customers.position(of: id) else { return }
    customers[ci].orders.totalCount += 1
    customers[ci].orders.totalAmount.addSaturating(orders[i].totalAmount)
    customers[ci].orders.lastOrderAmount = orders[i].totalAmount
    customers[ci].orders.lastOrderDate = now
  }

  /// Cancels an order; emits `customer.order.canceled` and cancels pending points it earned.
  public mutating func cancelOrder(_ id: String, channel: EventChannel = .api) throws(VoucherifyError)
    -> Emitted<Order>
  {
    let i = try position(in: orders, id, "order")
    begin(channel)
    orders[i].status = .canceled
    orders[i].updatedAt = now
    try emitOrder("customer.order.canceled", id, redemptionID: orders[i].redemptions.last?.id)
    for p in pendingPoints where p.order.id == id && p.state == "PENDING" { try cancelPending(p.id) }
    return finish(orders[i])
  }
}

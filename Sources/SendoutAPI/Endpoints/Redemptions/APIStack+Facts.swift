import SendoutCore

/// What a validation or redemption tells the validation rules (`RuleFacts`), read from the `order` the stack parsed
/// (`OrderFields`) and the call's `metadata`, with the customer already resolved.
extension APIStack {
  /// The facts of this call for `customerID` on `world`: the order's lines (ids, quantity — 1 when not given —,
  /// price, amount — `price × quantity` when not given —, the `product.metadata` / `sku.metadata` a line carries),
  /// `order.metadata` and the call's `metadata`. An existing order the body names (`order.id` or `order.source_id`)
  /// without `items` or `metadata` gives its stored ones, as it gives its amount (`World.orderAmount(of:)`): the
  /// order the call will use.
  func facts(customerID: String?, in world: World) -> RuleFacts {
    let stored = (orderFields.id ?? orderFields.sourceID).flatMap(world.order(named:))
    let items =
      orderFields.items.map { $0.map(Self.ruleItem) } ?? stored.map { $0.items.map(Self.ruleItem) } ?? []
    return RuleFacts(
      customerID: customerID, items: items, orderMetadata: orderFields.metadata ?? stored?.metadata ?? [:],
      redemptionMetadata: metadata)
  }

  /// A line as sent.
  private static func ruleItem(_ line: OrderItemFields) -> RuleItem {
    let quantity = line.quantity ?? 1
    return RuleItem(
      productID: line.productID, skuID: line.skuID, sourceID: line.sourceID, quantity: quantity, price: line.price,
      amount: line.amount ?? (line.price ?? 0).multipliedSaturated(by: quantity), metadata: line.catalogMetadata ?? [:])
  }

  /// A stored order's line.
  private static func ruleItem(_ item: OrderItem) -> RuleItem {
    RuleItem(
      productID: item.productID, skuID: item.skuID, sourceID: item.sourceID, quantity: item.quantity ?? 1,
      price: item.price, amount: item.amount ?? 0, metadata: item.product?.fields.metadata ?? [:])
  }
}

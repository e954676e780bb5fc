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
    // A closure, not `flatMap(world.order(named:))`: a partially applied method captures a copy of the whole world.
    let stored = (orderFields.id ?? orderFields.sourceID).flatMap { world.order(named: $0) }
    let items =
      orderFields.items.map { lines in
        lines.map {
          RuleItem(OrderItem(id: "", fields: $0, product: world.product(of: $0)), metadata: $0.catalogMetadata)
        }
      } ?? stored.map { $0.items.map { RuleItem($0) } } ?? []
    return RuleFacts(
      customerID: customerID, items: items, orderMetadata: orderFields.metadata ?? stored?.metadata ?? [:],
      redemptionMetadata: metadata)
  }
}

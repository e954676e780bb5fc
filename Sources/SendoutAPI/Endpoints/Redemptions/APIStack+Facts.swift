import SendoutCore

/// What a validation or redemption body tells the validation rules (`RuleFacts`): the order's lines
/// (`order.items[]`: `product_id`, `sku_id`, `source_id`, `quantity`, `price`, `amount`, `product.metadata` /
/// `sku.metadata`), `order.metadata` and the request's `metadata`, with the customer already resolved.
extension APIStack {
  /// The facts of `request` for `customerID`.
  private static func facts(_ request: APIRequest, customerID: String?) -> RuleFacts {
    let order = request.body["order"]
    let items = (order?["items"]?.arrayValue ?? []).map { item -> RuleItem in
      let quantity = item["quantity"]?.intValue ?? item["quantity"]?.stringValue.flatMap { Int($0) } ?? 1
      let price = item["price"]?.intValue
      let related = item["related_object"]?.stringValue
      let metadata = (related == "sku" ? item["sku"] : item["product"])?["metadata"]?.objectValue ?? [:]
      return RuleItem(
        productID: item["product_id"]?.stringValue, skuID: item["sku_id"]?.stringValue,
        sourceID: item["source_id"]?.stringValue, quantity: quantity, price: price,
        amount: item["amount"]?.intValue ?? (price ?? 0).multipliedSaturated(by: quantity), metadata: metadata)
    }
    return RuleFacts(
      customerID: customerID, items: items, orderMetadata: order?["metadata"]?.objectValue ?? [:],
      redemptionMetadata: request.body["metadata"]?.objectValue ?? [:])
  }

  /// The facts of `request` for `customerID` on `world`: an existing order the body names (`order.id` or
  /// `order.source_id`) without sending `items` or `metadata` gives its stored ones, the order the call will use.
  static func facts(_ request: APIRequest, customerID: String?, in world: World) -> RuleFacts {
    var facts = facts(request, customerID: customerID)
    let order = request.body["order"]
    guard let key = order?["id"]?.stringValue ?? order?["source_id"]?.stringValue, let stored = world.order(named: key)
    else { return facts }
    if order?["items"] == nil {
      facts.items = stored.items.map { item in
        RuleItem(
          productID: item.productID, skuID: item.skuID, sourceID: item.sourceID, quantity: item.quantity ?? 1,
          price: item.price, amount: item.amount ?? 0, metadata: item.product?.fields.metadata ?? [:])
      }
    }
    if order?["metadata"] == nil { facts.orderMetadata = stored.metadata }
    return facts
  }
}

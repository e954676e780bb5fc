import SendoutCore

extension OrderFields {
  /// The order object `order` as an application sent it (`POST /v1/orders`'s body, a redemption's `order`; `null`
  /// or absent: nothing given). The request check has checked the members' types; a status the mock does not know is
  /// Voucherify's 400 `invalid_order`.
  init(_ order: JSON?) throws(VoucherifyError) {
    self.init()
    guard let order, order != .null else { return }
    id = order["id"]?.stringValue
    sourceID = order["source_id"]?.stringValue
    if let text = order["status"]?.stringValue {
      guard let status = Order.Status(rawValue: text) else {
        throw VoucherifyError(
          status: 400, key: "invalid_order", message: "Invalid order",
          details: "status '\(text)' is not simulated: CREATED, PAID, CANCELED or FULFILLED")
      }
      self.status = status
    }
    amount = order["amount"]?.intValue
    items = order["items"]?.arrayValue.map { lines in lines.map(OrderItemFields.init) }
    metadata = order["metadata"]?.objectValue
  }
}

extension OrderItemFields {
  /// One of `order.items`, as sent.
  init(_ line: JSON) {
    self.init()
    sourceID = line["source_id"]?.stringValue
    productID = line["product_id"]?.stringValue
    skuID = line["sku_id"]?.stringValue
    relatedObject = line["related_object"]?.stringValue
    quantity = line["quantity"]?.intValue
    price = line["price"]?.intValue
    amount = line["amount"]?.intValue
    metadata = line["metadata"]?.objectValue
    catalogMetadata = line[relatedObject == "sku" ? "sku" : "product"]?["metadata"]?.objectValue
  }
}

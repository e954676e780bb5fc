/// One line of an order (`ordli_…`); amounts in cents.
public struct OrderItem: Sendable, Equatable {
  /// `ordli_…`.
  public var id: String
  /// The product bought.
  public var product: Product
  /// The SKU, when one was chosen.
  public var skuID: String?
  /// Units bought (free units included).
  public var quantity: Int
  /// Units given for free by a `UNIT` discount.
  public var discountQuantity = 0

  /// Creates an order line.
  public init(id: String, product: Product, quantity: Int, skuID: String? = nil) {
    self.id = id
    self.product = product
    self.quantity = quantity
    self.skuID = skuID
  }

  /// `price × quantity`.
  public var amount: Int { product.price.multipliedSaturated(by: quantity) }
  /// The free units' value.
  public var discountAmount: Int { product.price.multipliedSaturated(by: discountQuantity) }
  /// `amount − discount_amount`.
  public var subtotalAmount: Int { amount.subtractingSaturated(discountAmount) }

  /// `SimpleOrderItem`; `withProduct` appends the product as `OrderItemCalculated` does.
  public func json(withProduct: Bool = false) -> JSONObject {
    var o: JSONObject = [
      "id": .string(id), "object": "order_item", "source_id": .string(product.sourceID), "related_object": "product",
      "product_id": .string(product.id),
    ]
    o.put("sku_id", skuID.map { .string($0) })
    o["quantity"] = .int(quantity)
    if discountQuantity > 0 { o["discount_quantity"] = .int(discountQuantity) }
    o["amount"] = .int(amount)
    if discountQuantity > 0 {
      o["discount_amount"] = .int(discountAmount)
      o["applied_discount_amount"] = .int(discountAmount)
    }
    o["price"] = .int(product.price)
    o["subtotal_amount"] = .int(subtotalAmount)
    if withProduct { o["product"] = .object(product.itemJSON) }
    return o
  }
}

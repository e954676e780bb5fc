/// One line of an order (`ordli_…`); amounts in cents. A line the sample world draws is of a known product; a line an
/// application sends holds what it sent (`nil`: not given), linked to the product it names when the world has it.
public struct OrderItem: Sendable, Equatable {
  /// `ordli_…`.
  public var id: String
  /// The product bought, when the world knows it.
  public var product: Product?
  /// The merchant's product or SKU id.
  public var sourceID: String?
  /// `prod_…`.
  public var productID: String?
  /// The SKU, when one was chosen.
  public var skuID: String?
  /// `product` or `sku`.
  public var relatedObject: String?
  /// Units bought (free units included).
  public var quantity: Int?
  /// Unit price.
  public var price: Int?
  /// The line amount the application gave (else `price × quantity`).
  public var givenAmount: Int?
  /// Units given for free by a `UNIT` discount.
  public var discountQuantity = 0
  /// Custom attributes the application gave.
  public var metadata: JSONObject?
  /// Cents off the line from item-level discounts (`APPLY_TO_ITEMS` and its kin).
  public var lineDiscount = 0

  /// A line of `quantity` units of a known product, at its price.
  public init(id: String, product: Product, quantity: Int, skuID: String? = nil) {
    self.id = id
    self.product = product
    self.sourceID = product.sourceID
    self.productID = product.id
    self.relatedObject = "product"
    self.quantity = quantity
    self.price = product.price
    self.skuID = skuID
  }

  /// A line as an application sent it (`OrderItemFields`), linked to `product` when the world knows it: its id,
  /// source id and price fill what the line does not give.
  public init(id: String, fields: OrderItemFields, product: Product?) {
    self.id = id
    self.product = product
    sourceID = fields.sourceID ?? product?.sourceID
    productID = fields.productID ?? product?.id
    skuID = fields.skuID
    relatedObject = fields.relatedObject ?? (fields.skuID != nil ? "sku" : product.map { _ in "product" })
    quantity = fields.quantity
    price = fields.price ?? product?.price
    givenAmount = fields.amount
    metadata = fields.metadata
  }

  /// The given amount, else `price × quantity` (a line without a quantity counts one unit), else `nil`.
  public var amount: Int? { givenAmount ?? price.map { $0.multipliedSaturated(by: quantity ?? 1) } }
  /// The free units' value and the line's item-level discounts.
  public var discountAmount: Int {
    (price ?? 0).multipliedSaturated(by: discountQuantity).addingSaturated(lineDiscount)
  }
  /// `amount − discount_amount`.
  public var subtotalAmount: Int? { amount.map { $0.subtractingSaturated(discountAmount) } }

  /// `SimpleOrderItem`; `withProduct` appends the product as `OrderItemCalculated` does.
  public func json(withProduct: Bool = false) -> JSONObject {
    var o: JSONObject = [
      "id": .string(id), "object": "order_item", "source_id": .str(sourceID), "related_object": .str(relatedObject),
      "product_id": .str(productID),
    ]
    o.put("sku_id", skuID.map { .string($0) })
    o["quantity"] = .num(quantity)
    if discountQuantity > 0 { o["discount_quantity"] = .int(discountQuantity) }
    o["amount"] = .num(amount)
    if discountAmount > 0 {
      o["discount_amount"] = .int(discountAmount)
      o["applied_discount_amount"] = .int(discountAmount)
    }
    o["price"] = .num(price)
    o["subtotal_amount"] = .num(subtotalAmount)
    o.put("metadata", metadata.map { .object($0) })
    if withProduct, let product { o["product"] = .object(product.itemJSON) }
    return o
  }
}

/// An order as an application sends it (`POST /v1/orders`, `PUT /v1/orders/{id}`, the `order` of a validation or
/// redemption); `nil` is not given. `id` or `sourceID` may name an order that exists.
public struct OrderFields: Sendable, Equatable {
  /// `ord_…` of an existing order.
  public var id: String?
  /// The merchant's order id (the upsert key).
  public var sourceID: String?
  /// The status asked for.
  public var status: Order.Status?
  /// The order amount (else the sum of the items' amounts).
  public var amount: Int?
  /// The lines (replace an existing order's lines).
  public var items: [OrderItemFields]?
  /// Custom attributes (replace an existing order's).
  public var metadata: JSONObject?

  /// Nothing given.
  public init() {}
}

/// One order line as an application sends it; `nil` is not given.
public struct OrderItemFields: Sendable, Equatable {
  /// The merchant's product or SKU id.
  public var sourceID: String?
  /// `prod_…`.
  public var productID: String?
  /// `sku_…`.
  public var skuID: String?
  /// `product` or `sku`.
  public var relatedObject: String?
  /// Units.
  public var quantity: Int?
  /// Unit price, in cents.
  public var price: Int?
  /// The line amount, in cents (else `price × quantity`).
  public var amount: Int?
  /// Custom attributes.
  public var metadata: JSONObject?
  /// The catalogue metadata the line carries: its `sku.metadata` for a SKU line, else its `product.metadata` (what
  /// the validation rules on product or SKU metadata read).
  public var catalogMetadata: JSONObject?

  /// Nothing given.
  public init() {}
}

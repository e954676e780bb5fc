/// What a validation or redemption request tells the validation rules, beyond the redeemable and the world: the
/// customer it names, the order's lines and metadata, and the redemption's metadata. The API reads it from the
/// request body; the rule check (`World.ruleFailure`) reads the rest (segments, customer metadata, redemption
/// counts, the code's holder) from the world.
public struct RuleFacts: Sendable, Equatable {
  /// The customer's id (`cust_…`), when the request names a known one.
  public var customerID: String?
  /// The order's lines, as sent.
  public var items: [RuleItem]
  /// `order.metadata`.
  public var orderMetadata: JSONObject
  /// The request's `metadata` (the redemption's).
  public var redemptionMetadata: JSONObject
  /// Which conditions the check reads: all of them (validation, redemption), or those a qualification reads.
  public var reach: RuleReach = .everything

  /// Facts of a request.
  public init(
    customerID: String? = nil, items: [RuleItem] = [], orderMetadata: JSONObject = [:],
    redemptionMetadata: JSONObject = [:]
  ) {
    self.customerID = customerID
    self.items = items
    self.orderMetadata = orderMetadata
    self.redemptionMetadata = redemptionMetadata
  }
}

/// One order line as a request sent it (`order.items[]`): which product or SKU, how many, at what price.
public struct RuleItem: Sendable, Equatable {
  /// `product_id`.
  public var productID: String?
  /// `sku_id`.
  public var skuID: String?
  /// `source_id` (the product's or SKU's id in the application).
  public var sourceID: String?
  /// `quantity` (1 when not sent).
  public var quantity: Int
  /// `price`: the unit price in cents, when sent.
  public var price: Int?
  /// `amount` in cents (`price` × `quantity` when not sent).
  public var amount: Int
  /// `product.metadata` (or `sku.metadata`) as sent.
  public var metadata: JSONObject

  /// A line.
  public init(
    productID: String?, skuID: String?, sourceID: String?, quantity: Int, price: Int?, amount: Int,
    metadata: JSONObject
  ) {
    self.productID = productID
    self.skuID = skuID
    self.sourceID = sourceID
    self.quantity = quantity
    self.price = price
    self.amount = amount
    self.metadata = metadata
  }
}

extension RuleItem {
  /// An order line as the rules read it: quantity 1 when not given, amount 0 when it has neither amount nor price,
  /// its product's metadata unless `metadata` is given.
  public init(_ item: OrderItem, metadata: JSONObject? = nil) {
    self.init(
      productID: item.productID, skuID: item.skuID, sourceID: item.sourceID, quantity: item.quantity ?? 1,
      price: item.price, amount: item.amount ?? 0, metadata: metadata ?? item.product?.fields.metadata ?? [:])
  }
}

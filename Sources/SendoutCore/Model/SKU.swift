/// A stock-keeping unit of a product (`sku_…`).
public struct SKU: Sendable, Equatable {
  /// `sku_…`.
  public var id: String
  /// The merchant's id.
  public var sourceID: String
  /// The SKU name.
  public var sku: String
  /// The product it belongs to.
  public var productID: String
  /// Unit price in cents.
  public var price: Int

  /// Creates a SKU.
  public init(id: String, sourceID: String, sku: String, productID: String, price: Int) {
    self.id = id
    self.sourceID = sourceID
    self.sku = sku
    self.productID = productID
    self.price = price
  }

  /// `SimpleSku`.
  public var simpleJSON: JSONObject { ["id": .string(id), "source_id": .string(sourceID), "sku": .string(sku)] }
}

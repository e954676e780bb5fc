/// A product's SKU (`sku_…`): what the application sent, its product, and the times Voucherify adds.
public struct SKU: Sendable, Equatable, Identifiable {
  /// `sku_…`.
  public var id: String
  /// The parent product's id.
  public var productID: String
  /// What the application sent.
  public var fields: SKUFields
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last updated; `nil` until then.
  public var updatedAt: Timestamp?

  /// Creates a SKU.
  public init(id: String, productID: String, fields: SKUFields, createdAt: Timestamp) {
    self.id = id
    self.productID = productID
    self.fields = fields
    self.createdAt = createdAt
  }
}

/// A product in the catalog (`prod_…`), priced in cents: what the application sent, and the times Voucherify adds.
public struct Product: Sendable, Equatable {
  /// `prod_…`.
  public var id: String
  /// What the application sent.
  public var fields: ProductFields
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last updated; `nil` until then.
  public var updatedAt: Timestamp?

  /// Creates a product of the sample catalog, every field given.
  public init(id: String, sourceID: String, name: String, price: Int, createdAt: Timestamp) {
    self.init(id: id, fields: ProductFields(sourceID: sourceID, name: name, price: price), createdAt: createdAt)
  }

  /// Creates a product from what the application sent.
  public init(id: String, fields: ProductFields, createdAt: Timestamp) {
    self.id = id
    self.fields = fields
    self.createdAt = createdAt
  }

  /// The merchant's id, `""` when none was given (an order line names the product by it).
  public var sourceID: String { fields.sourceID ?? "" }
  /// Display name, `""` when none was given.
  public var name: String { fields.name ?? "" }
  /// Unit price in cents, 0 when none was given (an order line's amount is price × quantity).
  public var price: Int { fields.price ?? 0 }

  /// `SimpleProduct`.
  public var simpleJSON: JSONObject { ["id": .string(id), "source_id": .string(sourceID), "name": .string(name)] }

  /// The product as an order item embeds it (with its price).
  public var itemJSON: JSONObject { simpleJSON.with("price", .int(price)) }
}

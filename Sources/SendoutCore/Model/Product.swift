/// A product in the catalog (`prod_…`), priced in cents.
public struct Product: Sendable, Equatable {
  /// `prod_…`.
  public var id: String
  /// The merchant's id.
  public var sourceID: String
  /// Display name.
  public var name: String
  /// Unit price in cents.
  public var price: Int
  /// When it was created.
  public var createdAt: Timestamp

  /// Creates a product.
  public init(id: String, sourceID: String, name: String, price: Int, createdAt: Timestamp) {
    self.id = id
    self.sourceID = sourceID
    self.name = name
    self.price = price
    self.createdAt = createdAt
  }

  /// `SimpleProduct`.
  public var simpleJSON: JSONObject { ["id": .string(id), "source_id": .string(sourceID), "name": .string(name)] }

  /// The product as an order item embeds it (with its price).
  public var itemJSON: JSONObject { simpleJSON.with("price", .int(price)) }
}

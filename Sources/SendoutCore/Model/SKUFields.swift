/// What the application sent for a SKU (`ProductsSkusCreateRequestBody`): `nil` for a field it did not give, which
/// the SKU's response object shows as `null`.
public struct SKUFields: Sendable, Equatable {
  /// The merchant's id.
  public var sourceID: String?
  /// The SKU's name (`sku`).
  public var sku: String?
  /// Unit price in cents.
  public var price: Int?
  /// The price's currency.
  public var currency: String?
  /// Values of the product's attributes.
  public var attributes: JSONObject?
  /// The image's URL.
  public var imageURL: String?
  /// Custom key/value pairs.
  public var metadata: JSONObject?

  /// Creates the fields.
  public init(
    sourceID: String? = nil, sku: String? = nil, price: Int? = nil, currency: String? = nil,
    attributes: JSONObject? = nil, imageURL: String? = nil, metadata: JSONObject? = nil
  ) {
    self.sourceID = sourceID
    self.sku = sku
    self.price = price
    self.currency = currency
    self.attributes = attributes
    self.imageURL = imageURL
    self.metadata = metadata
  }
}

/// What the application sent for a product (`ProductsCreateRequestBody`): `nil` for a field it did not give, which
/// the product's response object shows as `null`.
public struct ProductFields: Sendable, Equatable {
  /// The merchant's id.
  public var sourceID: String?
  /// Display name.
  public var name: String?
  /// Unit price in cents.
  public var price: Int?
  /// The attribute names its SKUs give values for.
  public var attributes: [String]?
  /// Custom key/value pairs.
  public var metadata: JSONObject?
  /// The image's URL.
  public var imageURL: String?

  /// Creates the fields.
  public init(
    sourceID: String? = nil, name: String? = nil, price: Int? = nil, attributes: [String]? = nil,
    metadata: JSONObject? = nil, imageURL: String? = nil
  ) {
    self.sourceID = sourceID
    self.name = name
    self.price = price
    self.attributes = attributes
    self.metadata = metadata
    self.imageURL = imageURL
  }
}

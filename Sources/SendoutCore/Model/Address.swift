/// A customer's postal address; a member not given is `nil`.
public struct Address: Sendable, Equatable {
  /// City.
  public var city: String?
  /// State or region.
  public var state: String?
  /// Street line.
  public var line1: String?
  /// Country.
  public var country: String?
  /// Postal code.
  public var postalCode: String?

  /// Creates an address.
  public init(city: String?, state: String?, line1: String?, country: String?, postalCode: String?) {
    self.city = city
    self.state = state
    self.line1 = line1
    self.country = country
    self.postalCode = postalCode
  }

  /// Voucherify's `address` object.
  public var json: JSONObject {
    [
      "city": .str(city), "state": .str(state), "line_1": .str(line1), "line_2": .null, "country": .str(country),
      "postal_code": .str(postalCode),
    ]
  }
}

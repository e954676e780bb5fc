/// A customer's postal address.
public struct Address: Sendable, Equatable {
  /// City.
  public var city: String
  /// State or region.
  public var state: String
  /// Street line.
  public var line1: String
  /// Country.
  public var country: String
  /// Postal code.
  public var postalCode: String

  /// Creates an address.
  public init(city: String, state: String, line1: String, country: String, postalCode: String) {
    self.city = city
    self.state = state
    self.line1 = line1
    self.country = country
    self.postalCode = postalCode
  }

  /// Voucherify's `address` object.
  public var json: JSONObject {
    [
      "city": .string(city), "state": .string(state), "line_1": .string(line1), "line_2": .null,
      "country": .string(country), "postal_code": .string(postalCode),
    ]
  }
}

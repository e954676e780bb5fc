/// The profile fields a call gives a customer: on creation what the new customer holds (a `nil` field is `null`), on
/// an update or upsert (`PUT /v1/customers/{id}`, `POST /v1/customers` with a known `source_id`) what changes (a `nil`
/// field stays as it is, and `metadata` keys are merged into the customer's; a `null` value removes the key).
public struct CustomerChanges: Sendable, Equatable {
  /// New name.
  public var name: String?
  /// New email.
  public var email: String?
  /// New phone.
  public var phone: String?
  /// New birth date, `YYYY-MM-DD`.
  public var birthdate: String?
  /// New description.
  public var description: String?
  /// New address; each `nil` member stays.
  public var city: String?
  /// New state.
  public var state: String?
  /// New street line.
  public var line1: String?
  /// New country.
  public var country: String?
  /// New postal code.
  public var postalCode: String?
  /// Metadata keys to set (`null` removes one).
  public var metadata: JSONObject?

  /// No change.
  public init() {}

  /// Whether no field is given.
  public var isEmpty: Bool { self == CustomerChanges() }

  /// Whether an address member is given.
  var hasAddress: Bool { [city, state, line1, country, postalCode].contains { $0 != nil } }
}

/// A custom event tracked for a customer (`event_…`).
public struct CustomEvent: Sendable, Equatable {
  /// `event_…`.
  public var id: String
  /// The event name, e.g. `sign_up`.
  public var type: String
  /// The customer.
  public var customerID: String
  /// Referral context, when the event converts a referral.
  public var referral: JSONObject?
  /// Loyalty context, when the event earns points.
  public var loyalty: JSONObject?
  /// Custom attributes.
  public var metadata: JSONObject
  /// When.
  public var createdAt: Timestamp

  /// Creates an event.
  public init(id: String, type: String, customerID: String, metadata: JSONObject, createdAt: Timestamp) {
    self.id = id
    self.type = type
    self.customerID = customerID
    self.metadata = metadata
    self.createdAt = createdAt
  }

  /// `CustomEvent`.
  public var json: JSONObject {
    [
      "id": .string(id), "object": "event", "type": .string(type),
      "customer": ["id": .string(customerID), "object": "customer"],
      "referral": referral.map { .object($0) } ?? .null, "loyalty": loyalty.map { .object($0) } ?? .null,
      "metadata": .object(metadata), "created_at": .time(createdAt),
    ]
  }
}

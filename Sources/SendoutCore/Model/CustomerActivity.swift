/// One entry of a customer's activity feed (`GET /v1/customers/{id}/activity`): an event about the customer
/// (`customer.created`, `customer.redemption.succeeded`…) as Voucherify keeps it, with the data it carried.
public struct CustomerActivity: Sendable, Equatable {
  /// The event id (`evcus_…`).
  public var id: String
  /// The event type.
  public var type: String
  /// The customer the event is about.
  public var customerID: String
  /// The event's data objects (`customer`, `redemption`…).
  public var data: JSONObject
  /// `event_source`: the channel, and the user or API key that caused it.
  public var source: JSONObject
  /// The campaign the event concerns, when its data names one.
  public var campaignID: String?
  /// When it happened.
  public var createdAt: Timestamp
  /// The request that caused it.
  public var groupID: String

  /// `ACTION` or `EFFECT`: every event the world records is an effect of a call, as its event objects say.
  public var category: String { "EFFECT" }

  /// `CustomerActivity`.
  public var json: JSONObject {
    [
      "id": .string(id), "type": .string(type),
      "data": ["data": .object(data), "event_source": .object(source)],
      "created_at": .time(createdAt), "group_id": .string(groupID),
    ]
  }
}

/// A moment of a loyalty member's journey (`MemberActivity`): a `customer.*` event about their card (points added,
/// tier joined, publication…), kept so `GET /v1/loyalties/members/{memberId}/activity` lists what was sent.
public struct MemberActivity: Sendable, Equatable, Identifiable {
  /// The event's id (`evcus_…`).
  public var id: String
  /// The loyalty card it is about.
  public var voucherID: String
  /// The event type.
  public var type: String
  /// The event's `data`.
  public var data: JSONObject
  /// `event_source`: the channel, and the user or API key.
  public var eventSource: JSONObject
  /// When it happened.
  public var createdAt: Timestamp
  /// The request that caused it.
  public var groupID: String

  /// `MemberActivity`: `data` holds the event's data and its source.
  public var json: JSONObject {
    [
      "id": .string(id), "type": .string(type),
      "data": ["data": .object(data), "event_source": .object(eventSource)], "created_at": .time(createdAt),
      "group_id": .string(groupID),
    ]
  }
}

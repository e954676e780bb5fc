/// An event that happened in the simulated world, with everything the envelope's `event` block and
/// `data` need. Made by world operations; turned into bytes by the renderer.
public struct WorldEvent: Sendable, Equatable {
  /// The dotted event type (`event.type`).
  public var type: String
  /// When it happened (`event.created_at`).
  public var createdAt: Timestamp
  /// `event.id`, e.g. `evcus_0e3070fef399b70b00`.
  public var eventID: String
  /// `event.entity_id`: the id of the object the event is about.
  public var entityID: String
  /// `event.group_id`: the request that caused it (`v-…`).
  public var groupID: String
  /// `event.event_source.channel`: `USER_PORTAL`, `API`, `CLIENT_API` or `INTERNAL`.
  public var channel: String
  /// `event.event_source.user.id` when a dashboard user caused it.
  public var userID: String?
  /// `event.event_source.api_key` (`name`, `app_id`) when an API key caused it.
  public var apiKey: (name: String, appID: String)? {
    get { apiKeyName.map { ($0, apiKeyAppID ?? "") } }
    set {
      apiKeyName = newValue?.name
      apiKeyAppID = newValue?.appID
    }
  }
  private var apiKeyName: String?
  private var apiKeyAppID: String?
  /// Every object the event can carry, in Voucherify's key order, including the purpose-dependent ones.
  public var fullData: JSONObject
  /// Keys of `fullData` that a distribution sends only for some purposes (`campaign`, `voucher`, …),
  /// mapped to the purposes that include them.
  public var purposeKeys: [String: Set<DistributionPurpose>]
  /// Values that replace `fullData` members for one purpose (e.g. the promotion campaign as `campaign` when
  /// the distribution notifies about a promotion while `fullData` carries the coupon campaign).
  public var purposeOverrides: [DistributionPurpose: JSONObject] = [:]

  /// Creates an event.
  public init(
    type: String, createdAt: Timestamp, eventID: String, entityID: String, groupID: String, channel: String,
    userID: String? = nil, fullData: JSONObject, purposeKeys: [String: Set<DistributionPurpose>] = [:]
  ) {
    self.type = type
    self.createdAt = createdAt
    self.eventID = eventID
    self.entityID = entityID
    self.groupID = groupID
    self.channel = channel
    self.userID = userID
    self.fullData = fullData
    self.purposeKeys = purposeKeys
  }

  /// The `data` object as sent: project webhooks (`purpose` nil) get every key; a distribution gets
  /// the basic keys plus those its purpose includes.
  public func data(for purpose: DistributionPurpose?) -> JSONObject {
    guard let purpose else { return fullData }
    var data = JSONObject(fullData.members.filter { purposeKeys[$0.key].map { $0.contains(purpose) } ?? true })
    for member in purposeOverrides[purpose]?.members ?? [] where data[member.key] != nil {
      data[member.key] = member.value
    }
    return data
  }

  /// Events are equal when every field, including `data` and the purpose maps, is equal.
  public static func == (a: WorldEvent, b: WorldEvent) -> Bool {
    a.type == b.type && a.createdAt == b.createdAt && a.eventID == b.eventID && a.entityID == b.entityID
      && a.groupID == b.groupID && a.channel == b.channel && a.userID == b.userID && a.apiKeyName == b.apiKeyName
      && a.apiKeyAppID == b.apiKeyAppID && a.fullData == b.fullData && a.purposeKeys == b.purposeKeys
      && a.purposeOverrides == b.purposeOverrides
  }
}

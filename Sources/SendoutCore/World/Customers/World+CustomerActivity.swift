extension World {
  /// How many activities the feed keeps per customer, newest last (older ones are dropped): every event holds its
  /// rendered data, so an unbounded feed would grow a long-lived mock with every redemption.
  public static let activitiesPerCustomer = 1_000

  /// Records `event` in the feed of the customer it is about, when it is a customer event about a customer the world
  /// holds (a `customer.*` event's entity is the customer).
  mutating func recordActivity(_ event: WorldEvent) {
    guard event.type.hasPrefix("customer."), customers.position(of: event.entityID) != nil else { return }
    var source: JSONObject = ["channel": .string(event.channel)]
    if let user = event.userID { source["user"] = ["id": .string(user)] }
    if let key = event.apiKey { source["api_key"] = ["name": .string(key.name), "app_id": .string(key.appID)] }
    let activity = CustomerActivity(
      id: event.eventID, type: event.type, customerID: event.entityID, data: event.fullData, source: source,
      campaignID: Self.campaignID(in: event.fullData), createdAt: event.createdAt, groupID: event.groupID)
    // In place: the feed is not copied.
    customerActivities[event.entityID, default: []].append(activity)
    if let count = customerActivities[event.entityID]?.count, count > Self.activitiesPerCustomer {
      customerActivities[event.entityID]?.removeFirst(count - Self.activitiesPerCustomer)
    }
  }

  /// The activities of customer `customerID`, oldest first.
  public func activities(of customerID: String) -> [CustomerActivity] { customerActivities[customerID] ?? [] }

  /// The campaign an event's data concerns: its `campaign`, or the campaign of its `voucher` or redeemed voucher.
  private static func campaignID(in data: JSONObject) -> String? {
    if let id = data["campaign"]?["id"]?.stringValue { return id }
    if let id = data["voucher"]?["campaign_id"]?.stringValue { return id }
    return data["redemption"]?["voucher"]?["campaign_id"]?.stringValue
  }
}

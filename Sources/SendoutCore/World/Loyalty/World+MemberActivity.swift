extension TableRelation where Entity == MemberActivity {
  /// A card's activities, oldest first.
  static var voucher: Self { Self("voucher") { $0.voucherID } }
}

extension World {
  /// The activities of loyalty card `voucherID`, oldest first.
  public func memberActivities(ofVoucher voucherID: String) -> [MemberActivity] {
    memberActivities.members(.voucher, voucherID)
  }

  /// Keeps `event` as an activity of the loyalty card it is about, when it is a `customer.*` event naming one (its
  /// `voucher`, or for a tier change the card the customer holds in the event's `campaign`).
  mutating func recordMemberActivity(_ event: WorldEvent) {
    guard event.type.hasPrefix("customer.") else { return }
    var cardID: String?
    if let id = event.fullData["voucher"]?["id"]?.stringValue, vouchers[id: id]?.campaignType == .loyaltyProgram {
      cardID = id
    } else if event.type.hasPrefix("customer.loyalty.tier."), let campaign = event.fullData["campaign"]?["id"] {
      cardID = vouchers(heldBy: event.entityID, in: campaign.stringValue ?? "").first?.id
    }
    guard let cardID else { return }
    memberActivities.append(
      MemberActivity(
        id: event.eventID, voucherID: cardID, type: event.type, data: event.fullData,
        eventSource: simpleEventJSON(event, withSource: true)["event_source"]?.objectValue ?? [:],
        createdAt: event.createdAt, groupID: event.groupID))
  }
}

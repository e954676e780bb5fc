extension World {
  /// Rolls back a stacked redemption: each child as `rollback` does (its events, the order canceled), then the
  /// parent, whose rollback (`rr_…`, `redemption` = the parent) is stored without an event of its own. A
  /// redemption without children is rolled back alone. Returns the parent's rollback (`nil` when there was no
  /// parent) and the children's.
  public mutating func rollbackStack(parentID: String, reason: String? = nil, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<StackRollback>
  {
    let pi = try position(in: redemptions, parentID, "redemption")
    let children = stackChildren(of: parentID)
    guard !children.isEmpty else {
      let single = try rollback(redemptionID: parentID, reason: reason, channel: channel)
      return Emitted(StackRollback(parent: nil, rollbacks: [single.value]), single.events)
    }
    var events: [WorldEvent] = []
    var rollbacks: [Redemption] = []
    for child in children {
      let rolled = try rollback(redemptionID: child.id, reason: reason, channel: channel)
      events += rolled.events
      rollbacks.append(rolled.value)
    }
    let parent = redemptions[pi]
    begin(channel, gap: 1...40)
    var rb = Redemption(
      id: "", kind: .rollback, succeeded: true, date: now, customerID: parent.customerID, trackingID: parent.trackingID,
      channelID: channelID(for: channel), channelType: channel == .userPortal ? "USER" : "API")
    rb.orderID = parent.orderID
    rb.parentID = parent.id
    rb.reason = rollbacks.first?.reason ?? reason
    if parent.rolledBack || !rollbacks.allSatisfy(\.succeeded) {
      rb.id = make(.rollbackFailed)
      rb.succeeded = false
      rb.failureCode = parent.rolledBack ? "already_rolled_back" : "invalid_redemption"
      rb.failureMessage = parent.rolledBack ? "Already rolled back" : "A child could not be rolled back"
    } else {
      rb.id = make(.rollback)
      rb.discount = parent.discount
      redemptions[pi].rolledBack = true
      summarize(parent.customerID) { $0.redemptions.rolledBack += 1 }
    }
    redemptions.append(rb)
    let done = finish(StackRollback(parent: rb, rollbacks: rollbacks))
    return Emitted(done.value, events + done.events)
  }
}

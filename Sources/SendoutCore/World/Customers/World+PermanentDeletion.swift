extension World {
  /// Forgets customer `id` for good (`POST /v1/customers/{id}/permanent-deletion`): deletes the customer
  /// (`customer.deleted`, as a delete does), their custom events, activity feed and segment memberships, and unlinks
  /// their orders (kept for the redemptions that name them). Returns Voucherify's `pernament_deletion` object, `DONE`
  /// at once. A scan of the orders and custom events: a permanent deletion is rare.
  public mutating func deleteCustomerPermanently(_ id: String, channel: EventChannel = .api) throws(VoucherifyError)
    -> Emitted<JSONObject>
  {
    let deleted = try deleteCustomer(id, channel: channel)
    let activities = customerActivities.removeValue(forKey: id)?.count ?? 0
    let events = customEvents.count
    customEvents.removeAll { $0.customerID == id }
    var segmentsLeft = 0
    for i in segments.indices where segments[i].memberIDs.contains(id) {
      segments[i].memberIDs.removeAll { $0 == id }
      segmentsLeft += 1
    }
    var orders = 0
    for i in self.orders.indices where self.orders[i].customerID == id {
      self.orders[i].customerID = nil
      orders += 1
    }
    let counts: JSONObject = [
      "events": .int(events - customEvents.count), "customer_events": .int(activities), "daily_events": 0,
      "segments": .int(segmentsLeft), "orders": .int(orders), "order_events": 0, "customer": 1,
    ]
    let answer: JSONObject = [
      "id": .string(make(.permanentDeletion)), "created_at": .time(now), "related_object_id": .string(id),
      "related_object": "customer", "status": "DONE", "data_json": .object(counts), "object": "pernament_deletion",
    ]
    return Emitted(answer, deleted.events)
  }
}

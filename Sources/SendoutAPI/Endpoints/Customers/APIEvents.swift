import SendoutCore

/// Custom events through the mock API: `POST /v1/events`.
enum APIEvents {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "track-custom-event": trackCustomEvent
  ]

  /// `POST /v1/events`: tracks a custom event for `customer` (by id or `source_id`); emits `customer.custom_event`.
  static func trackCustomEvent(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    guard let name = request.string(at: "event"), !name.isEmpty else {
      throw VoucherifyError.invalidPayload("`event` is required")
    }
    guard let reference = request.object(at: "customer") else {
      throw VoucherifyError(
        status: 400, key: "missing_customer", message: "Missing customer", details: "`customer` is required")
    }
    let key = reference["id"]?.stringValue ?? reference["source_id"]?.stringValue ?? ""
    let customerID = try APIEndpoints.customer(key, in: world).id
    let metadata = request.object(at: "metadata") ?? [:]
    let tracked = try world.trackCustomEvent(
      customerID: customerID, name: name, metadata: metadata, channel: request.channel)
    let body: JSON = [
      "object": "event", "type": .string(name),
      "customer": .object(
        try world.customer(customerID).simpleJSON),
      "referral": .null, "loyalty": .null, "metadata": .object(tracked.value.metadata),
    ]
    return APIAnswer(body: body, events: tracked.events)
  }
}

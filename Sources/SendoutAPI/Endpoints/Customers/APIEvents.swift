import SendoutCore

/// Custom events through the mock API: `POST /v1/events`.
enum APIEvents {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "track-custom-event": trackCustomEvent
  ]

  /// `POST /v1/events`: tracks a custom event for `customer`, upserted as the spec says ("If a customer doesn't exist
  /// in Voucherify, the customer will be created"): by `id` (404 when unknown), else by `source_id` with the profile
  /// fields given (`APIEndpoints.resolveCustomer`); emits `customer.custom_event` after any `customer.created` or
  /// `customer.updated`.
  static func trackCustomEvent(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    guard let name = request.string(at: "event"), !name.isEmpty else {
      throw VoucherifyError.invalidPayload("`event` is required")
    }
    guard request.object(at: "customer") != nil else { throw missingCustomer }
    let metadata = request.object(at: "metadata") ?? [:]
    try world.checkCustomEventMetadata(metadata, name: name)
    let customer = try APIEndpoints.resolveCustomer(request, in: &world)
    guard let customerID = customer.id else { throw missingCustomer }
    let tracked = try world.trackCustomEvent(
      customerID: customerID, name: name, metadata: metadata, channel: request.channel)
    let body: JSON = [
      "object": "event", "type": .string(name),
      "customer": .object(try world.customer(customerID).simpleJSON),
      "referral": .null, "loyalty": .null, "metadata": .object(tracked.value.metadata),
    ]
    return APIAnswer(body: body, events: customer.events + tracked.events)
  }

  private static let missingCustomer = VoucherifyError(
    status: 400, key: "missing_customer", message: "Missing customer",
    details: "`customer` needs an `id`, a `source_id` or profile fields")
}

import SendoutCore

/// The operations `sendout serve` simulates, by `operationId`: each reads the request, applies the same world
/// operation a scenario step would, and answers with the spec's response body. Every other operation of the
/// spec answers 501. The world is the mock's whole state; an endpoint's events become webhooks.
enum APIEndpoints {
  /// An endpoint: the request, the world it may change, and the channel events are attributed to.
  typealias Handler = @Sendable (APIRequest, inout World) throws(APIError) -> APIAnswer

  /// Every simulated operation.
  static let all: [String: Handler] = [
    "get-voucher": getVoucher, "enable-voucher": enableVoucher, "disable-voucher": disableVoucher,
    "get-customer": getCustomer, "create-customer": createCustomer, "get-campaign": getCampaign,
    "list-campaigns": listCampaigns,
    "track-custom-event": trackCustomEvent, "create-publication": createPublication,
    "create-publication-1": createPublication, "redeem-stacked-discounts": APIRedemptions.redeem,
    "get-redemption": APIRedemptions.get, "rollback-redemption": APIRedemptions.rollback,
    "create-order": APIOrders.create, "get-order": APIOrders.get, "update-order": APIOrders.update,
    "update-voucher-balance": APIOrders.addBalance, "add-member": APILoyalties.addMember,
    "get-member": APILoyalties.getMember, "get-member-1": APILoyalties.getMember,
    "update-loyalty-card-balance": APILoyalties.addBalance, "update-loyalty-card-balance-1": APILoyalties.addBalance,
  ]

  /// `GET /v1/vouchers/{code}`: the voucher by code (or id).
  static func getVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    APIAnswer(body: .object(try voucher(request.parameter("code"), in: world).fullJSON))
  }

  /// `POST /v1/vouchers/{code}/enable`; emits `voucher.enabled`.
  static func enableVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST /v1/vouchers/{code}/disable`; emits `voucher.disabled`.
  static func disableVoucher(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(APIError)
    -> APIAnswer
  {
    let id = try voucher(request.parameter("code"), in: world).id
    let changed = try apply { () throws(WorldOperationError) in try world.setVoucherActive(id, active, channel: .api) }
    return APIAnswer(body: .object(changed.value.fullJSON), events: changed.events)
  }

  /// `GET /v1/customers/{customerId}`: by id or `source_id`.
  static func getCustomer(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    APIAnswer(body: .object(try customer(request.parameter("customerId"), in: world).fullJSON))
  }

  /// `POST /v1/customers`: creates a customer, or answers the existing one with the same `source_id` (upsert;
  /// changed metadata is applied and emits `customer.updated`). Emits `customer.created` for a new one.
  static func createCustomer(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let sourceID = try request.string("source_id", errorKey: "invalid_customer")
    let metadata = try request.object("metadata", errorKey: "invalid_customer")
    if let sourceID, let existing = try? world.customer(sourceID: sourceID) {
      guard let metadata, !metadata.members.isEmpty else { return APIAnswer(body: .object(existing.fullJSON)) }
      let updated = try apply { () throws(WorldOperationError) in
        try world.updateCustomer(existing.id, metadata: metadata, channel: .api)
      }
      return APIAnswer(body: .object(updated.value.fullJSON), events: updated.events)
    }
    let created = world.createCustomer(
      name: try request.string("name", errorKey: "invalid_customer"),
      email: try request.string("email", errorKey: "invalid_customer"), sourceID: sourceID, metadata: metadata,
      channel: .api)
    return APIAnswer(body: .object(created.value.fullJSON), events: created.events)
  }

  /// `GET /v1/campaigns/{campaignId}`: by id or name.
  static func getCampaign(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    APIAnswer(body: .object(try campaign(request.parameter("campaignId"), in: world).fullJSON))
  }

  /// `GET /v1/campaigns[?campaign_type=…&limit=…&page=…]`: the campaigns that are not deleted, oldest first.
  static func listCampaigns(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let type = request.query["campaign_type"]
    let limit = try pageParameter(request, "limit", default: 10, range: 1...100)
    let page = try pageParameter(request, "page", default: 1, range: 1...10_000)
    let matching = world.campaigns.filter { !$0.deleted && (type == nil || $0.campaignType.rawValue == type) }
    let slice = matching.dropFirst((page - 1) * limit).prefix(limit)
    let body: JSON = [
      "object": "list", "data_ref": "campaigns", "campaigns": .array(slice.map { .object($0.fullJSON) }),
      "total": .int(matching.count),
    ]
    return APIAnswer(body: body)
  }

  /// An integer query parameter within `range`, or Voucherify's 400 naming it.
  private static func pageParameter(_ request: APIRequest, _ name: String, default value: Int, range: ClosedRange<Int>)
    throws(APIError) -> Int
  {
    guard let text = request.query[name] else { return value }
    guard let number = Int(text), range.contains(number) else {
      throw APIError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`\(name)` must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
    }
    return number
  }

  /// `POST /v1/events`: tracks a custom event for `customer` (by id or `source_id`); emits `customer.custom_event`.
  static func trackCustomEvent(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    guard let name = try request.string("event", errorKey: "invalid_payload"), !name.isEmpty else {
      throw APIError(status: 400, key: "invalid_payload", message: "Invalid payload", details: "`event` is required")
    }
    guard let reference = try request.object("customer", errorKey: "invalid_customer") else {
      throw APIError(
        status: 400, key: "missing_customer", message: "Missing customer", details: "`customer` is required")
    }
    let key = reference["id"]?.stringValue ?? reference["source_id"]?.stringValue ?? ""
    let customerID = try customer(key, in: world).id
    let metadata = try request.object("metadata", errorKey: "invalid_payload") ?? [:]
    let tracked = try apply { () throws(WorldOperationError) in
      try world.trackCustomEvent(customerID: customerID, name: name, metadata: metadata, channel: .api)
    }
    let body: JSON = [
      "object": "event", "type": .string(name),
      "customer": .object(try apply { () throws(WorldOperationError) in try world.customer(customerID) }.simpleJSON),
      "referral": .null, "loyalty": .null, "metadata": .object(tracked.value.metadata),
    ]
    return APIAnswer(body: body, events: tracked.events)
  }

  /// `POST /v1/publications` and `GET /v1/publications/create`: publishes a free code of `campaign` (by name or
  /// id) to `customer` (by id or `source_id`; an unknown `source_id` creates the customer, as Voucherify does).
  /// Emits `voucher.published`, `publication.succeeded`, `customer.publication.succeeded` (and `customer.created`).
  static func createPublication(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let fields = PublicationFields(request)
    guard fields.voucher == nil else {
      throw APIError(
        status: 400, key: "invalid_publish_params", message: "Invalid publish params",
        details: "publishing a given `voucher` code is not simulated yet: name a `campaign`")
    }
    guard let campaignKey = fields.campaign else {
      throw APIError(
        status: 400, key: "invalid_publish_params", message: "Invalid publish params",
        details: "`campaign` (a name or id) is required")
    }
    guard let customerKey = fields.customer else {
      throw APIError(
        status: 400, key: "missing_customer", message: "Missing customer", details: "`customer` is required")
    }
    let (customerID, events) = upsertCustomer(customerKey, in: &world)
    let campaignID = try campaign(campaignKey, in: world).id
    let published = try apply { () throws(WorldOperationError) in
      try world.publish(campaignID: campaignID, customerID: customerID, channel: .api)
    }
    let publication = published.value
    let body = try apply { () throws(WorldOperationError) in
      publication.json(
        customer: try world.customer(customerID).fullJSON,
        voucher: try world.voucher(publication.voucherIDs.first ?? "").fullJSON)
    }
    return APIAnswer(body: .object(body), events: events + published.events)
  }

  /// The campaign whose id or name is `key`, or Voucherify's 404.
  static func campaign(_ key: String, in world: World) throws(APIError) -> Campaign {
    if let c = try? world.campaign(key) { return c }
    if let c = world.campaigns.first(where: { $0.name == key && !$0.deleted }) { return c }
    throw APIError.notFound("campaign", id: key)
  }

  /// The voucher whose code or id is `key`, or Voucherify's 404.
  static func voucher(_ key: String, in world: World) throws(APIError) -> Voucher {
    if let v = try? world.voucher(code: key) { return v }
    if let v = try? world.voucher(key) { return v }
    throw APIError.notFound("voucher", id: key)
  }

  /// The customer whose id or `source_id` is `key`, or Voucherify's 404.
  static func customer(_ key: String, in world: World) throws(APIError) -> Customer {
    if let c = try? world.customer(key) { return c }
    if let c = try? world.customer(sourceID: key) { return c }
    throw APIError.notFound("customer", id: key)
  }

  /// The customer a request body's `customer` names, by `id` or `source_id`.
  static func customerKey(_ request: APIRequest) -> String? {
    request.body["customer"]?["id"]?.stringValue ?? request.body["customer"]?["source_id"]?.stringValue
  }

  /// The customer `key` names (id or `source_id`), or a new one with `key` as its `source_id`, as Voucherify
  /// upserts the customer a publication, redemption or order names; the creation's events when one was made.
  static func upsertCustomer(_ key: String?, in world: inout World) -> (id: String, events: [WorldEvent]) {
    if let key, let known = try? customer(key, in: world) { return (known.id, []) }
    let created = world.createCustomer(sourceID: key, channel: .api)
    return (created.value.id, created.events)
  }

  /// Runs a world operation, turning its error into Voucherify's: unknown objects 404, rules 400.
  static func apply<T>(_ operation: () throws(WorldOperationError) -> T) throws(APIError) -> T {
    do { return try operation() } catch {
      switch error {
      case .notFound(let kind, let id): throw APIError.notFound(kind, id: id)
      case .invalid(let why):
        throw APIError(status: 400, key: "invalid_payload", message: "Invalid payload", details: why)
      }
    }
  }
}

/// What an endpoint answers: the response body (and status, when not the operation's usual one), and the events the
/// call emitted, which become webhooks.
struct APIAnswer: Sendable {
  /// The body.
  var body: JSON
  /// The status; `nil` for the operation's success status.
  var status: Int?
  /// An error to answer instead of `body` although the call changed the world (a failed redemption is stored and
  /// emits `redemption.failed`, and the client gets a 400).
  var error: APIError?
  /// Events emitted by the call, in order.
  var events: [WorldEvent] = []

  init(body: JSON, status: Int? = nil, events: [WorldEvent] = [], error: APIError? = nil) {
    self.body = body
    self.status = status
    self.events = events
    self.error = error
  }
}

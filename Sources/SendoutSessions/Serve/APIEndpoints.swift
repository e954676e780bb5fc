import SendoutCore

/// The operations `sendout serve` simulates, by `operationId`, and the lookups they share: each reads the request, applies the same world
/// operation a scenario step would, and answers with the spec's response body. Every other operation of the
/// spec answers 501. The world is the mock's whole state; an endpoint's events become webhooks.
enum APIEndpoints {
  /// An endpoint: the request, the world it may change, and the channel events are attributed to.
  typealias Handler = @Sendable (APIRequest, inout World) throws(APIError) -> APIAnswer

  /// The domains' tables; an `operationId` is in one of them only (a test checks).
  static let tables: [[String: Handler]] = [
    APIVouchers.endpoints, APICustomers.endpoints, APICampaigns.endpoints, APIEvents.endpoints,
    APIPublications.endpoints, APIRedemptions.endpoints, APIOrders.endpoints, APILoyalties.endpoints,
    APIVoucherWrites.endpoints, APICampaignWrites.endpoints, APIRecords.endpoints, APIPromotionTiers.endpoints,
    APISegments.endpoints, APIValidationRules.endpoints, APIReferrals.endpoints,
    APIValidations.endpoints, APIClientSide.endpoints, APILoyaltyMembers.endpoints, APILoyaltyProgram.endpoints,
    APIStackRollbacks.endpoints, APIEarningRules.endpoints, APIPendingPoints.endpoints, APIRewardAssignments.endpoints,
    APIPromotionStacks.endpoints, APILoyaltyTiers.endpoints,
  ]

  /// Every simulated operation: the union of the tables.
  static let all: [String: Handler] = tables.reduce(into: [:]) { all, table in all.merge(table) { first, _ in first } }

  /// An integer query parameter within `range`, or Voucherify's 400 naming it.
  static func pageParameter(_ request: APIRequest, _ name: String, default value: Int, range: ClosedRange<Int>)
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

  /// The campaign whose id or name is `key`, or Voucherify's 404.
  static func campaign(_ key: String, in world: World) throws(APIError) -> Campaign {
    if let c = try? world.campaign(key), !c.deleted { return c }
    if let c = world.campaign(named: key) { return c }
    throw APIError.notFound("campaign", id: key)
  }

  /// The voucher whose code or id is `key`, or Voucherify's 404.
  static func voucher(_ key: String, in world: World) throws(APIError) -> Voucher {
    if let v = try? world.voucher(code: key), !v.deleted { return v }
    if let v = try? world.voucher(key), !v.deleted { return v }
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

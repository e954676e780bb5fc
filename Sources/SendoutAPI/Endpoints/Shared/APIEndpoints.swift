import SendoutCore

/// The lookups the endpoints share, and their type: each endpoint reads the request, applies the same world operation
/// a scenario step would, and answers with the spec's response body. Every operation of the spec not in the registry
/// (APIEndpoints+Registry) answers 501. The world is the mock's whole state; an endpoint's events become webhooks.
package enum APIEndpoints {
  /// An endpoint: the request, the world it may change, and the channel events are attributed to.
  package typealias Handler = @Sendable (APIRequest, inout World) throws(VoucherifyError) -> APIAnswer

  /// The rows of `tables` in one table (a domain's resources together); an `operationId` in two is a programming
  /// error the registry test shows (the first is kept).
  static func union(_ tables: [[String: Handler]]) -> [String: Handler] {
    tables.reduce(into: [:]) { all, table in all.merge(table) { first, _ in first } }
  }

  /// An integer query parameter within `range`, or Voucherify's 400 naming it.
  package static func pageParameter(_ request: APIRequest, _ name: String, default value: Int, range: ClosedRange<Int>)
    throws(VoucherifyError) -> Int
  {
    guard let text = request.query[name] else { return value }
    guard let number = Int(text), range.contains(number) else {
      throw VoucherifyError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`\(name)` must be an integer from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
    }
    return number
  }

  /// The campaign whose id or name is `key`, or Voucherify's 404.
  package static func campaign(_ key: String, in world: World) throws(VoucherifyError) -> Campaign {
    if let c = try? world.campaign(key), !c.deleted { return c }
    if let c = world.campaign(named: key) { return c }
    throw VoucherifyError.notFound("campaign", id: key)
  }

  /// The voucher whose code or id is `key`, or Voucherify's 404.
  package static func voucher(_ key: String, in world: World) throws(VoucherifyError) -> Voucher {
    if let v = try? world.voucher(code: key), !v.deleted { return v }
    if let v = try? world.voucher(key), !v.deleted { return v }
    throw VoucherifyError.notFound("voucher", id: key)
  }

  /// The customer whose id or `source_id` is `key`, or Voucherify's 404.
  package static func customer(_ key: String, in world: World) throws(VoucherifyError) -> Customer {
    if let c = try? world.customer(key) { return c }
    if let c = try? world.customer(sourceID: key) { return c }
    throw VoucherifyError.notFound("customer", id: key)
  }

  /// The order whose id or `source_id` is `key`, or Voucherify's 404.
  package static func order(_ key: String, in world: World) throws(VoucherifyError) -> Order {
    guard let o = world.order(named: key) else { throw VoucherifyError.notFound("order", id: key) }
    return o
  }

  /// The customer a request body's `customer` names, by `id` or `source_id`.
  package static func customerKey(_ request: APIRequest) -> String? {
    request.body["customer"]?["id"]?.stringValue ?? request.body["customer"]?["source_id"]?.stringValue
      ?? request.body["customer"]?.stringValue  // the id or source_id itself (`add-member`'s examples)
  }

  /// The customer `key` names (id or `source_id`), or a new one holding only `key` as its `source_id`, as
  /// Voucherify upserts the customer a publication or loyalty member names; the creation's events when one was made.
  package static func upsertCustomer(_ key: String?, in world: inout World) -> (id: String, events: [WorldEvent]) {
    if let key, let known = try? customer(key, in: world) { return (known.id, []) }
    let created = world.createCustomer(sourceID: key, given: CustomerChanges(), channel: .api)
    return (created.value.id, created.events)
  }

  /// The customer a publication or loyalty member call names: the body's `customer` object upserted with the fields
  /// it gives (`resolveCustomer`), else `key` (a query's or a plain string's id or `source_id`) by `upsertCustomer`.
  package static func namedCustomer(_ key: String?, _ request: APIRequest, in world: inout World)
    throws(VoucherifyError) -> (id: String, events: [WorldEvent])
  {
    let resolved = try resolveCustomer(request, in: &world)
    if let id = resolved.id { return (id, resolved.events) }
    return upsertCustomer(key, in: &world)
  }

  /// The customer a body's `customer` object names, as Voucherify upserts it for an order, validation or
  /// redemption: by `id` (404 when unknown), else by `source_id` with the profile fields given (new when unknown,
  /// `customer.updated` when it changes), else a new customer of the fields given. `nil`, and nothing made, when the
  /// body names no customer: Voucherify allows orders and redemptions without one.
  package static func resolveCustomer(_ request: APIRequest, in world: inout World) throws(VoucherifyError) -> (
    id: String?, events: [WorldEvent]
  ) {
    guard let object = request.body["customer"]?.objectValue else { return (nil, []) }
    if let id = object["id"]?.stringValue { return (try customer(id, in: world).id, []) }
    let given = CustomerChanges(request, at: "customer.")
    let sourceID = object["source_id"]?.stringValue
    guard sourceID != nil || !given.isEmpty else { return (nil, []) }
    let upserted = try world.upsertCustomer(sourceID: sourceID, given: given, channel: .api)
    return (upserted.value.id, upserted.events)
  }
}

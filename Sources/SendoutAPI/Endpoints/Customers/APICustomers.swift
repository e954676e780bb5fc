import SendoutCore

/// Customers through the mock API: get, create or upsert by `source_id`, update, delete, list, and the segments
/// a customer is in. The bulk and async operations (import, bulk update, permanent deletion) stay 501.
enum APICustomers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "get-customer": getCustomer, "create-customer": createCustomer, "update-customer": updateCustomer,
    "delete-customer": deleteCustomer, "list-customers": listCustomers, "list-customer-segments": listSegments,
  ]

  /// `GET /v1/customers/{customerId}`: by id or `source_id`.
  static func getCustomer(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let customer = try APIEndpoints.customer(request.parameter("customerId"), in: world)
    return APIAnswer(deferred: { .object(customer.fullJSON) })  // built outside the world's lock
  }

  /// `POST /v1/customers`: a new customer holding exactly the fields sent (`null` for the rest), or, upserting by
  /// `source_id`, the existing one with the given fields changed (`customer.updated`; none when nothing else is
  /// sent). Emits `customer.created` for a new one.
  static func createCustomer(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let upserted = try world.upsertCustomer(
      sourceID: request.string(at: "source_id"), given: CustomerChanges(request), channel: .api)
    return APIAnswer(body: .object(upserted.value.fullJSON), events: upserted.events)
  }

  /// `PUT /v1/customers/{customerId}` (by id or `source_id`): changes the given profile fields and merges
  /// `metadata`; emits `customer.updated`.
  static func updateCustomer(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let updated = try world.editCustomer(id, CustomerChanges(request), channel: .api)
    return APIAnswer(body: .object(updated.value.fullJSON), events: updated.events)
  }

  /// `DELETE /v1/customers/{customerId}` (by id or `source_id`): 204; emits `customer.deleted`.
  static func deleteCustomer(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let deleted = try world.deleteCustomer(id, channel: .api)
    return APIAnswer(body: .null, events: deleted.events)
  }

  /// `GET /v1/customers[?email=…&city=…&name=…&segment_id=…&created_at[before|after]=…&updated_at[…]=…&order=…
  /// &starting_after=…&limit=…&page=…]`: newest first without `order` (as the `starting_after` cursor walks them);
  /// `total` counts every customer the filters match, the cursor aside.
  static func listCustomers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let q = request.query
    let created = try APIList.timeFilter(request, "created_at")
    let updated = try APIList.timeFilter(request, "updated_at")
    let members = try q["segment_id"].map { (id) throws(VoucherifyError) -> Set<String> in
      guard let segment = world.segments[id: id] else { throw VoucherifyError.notFound("segment", id: id) }
      return Set(segment.memberIDs)
    }
    let matching = world.customers.filter { c in
      (q["email"].map { $0 == c.email } ?? true) && (q["city"].map { $0 == c.address?.city } ?? true)
        && (q["name"].map { $0 == c.name } ?? true) && (members.map { $0.contains(c.id) } ?? true)
        && created(c.createdAt) && updated(c.updatedAt)
    }
    let ordered = try APIList.sorted(
      request.query["order"] == nil ? matching.reversed() : matching, request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt }, "source_id": { ($0.sourceID ?? "") < ($1.sourceID ?? "") },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
    let after = try APIList.afterTime(
      ordered, request, created: \.createdAt, updated: { $0.updatedAt ?? $0.createdAt })
    let page = try APIList.page(after, request)
    return APIAnswer(
      body: APIList.body(
        "customers", page.map { .object($0.fullJSON) }, total: ordered.count, hasMore: page.endIndex < after.count))
  }

  /// `GET /v1/customers/{customerId}/segments`: the segments the customer is in now.
  static func listSegments(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let segments = world.segments.filter { $0.memberIDs.contains(id) }
    return APIAnswer(
      body: APIList.body("data", segments.map { .object($0.simpleJSON) }, total: segments.count))
  }
}

import SendoutCore

/// Customers through the mock API: get, and create or upsert by `source_id`.
enum APICustomers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "get-customer": getCustomer, "create-customer": createCustomer,
  ]

  /// `GET /v1/customers/{customerId}`: by id or `source_id`.
  static func getCustomer(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    APIAnswer(body: .object(try APIEndpoints.customer(request.parameter("customerId"), in: world).fullJSON))
  }

  /// `POST /v1/customers`: creates a customer, or answers the existing one with the same `source_id` (upsert;
  /// changed metadata is applied and emits `customer.updated`). Emits `customer.created` for a new one.
  static func createCustomer(_ request: APIRequest, _ world: inout World) throws(APIError) -> APIAnswer {
    let sourceID = try request.string("source_id", errorKey: "invalid_customer")
    let metadata = try request.object("metadata", errorKey: "invalid_customer")
    if let sourceID, let existing = try? world.customer(sourceID: sourceID) {
      guard let metadata, !metadata.members.isEmpty else { return APIAnswer(body: .object(existing.fullJSON)) }
      let updated = try APIEndpoints.apply { () throws(WorldOperationError) in
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
}

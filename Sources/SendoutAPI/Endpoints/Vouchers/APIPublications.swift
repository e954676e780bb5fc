import SendoutCore

/// Publications through the mock API: `POST /v1/publications` and `GET /v1/publications/create`.
enum APIPublications {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-publication": createPublication, "create-publication-1": createPublication,
  ]

  /// `POST /v1/publications` and `GET /v1/publications/create`: publishes a free code of `campaign` (by name or
  /// id) to `customer` (by id or `source_id`; an unknown `source_id` creates the customer with the fields given, a
  /// known one is updated with them, as Voucherify does).
  /// Emits `voucher.published`, `publication.succeeded`, `customer.publication.succeeded` (and `customer.created`).
  static func createPublication(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let fields = PublicationFields(request)
    guard fields.voucher == nil else {
      throw VoucherifyError.notSimulated(
        "publishing a given `voucher` code is not simulated by sendout serve: name a `campaign` only")
    }
    guard let campaignKey = fields.campaign else {
      throw VoucherifyError(
        status: 400, key: "invalid_publish_params", message: "Invalid publish params",
        details: "`campaign` (a name or id) is required")
    }
    guard let customerKey = fields.customer else {
      throw VoucherifyError(
        status: 400, key: "missing_customer", message: "Missing customer", details: "`customer` is required")
    }
    let (customerID, events) = try APIEndpoints.namedCustomer(customerKey, request, in: &world)
    let campaignID = try APIEndpoints.campaign(campaignKey, in: world).id
    let published = try world.publish(campaignID: campaignID, customerID: customerID, channel: .api)
    let publication = published.value
    let body = publication.json(
      customer: try world.customer(customerID).fullJSON,
      voucher: try world.voucher(publication.voucherIDs.first ?? "").fullJSON)
    return APIAnswer(body: .object(body), events: events + published.events)
  }
}

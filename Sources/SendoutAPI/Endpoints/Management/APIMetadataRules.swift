import SendoutCore

/// The writes whose `metadata` the project's metadata schemas check (`MetadataCheck`) before the endpoint runs: the
/// resource type whose schema applies, and whether the call creates the resource (a definition not marked optional
/// must then be given). A call the check refuses is Voucherify's 400 naming the key, and changes nothing.
enum APIMetadataRules {
  /// The resource type each checked operation writes, and whether it creates.
  static let writes: [String: (resource: String, creates: Bool)] = [
    "create-customer": ("customer", true), "update-customer": ("customer", false),
    "create-order": ("order", true), "update-order": ("order", false),
    "create-product": ("product", true), "update-product": ("product", false),
    "create-campaign": ("campaign", true), "update-campaign": ("campaign", false),
    "create-voucher": ("voucher", true), "generate-random-code": ("voucher", true),
    "update-voucher": ("voucher", false),
  ]

  /// Voucherify's 400 when the request's `metadata` breaks its resource's schema; nothing without a schema.
  static func check(_ request: APIRequest, _ world: World) throws(VoucherifyError) {
    guard let write = writes[request.operation.operationID],
      let schema = world.metadataSchema(for: write.resource)
    else { return }
    // `POST /v1/customers` upserts: naming an existing customer's `source_id` updates it.
    let upsert =
      write.resource == "customer"
      && request.string(at: "source_id").map { (try? world.customer(sourceID: $0)) != nil } == true
    try MetadataCheck.check(
      request.object(at: "metadata") ?? [:], against: schema.properties, at: "metadata",
      creating: write.creates && !upsert)
  }
}

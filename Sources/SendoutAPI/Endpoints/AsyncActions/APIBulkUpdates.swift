import SendoutCore

/// The JSON bulk updates and imports: each becomes an async action (202, `async_action_id`) whose rows are calls
/// of the single-object operation (`AsyncActionRow`), applied when it falls due. The body's shape is checked now
/// (the spec's bulk schema, a 400 naming the field); what only the single call can tell (a code that does not
/// exist, a row the single operation refuses) is reported per row in the action's `result`.
///
/// - Customers and products are upserted by `source_id` (`POST /v1/customers`, `/v1/products`), as Voucherify
///   documents for the bulk update ("If a customer object is not found, it is upserted").
/// - Metadata updates change each named customer, product or code as `PUT` does (a name not found is a failed row).
/// - `POST /v1/vouchers/bulk/async` updates metadata only (Voucherify: "Currently, only metadata updates are
///   supported"); imports create each code as `POST /v1/vouchers/{code}` (or into the campaign) does, and orders as
///   `POST /v1/orders` does.
enum APIBulkUpdates {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "update-customers-in-bulk": upsertEach(.customersBulk, "create-customer"),
    "update-products-in-bulk": upsertEach(.productsBulk, "create-product"),
    "import-orders": upsertEach(.ordersImport, "create-order"),
    "update-customers-metadata-in-bulk": metadataEach(
      .customersMetadata, "source_ids", "update-customer", "customerId"),
    "update-products-metadata-in-bulk": metadataEach(.productsMetadata, "source_ids", "update-product", "productId"),
    "update-vouchers-metadata-in-bulk": metadataEach(.vouchersMetadata, "codes", "update-voucher", "code"),
    "update-vouchers-in-bulk": vouchersBulk, "import-vouchers": importVouchers,
    "import-vouchers-to-campaign": importToCampaign,
  ]

  /// Each element of the body array as `operation`'s body, named by its `source_id`.
  private static func upsertEach(_ kind: AsyncActionKind, _ operation: String) -> APIEndpoints.Handler {
    { request, world throws(VoucherifyError) in
      let rows = try elements(request).enumerated().map { i, element in
        AsyncActionRow(operation, body: element, label: element["source_id"]?.stringValue, row: i + 1)
      }
      return APIAsyncActions.enqueue(kind, rows, request, &world)
    }
  }

  /// `{<names>: [...], metadata: {...}}`: `operation` on each name (path parameter `parameter`) with `metadata`.
  private static func metadataEach(_ kind: AsyncActionKind, _ names: String, _ operation: String, _ parameter: String)
    -> APIEndpoints.Handler
  {
    { request, world throws(VoucherifyError) in
      guard let keys = request.array(at: names), !keys.isEmpty else {
        throw .invalidPayload("at `\(names)`: expected a non-empty array of strings")
      }
      guard let metadata = request.object(at: "metadata") else {
        throw .invalidPayload("at `metadata`: expected an object of the key/value pairs to set")
      }
      let rows = keys.enumerated().map { i, key in
        let name = key.stringValue ?? ""
        return AsyncActionRow(
          operation, [parameter: name], body: ["metadata": .object(metadata)], label: name, row: i + 1)
      }
      return APIAsyncActions.enqueue(kind, rows, request, &world)
    }
  }

  /// `POST /v1/vouchers/bulk/async`: `[{code, metadata}]`, each code's metadata set as `PUT /v1/vouchers/{code}`.
  static func vouchersBulk(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let rows = try elements(request).enumerated().map { (i, element) throws(VoucherifyError) in
      guard let code = element["code"]?.stringValue, !code.isEmpty else {
        throw .invalidPayload("at `\(i).code`: every update names its voucher's code")
      }
      return AsyncActionRow(
        "update-voucher", ["code": code], body: ["metadata": element["metadata"] ?? .null], label: code, row: i + 1)
    }
    return APIAsyncActions.enqueue(.vouchersBulk, rows, request, &world)
  }

  /// `POST /v1/vouchers/import`: each voucher as `POST /v1/vouchers/{code}` (the mock needs its `campaign`).
  static func importVouchers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let rows = try codedRows(request, operation: "create-voucher", [:])
    return APIAsyncActions.enqueue(.vouchersImport, rows, request, &world)
  }

  /// `POST /v1/campaigns/{campaignId}/import`: each voucher as `POST /v1/campaigns/{campaignId}/vouchers/{code}`.
  static func importToCampaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    let rows = try codedRows(
      request, operation: "add-voucher-with-specific-code-to-campaign", ["campaignId": campaign.id])
    return APIAsyncActions.enqueue(.campaignImport, rows, request, &world)
  }

  /// Each element as `operation` on its `code` (required, a 400 naming the element without one): the row keeps what
  /// that operation keeps (`category`, `additional_info`, `discount`, `gift.amount`…) and fails as it refuses.
  private static func codedRows(_ request: APIRequest, operation: String, _ parameters: [String: String])
    throws(VoucherifyError) -> [AsyncActionRow]
  {
    try elements(request).enumerated().map { (i, element) throws(VoucherifyError) in
      guard let code = element["code"]?.stringValue, !code.isEmpty else {
        throw .invalidPayload("at `\(i).code`: every voucher imported names its code")
      }
      return AsyncActionRow(
        operation, parameters.merging(["code": code]) { _, new in new }, body: element, label: code, row: i + 1)
    }
  }

  /// The body's elements (the request check made it an array of objects); an empty one is a 400.
  private static func elements(_ request: APIRequest) throws(VoucherifyError) -> [JSON] {
    guard let elements = request.body.arrayValue, !elements.isEmpty else {
      throw .invalidPayload("the body must be a non-empty array")
    }
    return elements
  }
}

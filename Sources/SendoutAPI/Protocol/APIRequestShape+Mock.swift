import SendoutCore

/// Where the mock answers otherwise than the bare spec: the resource keys it refuses bodies with, and the query
/// parameters its endpoints check themselves.
extension APIRequestShape {
  /// The key a body of the wrong shape is refused with, by `operationId`, where the mock answered its resource's
  /// own key before the check was generated (`invalid_customer` for a customer's fields, …); every other
  /// operation answers `invalid_payload`.
  static let bodyKeys: [String: String] = [
    "create-campaign": "invalid_campaign_params", "update-campaign": "invalid_campaign_params",
    "add-vouchers-to-campaign": "invalid_voucher", "add-voucher-with-specific-code-to-campaign": "invalid_voucher",
    "generate-random-code": "invalid_voucher", "create-voucher": "invalid_voucher", "update-voucher": "invalid_voucher",
    "create-order": "invalid_order", "update-order": "invalid_order",
    "create-customer": "invalid_customer", "update-customer": "invalid_customer",
    "referrals-add-holders": "invalid_customer", "referrals-add-holders-1": "invalid_customer",
    "create-validation-rules": "invalid_validation_rules", "update-validation-rule": "invalid_validation_rules",
    "create-validation-rule-assignment": "invalid_validation_rules",
  ]

  /// Query parameters (`operationId parameter`) whose spec enum is narrower than what the mock serves, so the
  /// endpoint's own check decides: transactions are sorted by `created_at` (the spec lists only `id`, `-id`).
  static let endpointChecksQuery: Set<String> = [
    "list-voucher-transactions order", "list-campaign-transactions order",
  ]

  /// Operations whose endpoint checks the whole body itself, naming the member it refuses and what it accepts: the
  /// exports, whose spec enums of `parameters.fields` leave out the `metadata.X` columns Voucherify documents (and
  /// the spec's own `create-order-export` example sends), and whose `oneOf` body could only be refused as "an array
  /// or an array or …".
  static let endpointChecksBody: Set<String> = [
    "create-export", "create-order-export", "export-voucher-transactions", "export-campaign-transactions",
    "export-loyalty-campaign-transactions", "export-loyalty-card-transactions", "export-loyalty-card-transactions-1",
    "create-points-expiration-export",
  ]

  /// Body fields (by `operationId`) that the spec's own request examples send as a string where its schema has an
  /// object, and that Voucherify takes in both forms: `POST /v1/publications` "Example 3" names its campaign by
  /// name, and every `add-member` example names the customer by id or `source_id` (docs/serve-fidelity.md).
  static let stringForms: [String: [String]] = ["create-publication": ["campaign"], "add-member": ["customer"]]

  /// Checks a call to `operationID` against its operation's shape (an operation the spec gives none passes).
  package static func check(
    _ operationID: String, body: JSON, query: [String: String]
  ) throws(VoucherifyError) {
    guard var shape = spec.operations[operationID] else { return }
    if endpointChecksBody.contains(operationID) { shape.body = nil }
    for name in shape.query.keys where endpointChecksQuery.contains("\(operationID) \(name)") {
      shape.query[name] = nil
    }
    if let names = stringForms[operationID], case .named(let schema)? = shape.body,
      case .object(var fields, let required)? = spec.schemas[schema]
    {
      for name in names { fields[name] = .anyOf([.string(allowed: []), fields[name] ?? .any]) }
      shape.body = .object(fields: fields, required: required)
    }
    try shape.check(
      body: body, query: query, bodyKey: bodyKeys[operationID] ?? VoucherifyError.invalidPayloadKey)
  }
}

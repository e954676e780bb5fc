import SendoutCore

/// What each type of async action reports when done, as Voucherify's examples of `GET /v1/async-actions/{id}` show
/// it: a bulk or metadata update counts `done_count`/`failed_count` and lists `errors` (`{message, details, key}`
/// and the row's `source_id` or `code`), with `operation_status`; an import says `"2 customer(s) imported
/// successfully, 1 failed."` and lists `failed` (`{source_id or code, row (a CSV's), reason}`).
struct AsyncActionKind: Sendable {
  /// `CUSTOMERS.BULK_UPDATE`, …
  var type: String
  /// What an import counts (`customer`), `nil` for an update.
  var noun: String?
  /// The key naming a row in the result (`source_id`, `code`), `nil` when none does.
  var label: String?
  /// Whether a failed row gives its CSV row number.
  var numbered = false

  static let customersBulk = Self(type: "CUSTOMERS.BULK_UPDATE", label: "source_id")
  static let customersMetadata = Self(type: "CUSTOMERS.METADATA_UPDATE", label: "source_id")
  static let productsBulk = Self(type: "PRODUCTS.BULK_UPDATE", label: "source_id")
  static let productsMetadata = Self(type: "PRODUCTS.METADATA_UPDATE", label: "source_id")
  static let vouchersBulk = Self(type: "VOUCHERS.BULK_UPDATE", label: "code")
  static let vouchersMetadata = Self(type: "VOUCHERS.METADATA_UPDATE", label: "code")
  static let vouchersImport = Self(type: "VOUCHERS.IMPORT", noun: "voucher", label: "code")
  static let campaignImport = Self(type: "CAMPAIGN.VOUCHERS_IMPORT", noun: "voucher", label: "code")
  static let ordersImport = Self(type: "ORDERS.IMPORT", noun: "order", label: "source_id")
  static let customersCSV = Self(type: "CUSTOMERS.IMPORT_CSV", noun: "customer", label: "source_id", numbered: true)
  static let productsCSV = Self(type: "PRODUCTS.IMPORT_CSV", noun: "product", label: "source_id", numbered: true)
  static let skusCSV = Self(type: "SKUS.IMPORT_CSV", noun: "sku", label: nil, numbered: true)
  static let vouchersCSV = Self(type: "VOUCHERS.IMPORT_CSV", noun: "voucher", label: "code", numbered: true)
  static let campaignCSV = Self(type: "CAMPAIGN.VOUCHERS_IMPORT_CSV", noun: "voucher", label: "code", numbered: true)

  /// Every kind, by type.
  static let all: [String: Self] = Dictionary(
    [
      customersBulk, customersMetadata, productsBulk, productsMetadata, vouchersBulk, vouchersMetadata,
      vouchersImport, campaignImport, ordersImport, customersCSV, productsCSV, skusCSV, vouchersCSV, campaignCSV,
    ].map { ($0.type, $0) }
  ) { first, _ in first }

  /// Whether it is a bulk or metadata update (which reports `operation_status`).
  var isUpdate: Bool { noun == nil }

  /// The result of a run in which `done` rows applied and `failures` did not.
  func result(done: Int, failures: [(AsyncActionRow, VoucherifyError)]) -> JSON {
    if isUpdate {
      let errors = failures.map { row, error -> JSON in
        var o: JSONObject = [
          "message": .string(error.message), "details": .string(error.details ?? error.message),
          "key": .string(error.key),
        ]
        if let label { o[label] = .string(row.label ?? "") }
        return .object(o)
      }
      return [
        "done_count": .int(done), "failed_count": .int(failures.count), "reports": [], "errors": .array(errors),
      ]
    }
    let failed = failures.map { row, error -> JSON in
      var o = JSONObject()
      if let label { o[label] = row.label.map(JSON.string) ?? .null }
      if numbered { o["row"] = .int(row.row) }
      o["reason"] = .string(error.details ?? error.message)
      return .object(o)
    }
    return [
      "message": .string("\(done) \(noun ?? "")(s) imported successfully, \(failures.count) failed."),
      "failed": .array(failed), "done_count": .int(done), "failed_count": .int(failures.count),
    ]
  }
}

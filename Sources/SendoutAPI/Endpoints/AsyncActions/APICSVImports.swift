import SendoutCore

/// The CSV imports (`multipart/form-data` with the file in the `file` part): each becomes an async action whose rows
/// are calls of the single operation (`CSVImportColumns`), applied when it falls due. The body is read before any
/// endpoint (`body(_:)`): a body that is no multipart, a file that is no CSV (named by line and column) or over
/// Voucherify's 10 MB is a 400 and changes nothing.
enum APICSVImports {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "import-customers-using-csv": importing(.customersCSV, .customers),
    "import-products-using-csv": importing(.productsCSV, .products),
    "import-SKUs-using-csv": importing(.skusCSV, .skus),
    "import-vouchers-using-csv": importing(.vouchersCSV, .vouchers),
    "import-vouchers-to-campaign-using-csv": importing(.campaignCSV, .campaignVouchers, campaign: true),
  ]

  /// The largest file Voucherify imports (10 MB, the spec's descriptions of these operations).
  static let maxFileBytes = 10_000_000

  /// The multipart body's CSV file as JSON, `{"records": [[field, …], …]}` (the header first), for the request to
  /// carry; a 400 naming what is wrong otherwise.
  static func body(_ bytes: [UInt8]) throws(VoucherifyError) -> JSON {
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw .invalidPayload("the body must be UTF-8 text (a CSV file in a multipart/form-data body)")
    }
    let parts: [MultipartReader.Part]
    do { parts = try MultipartReader.parts(bytes) } catch { throw .invalidPayload(error.reason) }
    guard let file = parts.first(where: { $0.name == "file" }) else {
      throw .invalidPayload("the multipart body has no `file` part (send the CSV as -F file=@import.csv)")
    }
    guard file.body.count <= maxFileBytes else {
      throw .invalidPayload("at `file`: the file takes \(file.body.count) bytes, at most \(maxFileBytes) are imported")
    }
    let records: [[String]]
    do { records = try CSVReader().records(file.body) } catch {
      throw .invalidPayload("at `file`: \(error.description)")
    }
    guard !records.isEmpty else { throw .invalidPayload("at `file`: the file has no header line") }
    return ["records": .array(records.map { .array($0.map(JSON.string)) })]
  }

  /// An import of `kind` whose rows `columns` map (`campaign`: into the path's campaign, which must exist).
  private static func importing(_ kind: AsyncActionKind, _ columns: CSVImportColumns, campaign: Bool = false)
    -> APIEndpoints.Handler
  {
    { request, world throws(VoucherifyError) in
      var parameters: [String: String] = [:]
      if campaign {
        parameters["campaignId"] = try APIEndpoints.campaign(request.parameter("campaignId"), in: world).id
      }
      let records = (request.body["records"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
      let header = records.first ?? []
      try columns.check(header: header)
      let rows = records.dropFirst().enumerated().map { i, fields in
        columns.row(fields, header: header, row: i + 1, parameters: parameters)
      }
      return APIAsyncActions.enqueue(kind, rows, request, &world)
    }
  }
}

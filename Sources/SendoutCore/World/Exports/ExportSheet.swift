/// One kind of exported object (`exported_object`): the fields the spec lists for it, the defaults Voucherify
/// documents (create-export, "Defaults"), the `order` values with the field each sorts by, and the world's rows, one
/// object per row keyed by field (plus hidden keys some `order` values sort by), read by `ExportCell`.
struct ExportSheet: Sendable {
  /// `exported_object`.
  let object: String
  /// The fields the spec lists, in its order.
  let fields: [String]
  /// The fields of an export that names none.
  let defaults: [String]
  /// The `order` values (without `-`), each with the row key it sorts by.
  let orderKeys: [String: String]
  /// The rows of the world, in creation order.
  let rows: @Sendable (World) -> [JSONObject]

  /// The sheet of `object`, or `nil` when Voucherify exports no such object.
  static func named(_ object: String) -> ExportSheet? { all.first { $0.object == object } }

  /// Every exported object, as the spec lists them.
  static let all: [ExportSheet] = [voucher, redemption, customer, publication, order, pointsExpiration, transactions]

  /// The query `parameters` describe for this sheet, `scope` always holding (a 400 names what it refuses).
  func query(_ parameters: JSONObject, scope: [ExportFilter.Condition]) throws(VoucherifyError) -> ExportQuery {
    try ExportQuery(parameters, object: object, fields: fields, defaults: defaults, orderKeys: orderKeys, scope: scope)
  }

  /// The CSV of `query` over the world as it is now: the header, then the rows the filter admits, in its order.
  func csv(_ query: ExportQuery, _ world: World) -> String {
    var picked = rows(world).filter { row in query.filter.admits { ExportCell.read(row, $0) } }
    if let (key, descending) = query.order {
      // Stable: rows with equal keys keep their creation order.
      picked = picked.enumerated().sorted { a, b in
        let (x, y) = (ExportCell.read(a.element, key), ExportCell.read(b.element, key))
        return x == y ? a.offset < b.offset : (x < y) != descending
      }.map(\.element)
    }
    let cells = picked.map { row in query.fields.map { ExportCell.read(row, $0) } }
    return CSVWriter.file(header: query.fields, rows: cells)
  }
}

/// One kind of exported object (`exported_object`): the fields the spec lists for it, the defaults Voucherify
/// documents (create-export, "Defaults"), the `order` values with the field each sorts by, and the world's rows, one
/// object per row keyed by field (plus hidden keys some `order` values sort by). A cell is the row's value as text;
/// `metadata.X` reads one metadata key.
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

  /// The text of a cell: a string as it is, a number or boolean as JSON writes it, `null` or missing empty, an
  /// object or array as compact JSON.
  static func text(_ value: JSON?) -> String {
    switch value {
    case nil, .null?: return ""
    case .string(let s)?: return s
    case let value?: return jsonText(value)
    }
  }

  /// `value` as compact JSON text.
  static func jsonText(_ value: JSON) -> String { String(decoding: value.compactBytes, as: UTF8.self) }

  /// The cell `field` of `row` (`metadata.X`: the metadata key `X`).
  static func cell(_ row: JSONObject, _ field: String) -> String {
    if let value = row[field] { return text(value) }
    guard field.hasPrefix("metadata.") else { return "" }
    return text(row["metadata"]?[String(field.dropFirst(9))])
  }

  /// The CSV of `query` over the world as it is now: the header, then the rows the filter admits, in its order.
  func csv(_ query: ExportQuery, _ world: World) -> String {
    var picked = rows(world).filter { row in query.filter.admits { Self.cell(row, $0) } }
    if let (key, descending) = query.order {
      // Stable: rows with equal keys keep their creation order.
      picked = picked.enumerated().sorted { a, b in
        let (x, y) = (Self.cell(a.element, key), Self.cell(b.element, key))
        return x == y ? a.offset < b.offset : (x < y) != descending
      }.map(\.element)
    }
    return CSVWriter.file(header: query.fields, rows: picked.map { row in query.fields.map { Self.cell(row, $0) } })
  }
}

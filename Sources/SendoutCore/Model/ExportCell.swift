/// A cell of an export's CSV, read from a row (one object per row, keyed by field): a string as it is, a number or
/// boolean as JSON writes it, `null` or missing empty, an object or array as compact JSON; `metadata.X` reads one
/// metadata key.
enum ExportCell {
  /// The cell `field` of `row`.
  static func read(_ row: JSONObject, _ field: String) -> String {
    if let value = row[field] { return text(value) }
    guard isMetadataKey(field) else { return "" }
    return text(row["metadata"]?[String(field.dropFirst(9))])
  }

  /// The text of a value.
  static func text(_ value: JSON?) -> String {
    switch value {
    case nil, .null?: return ""
    case .string(let s)?: return s
    case let value?: return json(value)
    }
  }

  /// `value` as compact JSON text.
  static func json(_ value: JSON) -> String { String(decoding: value.compactBytes, as: UTF8.self) }

  /// Whether `field` names one metadata key (`metadata.X`).
  static func isMetadataKey(_ field: String) -> Bool { field.hasPrefix("metadata.") && field.count > 9 }
}

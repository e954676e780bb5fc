/// What an export asks for, checked against its sheet: the columns (`parameters.fields`, the documented defaults when
/// none are given; `metadata.X` allowed), the `order` (a row key and whether it descends) and the filter. Every 400
/// names the member of `parameters` it refuses and says what is accepted.
struct ExportQuery: Sendable, Equatable {
  /// The CSV's columns, its header.
  var fields: [String]
  /// The row key the rows sort by and whether descending; `nil`: creation order.
  var order: (key: String, descending: Bool)?
  /// The rows kept.
  var filter: ExportFilter

  /// The query `parameters` describes for `sheet`, `scope` always holding.
  init(_ parameters: JSONObject, sheet: ExportSheet, scope: [ExportFilter.Condition]) throws(VoucherifyError) {
    fields = sheet.defaults
    if let given = parameters["fields"], given != .null {
      guard let items = given.arrayValue else {
        throw .invalidPayload("`parameters.fields` must be an array of strings, found \(given.typeName)")
      }
      var named: [String] = []
      for item in items {
        guard let field = item.stringValue, sheet.fields.contains(field) || Self.isMetadataKey(field) else {
          throw .invalidPayload(
            "`parameters.fields`: \(ExportSheet.jsonText(item)) is no field of the \(sheet.object) export; one of "
              + sheet.fields.joined(separator: ", ") + " or metadata.X")
        }
        named.append(field)
      }
      if !named.isEmpty { fields = named }
    }
    if let given = parameters["order"], given != .null, given != "" {
      let text = given.stringValue ?? ""
      let name = text.hasPrefix("-") ? String(text.dropFirst()) : text
      guard let key = sheet.orderKeys[name] else {
        let allowed = sheet.orderKeys.keys.sorted().flatMap { [$0, "-" + $0] }
        throw .invalidPayload(
          "`parameters.order` must be one of \(allowed.joined(separator: ", ")), got \(ExportSheet.jsonText(given))")
      }
      order = (key, text.hasPrefix("-"))
    }
    filter = try ExportFilter(parameters["filters"], fields: sheet.fields, scope: scope)
  }

  /// Whether `field` names one metadata key (`metadata.X`).
  static func isMetadataKey(_ field: String) -> Bool { field.hasPrefix("metadata.") && field.count > 9 }

  static func == (a: ExportQuery, b: ExportQuery) -> Bool {
    a.fields == b.fields && a.order?.key == b.order?.key && a.order?.descending == b.order?.descending
      && a.filter == b.filter
  }
}

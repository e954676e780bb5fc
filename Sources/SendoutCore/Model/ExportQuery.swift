/// What an export asks for, checked against its object's spec: the columns (`parameters.fields`, the documented
/// defaults when none are given; `metadata.X` allowed), the `order` (a row key and whether it descends) and the
/// filter. Every 400 names the member of `parameters` it refuses and says what is accepted.
struct ExportQuery: Sendable, Equatable {
  /// The CSV's columns, its header.
  var fields: [String]
  /// The row key the rows sort by and whether descending; `nil`: creation order.
  var order: (key: String, descending: Bool)?
  /// The rows kept.
  var filter: ExportFilter

  /// The query `parameters` describes for an export of `object`, whose spec `fields`, `defaults` and `order` values
  /// (`orderKeys`: each with the row key it sorts by) are given, `scope` always holding.
  init(
    _ parameters: JSONObject, object: String, fields allowed: [String], defaults: [String], orderKeys: [String: String],
    scope: [ExportFilter.Condition]
  ) throws(VoucherifyError) {
    fields = defaults
    if let given = parameters["fields"], given != .null {
      guard let items = given.arrayValue else {
        throw .invalidPayload("`parameters.fields` must be an array of strings, found \(given.typeName)")
      }
      var named: [String] = []
      for item in items {
        guard let field = item.stringValue, allowed.contains(field) || ExportCell.isMetadataKey(field) else {
          throw .invalidPayload(
            "`parameters.fields`: \(ExportCell.json(item)) is no field of the \(object) export; one of "
              + allowed.joined(separator: ", ") + " or metadata.X")
        }
        named.append(field)
      }
      if !named.isEmpty { fields = named }
    }
    if let given = parameters["order"], given != .null, given != "" {
      let text = given.stringValue ?? ""
      let name = text.hasPrefix("-") ? String(text.dropFirst()) : text
      guard let key = orderKeys[name] else {
        let allowed = orderKeys.keys.sorted().flatMap { [$0, "-" + $0] }
        throw .invalidPayload(
          "`parameters.order` must be one of \(allowed.joined(separator: ", ")), got \(ExportCell.json(given))")
      }
      order = (key, text.hasPrefix("-"))
    }
    filter = try ExportFilter(parameters["filters"], fields: allowed, scope: scope)
  }

  static func == (a: ExportQuery, b: ExportQuery) -> Bool {
    a.fields == b.fields && a.order?.key == b.order?.key && a.order?.descending == b.order?.descending
      && a.filter == b.filter
  }
}

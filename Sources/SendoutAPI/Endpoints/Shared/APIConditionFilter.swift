import SendoutCore

/// The `filters` query of a list (deepObject): `filters[<field>][conditions][<$op>]=<value>` (several values of
/// `$in`/`$not_in` comma-separated or as `[$in][0]`, `[$in][1]`…), joined by `filters[junction]` (`and`, the default,
/// or `or`). String conditions: `$is`, `$is_not`, `$in`, `$not_in`, `$starts_with`, `$ends_with`, `$contains`,
/// `$not_contain`, `$has_value`, `$is_unknown`; time conditions: `$after`, `$before` (ISO 8601).
struct APIConditionFilter {
  /// One condition on one field.
  struct Condition {
    let field: String
    let op: String
    let values: [String]
  }

  /// The conditions, in query order.
  let conditions: [Condition]
  /// Whether every condition must hold (`and`) or one (`or`).
  let all: Bool

  /// The query's filters on `fields` (a field outside them, or an unknown operator, is a 400 naming the parameter).
  init(_ request: APIRequest, fields: Set<String>) throws(VoucherifyError) {
    var found: [String: Condition] = [:]
    for (key, value) in request.query.sorted(by: { $0.key < $1.key }) where key.hasPrefix("filters[") {
      if key == "filters[junction]" { continue }
      let parts = key.dropFirst("filters".count).split(separator: "]").map { String($0.dropFirst()) }
      guard parts.count >= 3, fields.contains(parts[0]), parts[1] == "conditions", Self.operators.contains(parts[2])
      else {
        throw Self.invalid(
          "`\(key)` must be filters[<field>][conditions][<$operator>] with a field of \(fields.sorted()) and an "
            + "operator of \(Self.operators.sorted())")
      }
      let name = parts[0] + " " + parts[2]
      let values = parts.count > 3 ? [value] : value.split(separator: ",").map(String.init)
      found[name] = Condition(field: parts[0], op: parts[2], values: (found[name]?.values ?? []) + values)
    }
    conditions = found.keys.sorted().compactMap { found[$0] }
    let junction = request.query["filters[junction]"]?.lowercased() ?? "and"
    guard junction == "and" || junction == "or" else {
      throw Self.invalid("`filters[junction]` must be and or or, got '\(junction)'")
    }
    all = junction == "and"
  }

  /// Whether an item whose fields read `value` passes the filters.
  func matches(_ value: (String) -> String?) -> Bool {
    if conditions.isEmpty { return true }
    let results = conditions.map { Self.holds($0, value($0.field)) }
    return all ? results.allSatisfy { $0 } : results.contains(true)
  }

  private static let operators: Set<String> = [
    "$is", "$is_not", "$in", "$not_in", "$starts_with", "$ends_with", "$contains", "$not_contain", "$has_value",
    "$is_unknown", "$after", "$before",
  ]

  /// Whether `condition` holds for `value` (`nil`: the field has none).
  private static func holds(_ condition: Condition, _ value: String?) -> Bool {
    let first = condition.values.first ?? ""
    switch condition.op {
    case "$has_value": return value != nil
    case "$is_unknown": return value == nil
    case "$is_not": return value != first
    case "$not_in": return !condition.values.contains(value ?? "")
    case "$not_contain": return !(value ?? "").contains(first)
    default: break
    }
    guard let value else { return false }
    switch condition.op {
    case "$is": return value == first
    case "$in": return condition.values.contains(value)
    case "$starts_with": return value.hasPrefix(first)
    case "$ends_with": return value.hasSuffix(first)
    case "$contains": return value.contains(first)
    case "$after", "$before":
      guard let time = Timestamp(iso8601: value), let bound = Timestamp(iso8601: first) else { return false }
      return condition.op == "$after" ? time > bound : time < bound
    default: return false
    }
  }

  /// Voucherify's 400 for a bad query parameter.
  private static func invalid(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_query_params", message: "Invalid query params", details: details)
  }
}

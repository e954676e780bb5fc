import SendoutCore

/// The `filters` query of the transaction lists, as Voucherify's list filters take it:
/// `filters[<field>][conditions][<condition>]=<value>` with `filters[junction]=and|or` (`and` by default). String
/// fields take `$is`, `$is_not`, `$in` and `$not_in` (`[$in][0]=…&[$in][1]=…`); `created_at` takes `$after` and
/// `$before` (ISO 8601). Another field is a 400 listing those allowed; another condition answers 501.
struct APITransactionFilter {
  private var conditions: [(VoucherTransaction) -> Bool] = []
  private var any = false

  /// The filter of `request`'s query over `fields` (of `id`, `voucher_id`, `created_at`).
  init(_ request: APIRequest, fields: Set<String>) throws(VoucherifyError) {
    var values: [String: [String: [String]]] = [:]  // field → condition → values
    for (key, value) in request.query.sorted(by: { $0.key < $1.key }) where key.hasPrefix("filters[") {
      let parts = key.dropFirst("filters".count).split(separator: "]").map { String($0.dropFirst()) }
      if parts == ["junction"] {
        guard value == "and" || value == "or" else { throw Self.invalid("`filters[junction]` must be and or or") }
        any = value == "or"
        continue
      }
      guard parts.count >= 3, parts[1] == "conditions", fields.contains(parts[0]) else {
        throw Self.invalid(
          "`\(key)` is not a filter of this list: filters[FIELD][conditions][CONDITION], FIELD one of "
            + fields.sorted().joined(separator: ", "))
      }
      values[parts[0], default: [:]][parts[2], default: []].append(value)
    }
    for (field, byCondition) in values.sorted(by: { $0.key < $1.key }) {
      for (condition, given) in byCondition.sorted(by: { $0.key < $1.key }) {
        conditions.append(try Self.condition(field, condition, given))
      }
    }
  }

  /// Whether `transaction` passes the filter (every transaction without one).
  func matches(_ transaction: VoucherTransaction) -> Bool {
    if conditions.isEmpty { return true }
    return any ? conditions.contains { $0(transaction) } : conditions.allSatisfy { $0(transaction) }
  }

  private static func condition(_ field: String, _ condition: String, _ given: [String]) throws(VoucherifyError)
    -> (VoucherTransaction) -> Bool
  {
    if field == "created_at" {
      guard condition == "$after" || condition == "$before" else { throw notSimulated(field, condition) }
      guard let text = given.last, let time = Timestamp(iso8601: text) else {
        throw invalid(
          "`filters[created_at][conditions][\(condition)]` must be an ISO 8601 time, got '\(given.last ?? "")'")
      }
      return condition == "$after" ? { $0.createdAt > time } : { $0.createdAt < time }
    }
    let read: (VoucherTransaction) -> String = field == "id" ? { $0.id } : { $0.voucherID }
    let set = Set(given)
    switch condition {
    case "$is", "$in": return { set.contains(read($0)) }
    case "$is_not", "$not_in": return { !set.contains(read($0)) }
    default: throw notSimulated(field, condition)
    }
  }

  private static func invalid(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_query_params", message: "Invalid query params", details: details)
  }

  private static func notSimulated(_ field: String, _ condition: String) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "the filter condition `\(condition)` on `\(field)` is not simulated by sendout serve: "
        + (field == "created_at" ? "use $after or $before" : "use $is, $is_not, $in or $not_in"))
  }
}

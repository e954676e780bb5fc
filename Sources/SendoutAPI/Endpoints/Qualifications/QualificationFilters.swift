import SendoutCore

/// `options.filters` of a check-eligibility request: conditions (`$is`, `$in`, `$is_not`, `$not_in`, `$has_value`,
/// `$is_unknown`) on the redeemables' fields, joined by `junction` (`and`, the default, or `or`).
struct QualificationFilters: Sendable {
  /// One field's conditions.
  struct Condition: Sendable {
    /// The field filtered.
    var field: String
    /// The operator (`$is`, …).
    var test: String
    /// Its values (none for `$has_value` and `$is_unknown`).
    var values: [String]

    /// Whether `value` (`nil`: the redeemable has no such field) passes.
    func admits(_ value: String?) -> Bool {
      switch test {
      case "$is", "$in": value.map(values.contains) ?? false
      case "$is_not", "$not_in": !(value.map(values.contains) ?? false)
      case "$has_value": value != nil
      default: value == nil  // $is_unknown
      }
    }
  }

  /// The fields filtered on.
  static let fields = [
    "category_id", "campaign_id", "campaign_type", "resource_id", "resource_type", "voucher_type", "code",
    "holder_role",
  ]
  /// The operators.
  static let tests = ["$is", "$is_not", "$in", "$not_in", "$has_value", "$is_unknown"]

  /// The conditions, in the order sent.
  var conditions: [Condition] = []
  /// `junction: or`: any condition is enough.
  var any = false

  /// No filter.
  init() {}

  /// Reads `filters`; an unknown field, operator or a value of the wrong type is a 400 naming it.
  init(_ filters: JSONObject) throws(VoucherifyError) {
    for member in filters.members {
      let (field, value) = (member.key, member.value)
      if field == "junction" {
        let junction = value.stringValue?.lowercased()
        guard junction == "and" || junction == "or" else { throw Self.invalid("junction", "and or or", value) }
        any = junction == "or"
        continue
      }
      guard Self.fields.contains(field) else { throw Self.invalid(field, Self.fields.joined(separator: ", "), value) }
      guard value != .null else { continue }
      guard let tests = value["conditions"]?.objectValue else {
        throw Self.invalid(field, #"{"conditions": {"$in": [...]}}"#, value)
      }
      for condition in tests.members where condition.value != .null {
        let (test, operand) = (condition.key, condition.value)
        guard Self.tests.contains(test) else {
          throw Self.invalid("\(field).conditions.\(test)", Self.tests.joined(separator: ", "), operand)
        }
        var values: [String] = []
        if test != "$has_value" && test != "$is_unknown" {
          guard let list = operand.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
            throw Self.invalid("\(field).conditions.\(test)", "an array of strings", operand)
          }
          values = list.compactMap(\.stringValue)
        }
        conditions.append(Condition(field: field, test: test, values: values))
      }
    }
  }

  /// Whether a redeemable whose fields are `fields` passes.
  func admits(_ fields: [String: String]) -> Bool {
    let passes = { (c: Condition) in c.admits(fields[c.field]) }
    return any ? conditions.contains(where: passes) : conditions.allSatisfy(passes)
  }

  /// The filter fields of `redeemable` for `customerID` in `world`: its type and id, its code (`code`), its
  /// campaign's id and type, its category, the voucher type, and how the customer holds it (`holder_role`).
  static func fields(of redeemable: StackRedeemable, customerID: String?, in world: World) -> [String: String] {
    var f = ["resource_type": redeemable.kind.rawValue]
    if let tier = redeemable.kind == .promotionTier ? world.promotionTiers[id: redeemable.id] : nil {
      f["resource_id"] = tier.id
      f["campaign_id"] = tier.campaignID
      f["campaign_type"] = CampaignType.promotion.rawValue
      f["category_id"] = tier.category.id
    } else if let v = try? world.voucher(code: redeemable.id) {
      f["resource_id"] = v.id
      f["code"] = v.code
      f["campaign_id"] = v.campaignID
      f["campaign_type"] = v.campaignType.rawValue
      f["voucher_type"] = v.type
      f["category_id"] = v.category.id
      if let customerID, v.holderID == customerID {
        f["holder_role"] = v.campaignType == .referralProgram ? "REFERRER" : "OWNER"
      }
    }
    return f
  }

  /// A 400 for filter `path`.
  private static func invalid(_ path: String, _ expected: String, _ found: JSON) -> VoucherifyError {
    VoucherifyError(
      status: 400, key: VoucherifyError.invalidPayloadKey, message: "Invalid payload",
      details: "at `options.filters.\(path)`: expected \(expected), found \(found.compactString)")
  }
}

/// An export's `parameters.filters`: conditions on the exported fields (`{"voucher_id": {"conditions": {"$in":
/// ["v_…"]}}}`) joined by `junction` (`and` unless `or`), plus the scope the path names (a card, a campaign), which
/// always holds. A condition reads the same cell the CSV shows (`metadata.X` included), so a filter selects exactly
/// the rows whose cells satisfy it. What it cannot read (another field, another operator) is a 400 naming it, never a
/// file silently unfiltered.
struct ExportFilter: Sendable, Equatable {
  /// One condition: `field` `operator` `values`.
  struct Condition: Sendable, Equatable {
    /// The field whose cell is tested.
    var field: String
    /// The operator.
    var op: Operator
    /// Its operands (one for all but `$in` and `$not_in`; none for `$has_value` and `$is_unknown`).
    var values: [String]
  }

  /// The operators simulated: Voucherify's string, date-time and number conditions.
  enum Operator: String, Sendable, CaseIterable {
    case isIn = "$in"
    case notIn = "$not_in"
    case equal = "$is"
    case notEqual = "$is_not"
    case hasValue = "$has_value"
    case isUnknown = "$is_unknown"
    case startsWith = "$starts_with"
    case endsWith = "$ends_with"
    case contains = "$contains"
    case notContain = "$not_contain"
    case after = "$after"
    case before = "$before"
    case moreThan = "$more_than"
    case moreThanEqual = "$more_than_equal"
    case lessThan = "$less_than"
    case lessThanEqual = "$less_than_equal"
  }

  /// Whether one condition suffices (`junction: or`).
  var any = false
  /// The caller's conditions.
  var conditions: [Condition] = []
  /// The path's conditions, always all required.
  var scope: [Condition] = []

  /// The filter `filters` describes, reading `fields` (and `metadata.X`); its 400 names the bad member.
  init(_ filters: JSON?, fields: [String], scope: [Condition]) throws(VoucherifyError) {
    self.scope = scope
    guard let filters, filters != .null else { return }
    guard let members = filters.objectValue else {
      throw .invalidPayload("`parameters.filters` must be an object, found \(filters.typeName)")
    }
    for member in members.members {
      let path = "parameters.filters.\(member.key)"
      if member.key == "junction" {
        guard let junction = member.value.stringValue?.lowercased(), junction == "and" || junction == "or" else {
          throw .invalidPayload("`\(path)` must be 'and' or 'or', got \(ExportCell.json(member.value))")
        }
        any = junction == "or"
        continue
      }
      guard fields.contains(member.key) || ExportCell.isMetadataKey(member.key) else {
        throw .invalidPayload(
          "`\(path)`: sendout serve filters this export by its fields (\(fields.joined(separator: ", "))) and "
            + "metadata.X only")
      }
      guard let conditions = member.value["conditions"]?.objectValue else {
        throw .invalidPayload("`\(path)` must be an object with `conditions`, got \(ExportCell.json(member.value))")
      }
      for condition in conditions.members {
        self.conditions.append(try Self.condition(member.key, condition, path: "\(path).conditions"))
      }
    }
  }

  /// Whether the row whose cells `cell` reads passes.
  func admits(_ cell: (String) -> String) -> Bool {
    guard scope.allSatisfy({ $0.holds(cell($0.field)) }) else { return false }
    guard !conditions.isEmpty else { return true }
    return any ? conditions.contains { $0.holds(cell($0.field)) } : conditions.allSatisfy { $0.holds(cell($0.field)) }
  }

  /// One condition of `field`, or the 400 naming it.
  private static func condition(_ field: String, _ member: JSONMember, path: String) throws(VoucherifyError)
    -> Condition
  {
    let at = "\(path).\(member.key)"
    guard let op = Operator(rawValue: member.key) else {
      throw .invalidPayload(
        "`\(at)`: sendout serve simulates the conditions "
          + Operator.allCases.map(\.rawValue).joined(separator: ", "))
    }
    switch op {
    case .hasValue, .isUnknown: return Condition(field: field, op: op, values: [])
    case .isIn, .notIn:
      guard let items = member.value.arrayValue, let values = Self.texts(items) else {
        throw .invalidPayload("`\(at)` must be an array of strings, got \(ExportCell.json(member.value))")
      }
      return Condition(field: field, op: op, values: values)
    case .after, .before:
      // A date-time, or an array of one (the spec's transaction export examples send `["2024-10-01T…"]`).
      let given = member.value.arrayValue.flatMap { $0.count == 1 ? $0[0] : nil } ?? member.value
      guard let text = given.stringValue, let time = Timestamp(iso8601: text) else {
        throw .invalidPayload("`\(at)` must be an ISO-8601 date-time, got \(ExportCell.json(member.value))")
      }
      return Condition(field: field, op: op, values: [time.iso8601])
    case .moreThan, .moreThanEqual, .lessThan, .lessThanEqual:
      guard let number = member.value.doubleValue else {
        throw .invalidPayload("`\(at)` must be a number, got \(ExportCell.json(member.value))")
      }
      return Condition(field: field, op: op, values: [ExportCell.text(.double(number))])
    default:
      guard let value = Self.texts([member.value])?.first else {
        throw .invalidPayload("`\(at)` must be a string, got \(ExportCell.json(member.value))")
      }
      return Condition(field: field, op: op, values: [value])
    }
  }

  /// The operands as the cells show them (strings as they are, numbers and booleans as text), or `nil`.
  private static func texts(_ items: [JSON]) -> [String]? {
    var out: [String] = []
    for item in items {
      switch item {
      case .string, .int, .double, .bool: out.append(ExportCell.text(item))
      default: return nil
      }
    }
    return out
  }
}

extension ExportFilter.Condition {
  /// Whether a cell holding `cell` satisfies the condition (an empty cell has no value).
  func holds(_ cell: String) -> Bool {
    let value = values.first ?? ""
    switch op {
    case .isIn: return values.contains(cell)
    case .notIn: return !values.contains(cell)
    case .equal: return cell == value
    case .notEqual: return cell != value
    case .hasValue: return !cell.isEmpty
    case .isUnknown: return cell.isEmpty
    case .startsWith: return cell.hasPrefix(value)
    case .endsWith: return cell.hasSuffix(value)
    case .contains: return cell.contains(value)
    case .notContain: return !cell.contains(value)
    case .after: return !cell.isEmpty && cell > value
    case .before: return !cell.isEmpty && cell < value
    case .moreThan, .moreThanEqual, .lessThan, .lessThanEqual:
      guard let number = Double(cell), let bound = Double(value) else { return false }
      switch op {
      case .moreThan: return number > bound
      case .moreThanEqual: return number >= bound
      case .lessThan: return number < bound
      default: return number <= bound
      }
    }
  }
}

import SendoutCore

/// The `Discount` object of a request body (a campaign's `voucher.discount`, a promotion tier's
/// `action.discount`) as the world's `Discount`: `AMOUNT` (`amount_off`), `PERCENT` (`percent_off`, optional
/// `amount_limit`), `FIXED` (`fixed_amount`) or `UNIT` (`unit_off`, `unit_type`); an `effect` that applies an
/// `AMOUNT`, `PERCENT` or `FIXED` discount to items (`ItemEffect`) makes it item-level. Another effect of those types
/// is a 400 listing the ones the type takes. A `PERCENT` discount keeps its `percent_off_formula` (evaluated per order
/// by `DiscountFormula`); the other formulas, a percent formula it cannot evaluate and several `units`, which the
/// world's `Discount` cannot hold, are a 501 naming the field: refused, never half kept.
enum APIDiscount {
  /// The fields of a discount the mock does not simulate.
  static let unsimulated = ["amount_off_formula", "fixed_amount_formula", "unit_off_formula", "units"]

  /// The discount at `path`, `nil` when absent; a wrong or missing field is a 400 naming its path.
  static func parse(_ request: APIRequest, at path: String, errorKey: String) throws(VoucherifyError) -> Discount? {
    guard request.object(at: path) != nil else { return nil }
    if let field = unsimulated.first(where: { request.value(at: "\(path).\($0)") != nil }) {
      throw VoucherifyError.notSimulated(
        "`\(path).\(field)` is not simulated by sendout serve: give the discount's fixed fields (one unit)")
    }
    let type = try request.choice(at: "\(path).type", ["AMOUNT", "PERCENT", "FIXED", "UNIT"], errorKey: errorKey)
    func amount(_ name: String) throws(VoucherifyError) -> Int {
      guard let value = try request.int(at: "\(path).\(name)", errorKey: errorKey), value >= 0 else {
        throw VoucherifyError(
          status: 400, key: errorKey, message: "Invalid payload",
          details: "`\(path).\(name)` is required for a \(type ?? "") discount: a non-negative integer (cents)")
      }
      return value
    }
    let base: Discount
    switch type {
    case "AMOUNT"?: base = .amount(off: try amount("amount_off"))
    case "FIXED"?: base = .fixed(amount: try amount("fixed_amount"))
    case "UNIT"?:
      return .unit(
        off: try amount("unit_off"), productID: try request.required("\(path).unit_type", errorKey: errorKey))
    case "PERCENT"?:
      guard let off = request.number(at: "\(path).percent_off"), off >= 0, off <= 100 else {
        throw VoucherifyError(
          status: 400, key: errorKey, message: "Invalid payload",
          details: "`\(path).percent_off` is required for a PERCENT discount: a number from 0 to 100")
      }
      base = .percent(
        off: off, amountLimit: try request.int(at: "\(path).amount_limit", errorKey: errorKey),
        formula: try formula(request, at: "\(path).percent_off_formula", errorKey: errorKey))
    default:
      throw VoucherifyError(
        status: 400, key: errorKey, message: "Invalid payload",
        details: "`\(path).type` is required: AMOUNT, PERCENT, FIXED or UNIT")
    }
    let effects = ["APPLY_TO_ORDER"] + ItemEffect.allowed(for: type ?? "").map(\.rawValue)
    guard let effect = try request.choice(at: "\(path).effect", effects, errorKey: errorKey),
      let items = ItemEffect(rawValue: effect)
    else { return base }
    return .items(base, effect: items)
  }

  /// The percent formula at `path`: `nil` when absent, a 501 naming it when `DiscountFormula` cannot evaluate it
  /// (`IF`, comparisons and arithmetic over `ORDER_AMOUNT` only).
  private static func formula(_ request: APIRequest, at path: String, errorKey: String) throws(VoucherifyError)
    -> String?
  {
    guard let formula = try request.string(at: path, errorKey: errorKey) else { return nil }
    guard DiscountFormula.evaluate(formula, orderAmount: 0) != nil else {
      throw VoucherifyError.notSimulated(
        "`\(path)` is not a formula sendout serve evaluates (IF, comparisons and + - * / over ORDER_AMOUNT)")
    }
    return formula
  }
}

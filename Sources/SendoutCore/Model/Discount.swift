/// A voucher or promotion discount. Amounts are in cents; `percent_off_formula` is evaluated with
/// `ORDER_AMOUNT` in currency units (e.g. `IF(ORDER_AMOUNT > 150;15;10)` gives 15 % on a 200.00 order).
public enum Discount: Sendable, Equatable {
  /// `amount_off` cents off the order.
  case amount(off: Int)
  /// `percent_off` percent off the order, capped at `amountLimit` cents, optionally computed by a formula.
  case percent(off: Double, amountLimit: Int?, formula: String?)
  /// `unitOff` free units of a product (`ADD_MISSING_ITEMS`).
  case unit(off: Int, productID: String)
  /// The order costs exactly `amount` cents.
  case fixed(amount: Int)
  /// An `AMOUNT`, `PERCENT` or `FIXED` discount on the order lines its validation rules' `applicable_to` names,
  /// spread by `effect` (`ItemDiscount.split`); it needs the lines, so `discount(orderAmount:)` gives 0 for it.
  indirect case items(Discount, effect: ItemEffect)

  /// The discount type name (`AMOUNT`, `PERCENT`, `UNIT`, `FIXED`).
  public var typeName: String {
    switch self {
    case .amount: "AMOUNT"
    case .percent: "PERCENT"
    case .unit: "UNIT"
    case .fixed: "FIXED"
    case .items(let base, _): base.typeName
    }
  }

  /// The percentage that applies to an order of `orderAmount` cents (the formula's result when there is one).
  public func effectivePercent(orderAmount: Int) -> Double? {
    guard case .percent(let off, _, let formula) = self else { return nil }
    guard let formula, let value = DiscountFormula.evaluate(formula, orderAmount: orderAmount) else { return off }
    return value
  }

  /// The discount on an order of `orderAmount` cents; `unitPrice` is the free product's price for `UNIT`. Never
  /// negative, never more than the order for order discounts, and never a trap: a formula's percentage is held to
  /// 0…100 (not a number: 0), and products saturate.
  public func discount(orderAmount: Int, unitPrice: Int = 0) -> Int {
    let order = max(0, orderAmount)
    switch self {
    case .amount(let off): return min(max(0, off), order)
    case .percent(_, let limit, _):
      let pct = effectivePercent(orderAmount: order).map { $0.isNaN ? 0 : min(max($0, 0), 100) } ?? 0
      let raw = Int(roundingChecked: Double(order) * pct / 100).map { min($0, order) } ?? order
      return min(limit.map { min(raw, max(0, $0)) } ?? raw, order)
    case .unit(let off, _): return max(0, off).multipliedSaturated(by: max(0, unitPrice))
    case .fixed(let amount): return max(0, order.subtractingSaturated(max(0, amount)))
    case .items: return 0
    }
  }

  /// `Discount` in Voucherify's order: type, value fields, then effect.
  public var json: JSONObject {
    switch self {
    case .amount(let off):
      return ["type": "AMOUNT", "amount_off": .int(off), "effect": "APPLY_TO_ORDER"]
    case .percent(let off, let limit, let formula):
      var o: JSONObject = ["type": "PERCENT", "percent_off": Int(exactly: off).map { .int($0) } ?? .double(off)]
      o.put("amount_limit", limit.map { .int($0) })
      o.put("percent_off_formula", formula.map { .string($0) })
      o["effect"] = "APPLY_TO_ORDER"
      return o
    case .unit(let off, let productID):
      return ["type": "UNIT", "unit_off": .int(off), "unit_type": .string(productID), "effect": "ADD_MISSING_ITEMS"]
    case .fixed(let amount):
      return ["type": "FIXED", "fixed_amount": .int(amount), "effect": "APPLY_TO_ORDER"]
    case .items(let base, let effect):
      return base.json.with("effect", .string(effect.rawValue))
    }
  }
}

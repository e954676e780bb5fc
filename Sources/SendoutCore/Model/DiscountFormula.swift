/// Evaluates Voucherify discount formulas such as `IF(ORDER_AMOUNT > 150;15;10)`.
///
/// Grammar: `expr := IF(cond;expr;expr) | number | ORDER_AMOUNT | expr (+|-|*|/) expr`,
/// `cond := expr (>|<|>=|<=|=|!=) expr`. `ORDER_AMOUNT` is in currency units (cents / 100).
public enum DiscountFormula {
  /// The deepest nesting of parentheses and `IF(…)` accepted: deeper formulas do not parse (the parser
  /// recurses once per level, so 50,000 nested parentheses must not reach the stack's end).
  public static let maxDepth = 64

  /// The formula's value for an order of `orderAmount` cents, or `nil` when it does not parse or nests
  /// deeper than `maxDepth`.
  public static func evaluate(_ formula: String, orderAmount: Int) -> Double? {
    var p = Parser(chars: Array(formula.filter { !$0.isWhitespace }), orderAmount: Double(orderAmount) / 100)
    guard let v = p.expr(), p.i == p.chars.count else { return nil }
    return v
  }

  private struct Parser {
    let chars: [Character]
    let orderAmount: Double
    var i = 0
    var depth = 0

    mutating func eat(_ s: String) -> Bool {
      let a = Array(s)
      guard i + a.count <= chars.count, Array(chars[i..<(i + a.count)]) == a else { return false }
      i += a.count
      return true
    }

    mutating func expr() -> Double? {
      guard var v = term() else { return nil }
      while true {
        if eat("+") {
          guard let r = term() else { return nil }; v += r
        } else if eat("-") {
          guard let r = term() else { return nil }; v -= r
        } else {
          return v
        }
      }
    }

    mutating func term() -> Double? {
      guard var v = atom() else { return nil }
      while true {
        if eat("*") {
          guard let r = atom() else { return nil }; v *= r
        } else if eat("/") {
          guard let r = atom(), r != 0 else { return nil }; v /= r
        } else {
          return v
        }
      }
    }

    mutating func atom() -> Double? {
      depth += 1
      defer { depth -= 1 }
      guard depth <= DiscountFormula.maxDepth else { return nil }
      if eat("IF(") {
        guard let c = cond(), eat(";"), let a = expr(), eat(";"), let b = expr(), eat(")") else { return nil }
        return c ? a : b
      }
      if eat("ORDER_AMOUNT") { return orderAmount }
      if eat("(") { guard let v = expr(), eat(")") else { return nil }; return v }
      let start = i
      while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
      return i > start ? Double(String(chars[start..<i])) : nil
    }

    mutating func cond() -> Bool? {
      guard let a = expr() else { return nil }
      for op in [">=", "<=", "!=", ">", "<", "="] where eat(op) {
        guard let b = expr() else { return nil }
        switch op {
        case ">=": return a >= b
        case "<=": return a <= b
        case "!=": return a != b
        case ">": return a > b
        case "<": return a < b
        default: return a == b
        }
      }
      return nil
    }
  }
}

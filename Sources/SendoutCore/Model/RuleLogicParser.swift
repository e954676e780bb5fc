/// Parses a rule set's `logic` (`"1 and 2"`, `"(1) and (2)"`, `"((1 and 2) or 3) and not 4"`): clause numbers,
/// `and`, `or`, `not` (any case) and parentheses; `not` binds tightest, then `and`, then `or`. A number that names no
/// entry, or text that does not parse, is a 400 `invalid_validation_rules` quoting it.
struct RuleLogicParser {
  private let text: String
  private let numbers: Set<String>
  private let path: String
  private var tokens: [String] = []
  private var at = 0

  /// A parser of `text`, whose clause numbers are `numbers`; `path` names it in messages.
  init(text: String, numbers: Set<String>, path: String) {
    self.text = text
    self.numbers = numbers
    self.path = path
    var current = ""
    for ch in text {
      if ch == "(" || ch == ")" || ch.isWhitespace {
        if !current.isEmpty { tokens.append(current) }
        current = ""
        if !ch.isWhitespace { tokens.append(String(ch)) }
      } else {
        current.append(ch)
      }
    }
    if !current.isEmpty { tokens.append(current) }
  }

  /// The whole expression.
  mutating func parse() throws(VoucherifyError) -> RuleLogic {
    let logic = try or()
    guard at == tokens.count else { throw error("unexpected '\(tokens[at])'") }
    return logic
  }

  private mutating func or() throws(VoucherifyError) -> RuleLogic {
    var left = try and()
    while take("or") { left = .or(left, try and()) }
    return left
  }

  private mutating func and() throws(VoucherifyError) -> RuleLogic {
    var left = try unary()
    while take("and") { left = .and(left, try unary()) }
    return left
  }

  private mutating func unary() throws(VoucherifyError) -> RuleLogic {
    if take("not") { return .not(try unary()) }
    guard at < tokens.count else { throw error("it ends too early") }
    let token = tokens[at]
    at += 1
    if token == "(" {
      let inner = try or()
      guard take(")") else { throw error("a '(' is not closed") }
      return inner
    }
    guard numbers.contains(token) else { throw error("'\(token)' names no entry of the rules") }
    return .clause(token)
  }

  private mutating func take(_ word: String) -> Bool {
    guard at < tokens.count, tokens[at].lowercased() == word else { return false }
    at += 1
    return true
  }

  private func error(_ why: String) -> VoucherifyError {
    RuleSet.invalid("`\(path)` '\(text)' does not parse: \(why); use clause numbers, and, or, not, parentheses")
  }
}

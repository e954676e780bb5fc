/// Formats doubles the way ECMAScript's `Number::toString` does (ECMA-262 §6.1.6.1.20), from the
/// shortest round-trip digits Swift already computes.
enum JSONNumberFormat {
  /// `1e-7`, `0.00001`, `123.5`, `1e+21`; non-finite values become `null`, as in `JSON.stringify`.
  static func javaScript(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == 0 { return "0" }
    let negative = value < 0
    let (digits, n) = decimalDigits(abs(value))  // value = 0.digits × 10^n
    let k = digits.count
    var s = negative ? "-" : ""
    if k <= n && n <= 21 {
      s += digits + String(repeating: "0", count: n - k)
    } else if 0 < n && n <= 21 {
      s += digits.prefix(n) + "." + digits.dropFirst(n)
    } else if -6 < n && n <= 0 {
      s += "0." + String(repeating: "0", count: -n) + digits
    } else {
      let exponent = n - 1
      let sign = exponent < 0 ? "-" : "+"
      let mantissa = k == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
      s += mantissa + "e" + sign + String(abs(exponent))
    }
    return s
  }

  /// The shortest significant digits (no leading/trailing zeros) and the decimal point position.
  private static func decimalDigits(_ value: Double) -> (String, Int) {
    let text = value.description  // shortest round-trip, e.g. "1.5e-07", "123.25", "1e+16"
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(String(text[text.index(after: e)...].filter { $0 != "+" })) ?? 0
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let integer = String(parts[0])
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var digits = integer + fraction
    var point = integer.count + exponent
    while digits.hasPrefix("0") && digits.count > 1 {
      digits.removeFirst()
      point -= 1
    }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (digits, point)
  }
}

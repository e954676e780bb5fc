/// Arithmetic on money, points and counts that cannot trap. Swift traps on integer overflow (the mock API died of
/// `price × quantity` at `Int.max`); these hold at `Int.min`/`Int.max` instead (lifetime statistics that only a
/// hostile caller could push past 9.2 × 10¹⁸, where a refusal would fail an unrelated later call). The forms that
/// refuse instead are the world's (`Int+WorldChecked.swift`).
extension Int {
  /// `self + other`, held at `Int.min`/`Int.max` instead of overflowing.
  public func addingSaturated(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  /// `self − other`, held at `Int.min`/`Int.max` instead of overflowing.
  public func subtractingSaturated(_ other: Int) -> Int {
    let (difference, overflow) = subtractingReportingOverflow(other)
    return overflow ? (other < 0 ? .max : .min) : difference
  }

  /// Adds `other` in place, held at `Int.min`/`Int.max` (`+=` that cannot trap).
  public mutating func addSaturating(_ other: Int) { self = addingSaturated(other) }

  /// Subtracts `other` in place, held at `Int.min`/`Int.max` (`-=` that cannot trap).
  public mutating func subtractSaturating(_ other: Int) { self = subtractingSaturated(other) }

  /// `self × other`, held at `Int.min`/`Int.max` instead of overflowing.
  public func multipliedSaturated(by other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
  }

  /// `value` rounded to the nearest integer, or `nil` when it is not finite or beyond `Int`'s range (where
  /// `Int(_:)` traps).
  public init?(roundingChecked value: Double) {
    self.init(exactly: value.rounded())
  }
}

extension Sequence<Int> {
  /// The sum, held at `Int.min`/`Int.max` instead of overflowing.
  public var saturatedSum: Int { reduce(0) { $0.addingSaturated($1) } }
}

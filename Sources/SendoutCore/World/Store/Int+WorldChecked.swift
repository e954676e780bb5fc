/// Arithmetic on money, points and counts that refuses instead of trapping: an overflow is the world's `invalid`
/// error naming the quantity (the saturating forms are in `Support/Int+Checked.swift`).
extension Int {
  /// `self + other`, or `invalid` naming `what` when the sum leaves `Int`'s range.
  public func adding(_ other: Int, _ what: @autoclosure () -> String) throws(VoucherifyError) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard !overflow else { throw .invalidPayload("\(what()) overflows: \(self) + \(other)") }
    return sum
  }

  /// `self × other`, or `invalid` naming `what` when the product leaves `Int`'s range.
  public func multiplied(by other: Int, _ what: @autoclosure () -> String) throws(VoucherifyError) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard !overflow else { throw .invalidPayload("\(what()) overflows: \(self) × \(other)") }
    return product
  }
}

/// The largest amounts, points and order sizes the simulation accepts, checked where a call or a scenario step
/// enters the world (and again at the mock API's edge, before anything changes).
///
/// - Amounts, prices, credits and points: integers up to 2⁵³ − 1 (9,007,199,254,740,991), JavaScript's
///   `Number.MAX_SAFE_INTEGER`: Voucherify's JSON numbers are read as doubles by its JavaScript SDK, which holds no
///   larger integer exactly. Voucherify documents no cap of its own. With at most `maxOrderItems` lines of at most
///   this much each, no sum over one order can overflow 64 bits (500 × 2⁵³ < 2⁶³).
/// - Order lines: at most 500, Voucherify's documented limit ("It can include up to 500 items", the `items` of
///   `Order` in the v2024-01-01 REST spec).
public enum AmountLimits {
  /// The largest amount, price, credit or points value: 2⁵³ − 1.
  public static let maxAmount = 9_007_199_254_740_991
  /// The most lines an order may have.
  public static let maxOrderItems = 500

  /// Throws `invalid` unless `value` is an amount from 0 to `maxAmount`; `what` names it.
  public static func check(_ value: Int, _ what: @autoclosure () -> String) throws(VoucherifyError) {
    guard (0...maxAmount).contains(value) else {
      throw .invalidPayload("\(what()) must be an integer from 0 to \(maxAmount), got \(value)")
    }
  }

  /// `total + delta` when it stays an amount from 0 to `maxAmount`; `invalid` naming `what` otherwise.
  public static func adding(_ delta: Int, to total: Int, _ what: @autoclosure () -> String)
    throws(VoucherifyError) -> Int
  {
    let sum = try total.adding(delta, what())
    try check(sum, what())
    return sum
  }
}

import SendoutCore
import Testing

/// The arithmetic of item-level discounts, line by line, checked by hand against Voucherify's worked examples (the
/// spec's `validate-stacked-discounts` "5 Redeemables" answer; the "Discount Effects Cheat Sheet" carts) and the
/// rounding and cap rules of docs/serve-fidelity.md.
@Suite struct ItemDiscountTests {
  /// A line of `quantity` units at `price` cents.
  static func line(_ price: Int, _ quantity: Int = 1) -> RuleItem {
    RuleItem(
      productID: "prod_\(price)", skuID: nil, sourceID: nil, quantity: quantity, price: price,
      amount: price * quantity, metadata: [:])
  }

  static let every = ApplicableTo.Target(ref: .text(""), json: [:])

  /// (discount, effect, lines, whether each line is a target, expected cents off each line, what it checks).
  static let cases: [(Discount, ItemEffect, [RuleItem], [Bool], [Int], String)] = [
    // Spec, validate-stacked-discounts "5 Redeemables": 10.00 off each of a 20.00 SKU line and a 7.00 line.
    (.amount(off: 1000), .each, [line(2000), line(700)], [true, true], [1000, 700], "spec example: capped at 7.00"),
    // Cheat sheet: T-shirt 30, Pen 20, Mug 10; 10 % off Pen and Mug = 2 + 1.
    (
      .percent(off: 10, amountLimit: nil, formula: nil), .each, [line(3000), line(2000), line(1000)],
      [false, true, true], [0, 200, 100], "cheat sheet: 10 % of the matched lines"
    ),
    // Cheat sheet: 10.00 split by amount over Pen 20 and Mug 10: 6.666… and 3.333…, the spare cent to the larger
    // remainder.
    (
      .amount(off: 1000), .byAmount, [line(3000), line(2000), line(1000)], [false, true, true], [0, 667, 333],
      "proportional to amount"
    ),
    // Cheat sheet: 2× T-shirt, 1× Pen, 6× Mug; 10.00 split by quantity over Pen and Mug: 1/7 and 6/7.
    (
      .amount(off: 1000), .byQuantity, [line(3000, 2), line(2000), line(1000, 6)], [false, true, true],
      [0, 143, 857], "proportional to quantity"
    ),
    (.amount(off: 500), .eachUnit, [line(2000), line(1000, 6)], [true, true], [500, 3000], "5.00 off every unit"),
    (
      .amount(off: 1000), .byAmount, [line(100), line(100), line(100)], [true, true, true], [100, 100, 100],
      "never more than the lines"
    ),
    (
      .amount(off: 100), .byAmount, [line(500), line(500), line(500)], [true, true, true], [34, 33, 33],
      "equal remainders: the first line takes the spare cent"
    ),
    (.percent(off: 12.5, amountLimit: nil, formula: nil), .each, [line(333)], [true], [42], "41.625 rounds half up"),
    (
      .percent(off: 50, amountLimit: 600, formula: nil), .each, [line(1000), line(1000)], [true, true], [500, 100],
      "amount_limit caps the sum, from the last line"
    ),
    (.fixed(amount: 1500), .each, [line(2000), line(1000)], [true, true], [500, 0], "a new price of 15.00 a line"),
    (
      .amount(off: AmountLimits.maxAmount), .eachUnit, [line(AmountLimits.maxAmount / 1000, 1000)], [true],
      [AmountLimits.maxAmount / 1000 * 1000], "a huge amount times units saturates, held to the line"
    ),
  ]

  @Test(arguments: cases.indices)
  func linesGetWhatVoucherifyGivesThem(_ i: Int) {
    let (discount, effect, lines, targeted, expected, what) = Self.cases[i]
    let off = ItemDiscount.split(discount, effect, lines: lines, targets: targeted.map { $0 ? Self.every : nil })
    #expect(off == expected, "\(what)")
  }

  @Test func perLineCapsApplyPerTarget() {
    var capped = Self.every
    capped.quantityLimit = 1
    capped.amountLimit = 300
    let off = ItemDiscount.split(
      .percent(off: 50, amountLimit: nil, formula: nil), .each, lines: [Self.line(1000, 3)], targets: [capped])
    #expect(off == [300], "one unit of 10.00 at 50 % is 5.00, capped at 3.00")
    var pooled = Self.every
    pooled.aggregatedAmountLimit = 700
    let shared = ItemDiscount.split(
      .amount(off: 500), .each, lines: [Self.line(1000), Self.line(1000)], targets: [pooled, pooled])
    #expect(shared == [500, 200], "aggregated_amount_limit over the target's lines together")
  }
}

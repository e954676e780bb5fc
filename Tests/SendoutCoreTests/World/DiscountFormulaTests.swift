import Testing

@testable import SendoutCore

@Suite struct DiscountFormulaTests {
  @Test(arguments: [(20000, 15.0), (15000, 10.0), (15001, 15.0), (9999, 10.0)])
  func formula(orderAmount: Int, percent: Double) {
    #expect(DiscountFormula.evaluate("IF(ORDER_AMOUNT > 150;15;10)", orderAmount: orderAmount) == percent)
  }
}

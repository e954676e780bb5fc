import Testing

@testable import SendoutCore

@Suite struct CodeConfigTests {
  @Test(arguments: [("SPRING-2024-", "###", ""), ("", "LOY-#####", "-X"), ("Refer-", "########", "")])
  func codesFollowThePattern(prefix: String, pattern: String, postfix: String) {
    var rng = SeededGenerator(seed: 9)
    let config = CodeConfig(pattern: pattern, charset: "0123456789", prefix: prefix, postfix: postfix)
    let code = config.generate(using: &rng)
    #expect(code.hasPrefix(prefix) && code.hasSuffix(postfix))
    #expect(code.count == prefix.count + pattern.count + postfix.count)
    let body = Array(code.dropFirst(prefix.count).dropLast(postfix.count))
    for (c, p) in zip(body, pattern) { #expect(p == "#" ? c.isNumber : c == p) }
    #expect(config.json["length"]?.intValue == pattern.filter { $0 == "#" }.count)
  }

  @Test(arguments: [
    (Discount.amount(off: 1000), 5000, 1000), (.amount(off: 1000), 600, 600),
    (.percent(off: 10, amountLimit: 3000, formula: "IF(ORDER_AMOUNT > 150;15;10)"), 20000, 3000),
    (.percent(off: 10, amountLimit: nil, formula: nil), 12345, 1235), (.fixed(amount: 4000), 10000, 6000),
  ])
  func discountArithmetic(discount: Discount, orderAmount: Int, expected: Int) {
    #expect(discount.discount(orderAmount: orderAmount) == expected)
  }
}

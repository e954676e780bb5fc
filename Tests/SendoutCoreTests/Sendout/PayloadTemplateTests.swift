import SendoutCore
import Testing

@Suite struct PayloadTemplateTests {
  static let data: JSONObject = [
    "customer": ["id": "cust_IdgAFZxYwwHctOk9pPuMu308", "name": "John Smith", "email": "john.smith@example.com"],
    "order": ["id": "ord_0f1ad36a828d1c7c5f", "total_amount": 26500, "status": "PAID", "items": [["price": 1000]]],
    "voucher": ["code": "SUMMER-2024-A7B9", "active": true],
  ]

  @Test(arguments: [
    // The docs' "Customer summary with dynamic values".
    (
      #"{"customer_profile": {"ID": "{{customer.id}}", "name": "{{customer.name}}", "email": "{{customer.email}}"}}"#,
      #"{"customer_profile":{"ID":"cust_IdgAFZxYwwHctOk9pPuMu308","name":"John Smith","email":"john.smith@example.com"}}"#
    ),
    // The docs' "Order confirmation with mixed values": an unquoted placeholder keeps the number's type.
    (
      """
      {
        "order": {
          "orderId": "{{order.id}}",
          "total": {{order.total_amount}},
          "currency": "USD",
          "message": "Thank you for your order, {{customer.name}}!"
        }
      }
      """,
      #"{"order":{"orderId":"ord_0f1ad36a828d1c7c5f","total":26500,"currency":"USD","message":"Thank you for your order, John Smith!"}}"#
    ),
    // Quoted placeholders always give strings; static values pass through; arrays and indexes work.
    (
      #"{"total": "{{order.total_amount}}", "active": {{voucher.active}}, "n": 1.5, "list": [{{order.items.0.price}}, "x", null], "code": "{{ voucher.code }}"}"#,
      #"{"total":"26500","active":true,"n":1.5,"list":[1000,"x",null],"code":"SUMMER-2024-A7B9"}"#
    ),
    (
      #"{"Body": "Hello {{customer.name}}. Here's your discount code: {{voucher.code}}."}"#,
      #"{"Body":"Hello John Smith. Here's your discount code: SUMMER-2024-A7B9."}"#
    ),
    (#"{{order}}"#, #"{"id":"ord_0f1ad36a828d1c7c5f","total_amount":26500,"status":"PAID","items":[{"price":1000}]}"#),
  ])
  func rendersAsTheDocsDescribe(template: String, expected: String) throws {
    let parsed = try PayloadTemplate(parsing: template)
    try parsed.validate(against: Self.data)
    #expect(parsed.render(Self.data).compactString == expected)
  }

  @Test(arguments: [
    ("{\n  \"a\": {{order.id}\n}", "2:8"),
    ("{\"a\": \"{{order.id\"}", "1:7"),
    ("{\"a\": 01}", "1:8"),
    ("{\"a\": {{ bad path! }}}", "1:7"),
    ("{\"a\" 1}", "1:6"),
    ("[1, 2", "1:6"),
  ])
  func syntaxErrorsSayWhere(template: String, position: String) {
    #expect {
      try PayloadTemplate(parsing: template)
    } throws: { error in
      guard case .syntax(let line, let column, _) = error as? TemplateError else { return false }
      return "\(line):\(column)" == position
    }
  }

  @Test func unknownKeyFailsAtLoadTimeAndListsWhatTheEventCarries() throws {
    let template = try PayloadTemplate(
      parsing: "{\n  \"when\": \"{{redemption.date}}\",\n  \"who\": \"{{customer.nickname}}\"\n}")
    #expect(throws: TemplateError.self) { try template.validate(against: Self.data) }
    do {
      try template.validate(against: Self.data)
    } catch {
      let message = error.description
      #expect(message.hasPrefix("2:11: Placeholder {{redemption.date}}"))
      #expect(message.contains("customer, order, voucher"))
    }
    let nested = try PayloadTemplate(parsing: #"{"who": "{{customer.nickname}}"}"#)
    do {
      try nested.validate(against: Self.data)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("customer.id, customer.name, customer.email"))
    }
  }
}

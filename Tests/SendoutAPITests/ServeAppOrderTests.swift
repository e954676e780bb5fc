import SendoutCore
import SendoutTestSupport
import Testing

/// Orders created through `sendout serve` hold what the application sent, plus what Voucherify computes (issue 19:
/// an order answered `ORD-2026-…`, an `order-amount-…` item and currency metadata the call never sent).
@Suite struct ServeAppOrderTests {
  static let order =
    #"{"source_id":"my-1","amount":1000,"items":[{"source_id":"sku-1","quantity":2,"price":500}],"metadata":{"k":"v"}}"#

  /// A code of Welcome Offer that nobody holds.
  static func freeCode(_ server: InProcessAPI, _ code: String = "APP-CODE-1") throws -> String {
    let (status, voucher) = try server.send("POST", "/v1/vouchers/\(code)", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(status == 200, "\(voucher)")
    return code
  }

  @Test func anOrderHoldsExactlyWhatTheAppSent() throws {
    let server = try InProcessAPI.served()
    let before = server.read { ($0.customers.count, $0.products.count) }
    let (status, order) = try server.send("POST", "/v1/orders", body: Self.order)
    #expect(status == 200, "\(order)")
    try InProcessAPI.expectValid(order, "OrdersCreateResponseBody")
    #expect(order["source_id"] == "my-1" && order["amount"] == 1000 && order["status"] == "CREATED")
    #expect(order["metadata"] == ["k": "v"], "no currency or store invented: \(order)")
    let items = try #require(order["items"]?.arrayValue)
    #expect(items.count == 1)
    #expect(items.first?["source_id"] == "sku-1" && items.first?["quantity"] == 2 && items.first?["price"] == 500)
    #expect(items.first?["amount"] == 1000 && items.first?["product_id"] == .null, "no product invented")
    #expect(order["customer_id"] == .null, "a call that names no customer makes none")
    #expect(server.read { ($0.customers.count, $0.products.count) } == before)
    #expect(server.sendouts.isEmpty, "\(server.sendouts.map(\.eventType))")
  }

  @Test func amountsAreComputedAsVoucherifyDoes() throws {
    let server = try InProcessAPI.served()
    let body = #"{"items":[{"source_id":"a","quantity":3,"price":200},{"source_id":"b","amount":50}]}"#
    let (status, order) = try server.send("POST", "/v1/orders", body: body)
    #expect(status == 200, "\(order)")
    #expect(order.value(atPath: "items.0.amount") == 600, "price × quantity")
    #expect(order.value(atPath: "items.1.amount") == 50 && order.value(atPath: "items.1.quantity") == .null)
    #expect(order["amount"] == 650 && order["total_amount"] == 650, "the sum of the items")
    #expect(order["source_id"] == .null, "not given, not invented")
  }

  @Test func aSourceIDIsUpsertedAndReadsTheOrder() throws {
    let server = try InProcessAPI.served()
    let customer = #""customer":{"source_id":"ann","email":"ann@example.com"}"#
    let (_, first) = try server.send("POST", "/v1/orders", body: #"{"source_id":"my-1","amount":1000,\#(customer)}"#)
    let count = server.read { $0.orders.count }
    let (status, second) = try server.send(
      "POST", "/v1/orders", body: #"{"source_id":"my-1","metadata":{"k":"w"},"status":"PAID",\#(customer)}"#)
    #expect(status == 200, "\(second)")
    #expect(second["id"] == first["id"] && second["amount"] == 1000 && second["metadata"] == ["k": "w"])
    #expect(second["status"] == "PAID" && server.read { $0.orders.count } == count, "no second order")
    let (got, bySource) = try server.send("GET", "/v1/orders/my-1")
    #expect(got == 200 && bySource["id"] == first["id"], "\(bySource)")
    try InProcessAPI.expectValid(bySource, "OrdersGetResponseBody")
    let (put, updated) = try server.send("PUT", "/v1/orders/my-1", body: #"{"metadata":{"k":"x"}}"#)
    #expect(put == 200 && updated["id"] == first["id"] && updated["metadata"] == ["k": "x"], "\(updated)")
    #expect(try server.send("GET", "/v1/orders/nope").0 == 404)
  }

  /// `customer.order.*` go to distributions only, so the world's events are read directly.
  @Test func anUpsertEmitsUpdatedNotASecondCreated() throws {
    var world = try InProcessAPI.served().read { $0 }
    let ann = world.createCustomer(sourceID: "ann", given: CustomerChanges()).value.id
    var fields = OrderFields()
    fields.sourceID = "my-1"
    fields.amount = 1000
    let first = try world.putOrder(fields, customerID: ann)
    fields.amount = nil
    fields.metadata = ["k": "w"]
    fields.status = .paid
    let second = try world.putOrder(fields, customerID: nil)
    #expect(second.value.id == first.value.id && second.value.customerID == ann && second.value.amount == 1000)
    #expect(first.events.map(\.type) == ["customer.order.created"])
    #expect(second.events.map(\.type).prefix(2) == ["customer.order.updated", "customer.order.paid"])
    let paid = JSON.object(try #require(second.last("customer.order.paid")?.fullData))
    #expect(paid.value(atPath: "order.source_id") == "my-1" && paid.value(atPath: "order.metadata") == ["k": "w"])
    var none = OrderFields()
    none.amount = 5
    #expect(try world.putOrder(none, customerID: nil).events.isEmpty, "an order without a customer: no customer event")
  }

  @Test func aRedemptionAttachesToTheOrderItNamesAndKeepsItsMetadata() throws {
    let server = try InProcessAPI.served()
    let code = try Self.freeCode(server)
    let (_, order) = try server.send(
      "POST", "/v1/orders", body: #"{"source_id":"my-2","amount":5000,"customer":{"source_id":"ann"}}"#)
    let count = server.read { $0.orders.count }
    let redeemable = #""redeemables":[{"object":"voucher","id":"\#(code)"}]"#
    let (valid, validation) = try server.send(
      "POST", "/v1/validations", body: #"{\#(redeemable),"order":{"source_id":"my-2"},"customer":{"source_id":"ann"}}"#)
    #expect(valid == 200 && validation["valid"] == true, "\(validation)")
    #expect(validation.value(atPath: "order.id") == order["id"] && validation.value(atPath: "order.amount") == 5000)
    let (status, redeemed) = try server.send(
      "POST", "/v1/redemptions",
      body: #"{\#(redeemable),"order":{"id":"my-2"},"customer":{"source_id":"ann"},"metadata":{"till":"7"}}"#)
    #expect(status == 200, "\(redeemed)")
    #expect(redeemed.value(atPath: "order.id") == order["id"] && server.read { $0.orders.count } == count)
    #expect(redeemed.value(atPath: "order.source_id") == "my-2" && redeemed.value(atPath: "order.amount") == 5000)
    let id = try #require(redeemed.value(atPath: "redemptions.0.id")?.stringValue)
    #expect(redeemed.value(atPath: "redemptions.0.metadata") == ["till": "7"])
    let (_, fetched) = try server.send("GET", "/v1/redemptions/\(id)")
    #expect(fetched["metadata"] == ["till": "7"], "\(fetched)")
    let hook = try #require(try server.bodies(of: "redemption.succeeded").first)
    #expect(hook.value(atPath: "data.redemption.metadata") == ["till": "7"])
    #expect(hook.value(atPath: "data.order.source_id") == "my-2")
    #expect(try server.bodies(of: "redemption.succeeded").count == 1)
    let second = try Self.freeCode(server, "APP-CODE-2")
    let (again, onPaid) = try server.send(
      "POST", "/v1/redemptions",
      body: #"{"redeemables":[{"object":"voucher","id":"\#(second)"}],"#
        + #""order":{"source_id":"my-2"},"customer":{"source_id":"ann"}}"#)
    #expect(again == 200 && onPaid.value(atPath: "order.id") == order["id"], "\(onPaid)")
    let (_, ann) = try server.send("GET", "/v1/customers/ann")
    #expect(ann.value(atPath: "summary.orders.total_count") == 1, "the order counts once, paid once: \(ann)")
  }

  @Test func anInlineOrderIsKeptInTheAnswerAndTheWebhooks() throws {
    let server = try InProcessAPI.served()
    let code = try Self.freeCode(server)
    let products = server.read { $0.products.count }
    let body =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"customer":{"source_id":"bo"},"order":\#(Self.order)}"#
    let (valid, validation) = try server.send("POST", "/v1/validations", body: body)
    #expect(valid == 200 && validation.value(atPath: "order.source_id") == "my-1", "\(validation)")
    #expect(validation.value(atPath: "order.items.0.source_id") == "sku-1")
    #expect(validation.value(atPath: "order.metadata") == ["k": "v"] && validation.value(atPath: "order.id") == nil)
    try InProcessAPI.expectValid(validation, "ValidationsValidateResponseBody")
    let (status, redeemed) = try server.send("POST", "/v1/redemptions", body: body)
    #expect(status == 200, "\(redeemed)")
    try InProcessAPI.expectValid(redeemed, "RedemptionsRedeemResponseBody")
    #expect(
      redeemed.value(atPath: "order.source_id") == "my-1" && redeemed.value(atPath: "order.metadata") == ["k": "v"])
    #expect(
      redeemed.value(atPath: "order.items.0.source_id") == "sku-1" && server.read { $0.products.count } == products)
    for type in ["redemption.succeeded"] {
      let hook = try #require(try server.bodies(of: type).first, "\(type)")
      #expect(hook.value(atPath: "data.order.source_id") == "my-1", "\(type)")
      #expect(hook.value(atPath: "data.order.metadata") == ["k": "v"], "\(type)")
      #expect(hook.value(atPath: "data.order.items.0.source_id") == "sku-1", "\(type)")
    }
  }

  @Test func clientNumbersThatOverflowAre400s() throws {
    let server = try InProcessAPI.served()
    let code = try Self.freeCode(server)
    let items = #"[{"source_id":"a","quantity":2,"price":9223372036854775807}]"#
    let cases: [InProcessAPI.Refusal] = [
      ("POST", "/v1/orders", #"{"items":\#(items)}"#, 400, "invalid_payload", "price × quantity"),
      (
        "POST", "/v1/redemptions",
        #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"items":\#(items)}}"#,
        400, "invalid_payload", "price × quantity"
      ),
      ("POST", "/v1/orders", #"{"items":[{"quantity":0,"price":5}]}"#, 400, "invalid_payload", "quantity"),
    ]
    let before = server.read { ($0.orders.count, $0.customers.count) }
    try server.expectRefusals(cases)
    #expect(server.read { ($0.orders.count, $0.customers.count) } == before)
  }
}

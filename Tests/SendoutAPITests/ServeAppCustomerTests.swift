import SendoutCore
import SendoutTestSupport
import Testing

/// Customers created through `sendout serve` hold what the application sent and nothing drawn (issue 19: a made-up
/// name, email, phone and metadata; an upsert that kept the old email; a fake customer for a customer-less
/// redemption; a name given in a redemption ignored; `[1,2]` accepted).
@Suite struct ServeAppCustomerTests {
  @Test func aCustomerHoldsOnlyWhatWasSent() throws {
    let server = try InProcessAPI.served()
    let (status, customer) = try server.send("POST", "/v1/customers", body: #"{"source_id":"x"}"#)
    #expect(status == 200, "\(customer)")
    try InProcessAPI.expectValid(customer, "CustomersCreateResponseBody")
    #expect(customer["source_id"] == "x")
    for key in ["name", "email", "phone", "birthdate", "description", "address"] {
      #expect(customer[key] == .null, "\(key) was not sent: \(customer)")
    }
    #expect(customer["metadata"] == [:])
    let hook = try #require(try server.bodies(of: "customer.created").first)
    #expect(hook.value(atPath: "data.customer.name") == .null && hook.value(atPath: "data.customer.email") == .null)
    #expect(hook.value(atPath: "data.customer.id") == customer["id"])
  }

  @Test func anUpsertBySourceIDUpdatesTheFieldsGiven() throws {
    let server = try InProcessAPI.served()
    let (_, first) = try server.send(
      "POST", "/v1/customers", body: #"{"source_id":"x","email":"a@example.com","address":{"city":"Oslo"}}"#)
    let (status, second) = try server.send(
      "POST", "/v1/customers", body: #"{"source_id":"x","email":"b@example.com","name":"Bea","metadata":{"t":1}}"#)
    #expect(status == 200, "\(second)")
    #expect(second["id"] == first["id"] && second["email"] == "b@example.com" && second["name"] == "Bea")
    #expect(second.value(atPath: "address.city") == "Oslo" && second["metadata"] == ["t": 1], "\(second)")
    let updated = try #require(try server.bodies(of: "customer.updated").first)
    #expect(updated.value(atPath: "data.customer.email") == "b@example.com")
    #expect(updated.value(atPath: "data.customer.name") == "Bea")
    let (_, again) = try server.send("POST", "/v1/customers", body: #"{"source_id":"x"}"#)
    let updates = try server.bodies(of: "customer.updated").count
    #expect(again["email"] == "b@example.com" && updates == 1, "nothing given, nothing changed")
  }

  @Test func aRedemptionThatNamesNoCustomerMakesNone() throws {
    let server = try InProcessAPI.served()
    let code = try ServeAppOrderTests.freeCode(server)
    let customers = server.read { $0.customers.count }
    let (status, redeemed) = try server.send(
      "POST", "/v1/redemptions",
      body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":2000}}"#)
    #expect(status == 200, "\(redeemed)")
    try InProcessAPI.expectValid(redeemed, "RedemptionsRedeemResponseBody")
    #expect(redeemed.value(atPath: "redemptions.0.customer_id") == .null)
    #expect(redeemed.value(atPath: "redemptions.0.customer") == .null)
    #expect(redeemed.value(atPath: "order.customer_id") == .null)
    let (ordered, order) = try server.send("POST", "/v1/orders", body: #"{"amount":100}"#)
    #expect(ordered == 200 && order["customer_id"] == .null, "\(order)")
    #expect(server.read { $0.customers.count } == customers, "no phantom customer")
    let types = server.sendouts.map(\.eventType)
    #expect(!types.contains { $0.hasPrefix("customer.") }, "\(types)")
    let hook = try #require(try server.bodies(of: "redemption.succeeded").first)
    #expect(hook.value(atPath: "data.customer") == .null && hook.value(atPath: "data.redemption.customer_id") == .null)
    let id = try #require(redeemed.value(atPath: "redemptions.0.id")?.stringValue)
    let (fetched, redemption) = try server.send("GET", "/v1/redemptions/\(id)")
    #expect(fetched == 200 && redemption["customer"] == .null, "\(redemption)")
    try InProcessAPI.expectValid(redemption, "RedemptionsGetResponseBody")
    let (rolled, rollback) = try server.send("POST", "/v1/redemptions/\(id)/rollback")
    #expect(rolled == 200 && rollback["customer_id"] == .null, "\(rollback)")
  }

  @Test func aCustomerGivenInARedemptionKeepsItsFields() throws {
    let server = try InProcessAPI.served()
    let code = try ServeAppOrderTests.freeCode(server)
    let body =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":2000},"#
      + #""customer":{"source_id":"zed","name":"Zed Zee","email":"zed@example.com","metadata":{"vip":true}}}"#
    let (status, redeemed) = try server.send("POST", "/v1/redemptions", body: body)
    #expect(status == 200, "\(redeemed)")
    let (_, customer) = try server.send("GET", "/v1/customers/zed")
    #expect(
      customer["name"] == "Zed Zee" && customer["email"] == "zed@example.com" && customer["metadata"] == ["vip": true])
    let created = try #require(try server.bodies(of: "customer.created").first)
    #expect(created.value(atPath: "data.customer.name") == "Zed Zee")
    let hook = try #require(try server.bodies(of: "redemption.succeeded").first)
    #expect(hook.value(atPath: "data.customer.email") == "zed@example.com")
    #expect(hook.value(atPath: "data.customer.name") == "Zed Zee")
  }

  @Test func aCustomerGivenInAPublicationOrALoyaltyMemberKeepsItsFields() throws {
    let server = try InProcessAPI.served()
    let (status, publication) = try server.send(
      "POST", "/v1/publications",
      body: #"{"customer":{"source_id":"pat","name":"Pat Poe"},"campaign":{"name":"Welcome Offer"}}"#)
    #expect(status == 200 && publication.value(atPath: "customer.name") == "Pat Poe", "\(publication)")
    let program = try #require(server.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let (joined, card) = try server.send(
      "POST", "/v1/loyalties/\(program)/members", body: #"{"customer":{"source_id":"pat","email":"pat@example.com"}}"#)
    #expect(joined == 200, "\(card)")
    let (_, customer) = try server.send("GET", "/v1/customers/pat")
    #expect(customer["name"] == "Pat Poe" && customer["email"] == "pat@example.com", "\(customer)")
    let created = try #require(try server.bodies(of: "customer.created").first)
    #expect(created.value(atPath: "data.customer.name") == "Pat Poe")
  }

  @Test func aBodyThatIsNotAnObjectIsRefused() throws {
    let server = try InProcessAPI.served()
    let customers = server.read { $0.customers.count }
    try server.expectRefusals([
      ("POST", "/v1/customers", "[1,2]", 400, "invalid_payload", "JSON object"),
      ("POST", "/v1/orders", "[1,2]", 400, "invalid_payload", "JSON object"),
    ])
    #expect(server.read { $0.customers.count } == customers)
  }

  /// "If a customer doesn't exist in Voucherify, the customer will be created" (the spec on `POST /v1/events`).
  @Test func aCustomEventUpsertsItsCustomerWithTheFieldsSent() throws {
    let server = try InProcessAPI.served()
    let (status, event) = try server.send(
      "POST", "/client/v1/events", body: #"{"event":"signed_up","customer":{"source_id":"new-one","name":"Nia"}}"#,
      client: true)
    #expect(status == 200, "\(event)")
    try InProcessAPI.expectValid(event, "ClientEventsCreateResponseBody")
    #expect(event.value(atPath: "customer.source_id") == "new-one" && event.value(atPath: "customer.name") == "Nia")
    let id = try #require(event.value(atPath: "customer.id")?.stringValue)
    let (_, read) = try server.send("GET", "/v1/customers/\(id)")
    #expect(read["name"] == "Nia" && read["email"] == .null, "\(read)")
    let (_, again) = try server.send(
      "POST", "/v1/events", body: #"{"event":"signed_up","customer":{"source_id":"new-one","email":"n@example.com"}}"#)
    #expect(
      again.value(atPath: "customer.id") == .string(id) && again.value(atPath: "customer.email") == "n@example.com")
    let created = try server.bodies(of: "customer.created")
    let updated = try server.bodies(of: "customer.updated")
    #expect(created.count == 1 && updated.count == 1, "\(created.count) created, \(updated.count) updated")
    let customers = server.read { $0.customers.count }
    try server.expectRefusals([
      ("POST", "/v1/events", #"{"event":"x","customer":{"id":"cust_none"}}"#, 404, "not_found", "cust_none"),
      ("POST", "/v1/events", #"{"event":"x","customer":{}}"#, 400, "missing_customer", "`source_id`"),
    ])
    _ = try server.send(
      "POST", "/management/v1/projects/\(server.projectID)/custom-event-schemas",
      body: #"{"name":"rated","schema":{"properties":{"stars":{"type":"number","optional":false}}}}"#)
    try server.expectRefusals([
      ("POST", "/v1/events", #"{"event":"rated","customer":{"source_id":"other"}}"#, 400, "invalid_payload", "stars")
    ])
    #expect(server.read { $0.customers.count } == customers, "a refused event makes no customer")
  }
}

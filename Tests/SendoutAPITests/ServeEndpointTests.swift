import SendoutCore
import SendoutTestSupport
import Testing

/// The mock API's main endpoints called in process, as a client would: its answers checked against the official
/// REST spec's schemas and its events against the answers' ids (ServeTests keeps the loopback end to end).
@Suite struct ServeEndpointTests {
  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try InProcessAPI.expectValid(body, schema, sourceLocation: sourceLocation)
  }

  @Test func readsAnswerTheWorldsObjectsPerTheSpec() throws {
    let server = try InProcessAPI.served()
    let (created, customer) = try server.send("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(created == 200)
    let (status, byID) = try server.send("GET", "/v1/customers/\(customer["id"]?.stringValue ?? "")")
    #expect(status == 200)
    #expect(byID == customer)
    try expectValid(byID, "CustomersGetResponseBody")
    let (upsert, existing) = try server.send("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(upsert == 200 && existing["id"] == customer["id"], "the same source_id is the same customer")
  }

  @Test func errorsAreVoucherifysBodies() throws {
    let server = try InProcessAPI.served()
    let cases: [(String, String, String?, Bool, Int, String)] = [
      ("GET", "/v1/customers/nobody", nil, true, 404, "not_found"),
      ("GET", "/v1/vouchers/NO-SUCH-CODE", nil, true, 404, "not_found"),
      ("GET", "/v1/customers/nobody", nil, false, 401, "unauthorized"),
      ("GET", "/v1/locations", nil, true, 501, "not_implemented"),
      ("PUT", "/v1/vouchers/X/enable", nil, true, 405, "method_not_allowed"),
      ("GET", "/v2/nothing", nil, true, 404, "not_found"),
      ("POST", "/v1/customers", "{bad", true, 400, "invalid_payload"),
      ("POST", "/v1/customers", #"{"source_id": 7}"#, true, 400, "invalid_customer"),
      ("POST", "/v1/events", #"{"event":"x"}"#, true, 400, "missing_customer"),
    ]
    for (method, path, body, keys, status, key) in cases {
      let (got, error) = try server.send(method, path, body: body, keys: keys)
      #expect(got == status, "\(method) \(path)")
      #expect(error["key"]?.stringValue == key, "\(method) \(path): \(error)")
      #expect(error["code"]?.intValue == status)
      #expect(error["request_id"]?.stringValue?.hasPrefix("v-") == true)
      try expectValid(error, "Error")
    }
  }

  @Test func aPublicationAnswersPerTheSpecAndSendsItsWebhooksWithTheSameIDs() throws {
    let server = try InProcessAPI.served()
    let (status, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"carol"},"campaign":{"name":"Welcome Offer"}}"#)
    #expect(status == 200, "\(publication)")
    try expectValid(publication, "PublicationsCreateVoucherResponseBody")
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    #expect(code.hasPrefix("WELCOME-"))
    #expect(publication.value(atPath: "customer.source_id") == "carol", "an unknown source_id creates the customer")
    let (byGet, again) = try server.send(
      "GET", "/v1/publications/create?customer%5Bsource_id%5D=carol&campaign%5Bname%5D=Welcome%20Offer")
    #expect(byGet == 200)
    #expect(again.value(atPath: "voucher.code") != publication.value(atPath: "voucher.code"), "a second, free code")
    let (voucherStatus, voucher) = try server.send("GET", "/v1/vouchers/\(code)")
    #expect(voucherStatus == 200)
    #expect(voucher.value(atPath: "holder_id") == publication["customer_id"])
    try expectValid(voucher, "VouchersGetResponseBody")
    // customer.created, then voucher.published and publication.succeeded for each of the two publications
    let arrived = server.sendouts
    let types = arrived.compactMap(\.eventType)
    #expect(types.filter { $0 == "customer.created" }.count == 1, "\(types)")
    #expect(types.filter { $0 == "publication.succeeded" }.count == 2, "\(types)")
    let published = try arrived.filter { $0.eventType == "publication.succeeded" }.map { try JSONParser.parse($0.body) }
    #expect(published.contains { $0.value(atPath: "data.publication.id") == publication["id"] })
  }

  @Test func aRedemptionAndItsRollbackAnswerPerTheSpecAndSendTheirWebhooks() throws {
    let server = try InProcessAPI.served()
    let (_, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"dave"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let redeem =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000},"customer":{"source_id":"dave"}}"#
    let (status, redeemed) = try server.send("POST", "/v1/redemptions", body: redeem)
    #expect(status == 200, "\(redeemed)")
    try expectValid(redeemed, "RedemptionsRedeemResponseBody")
    let redemption = try #require(redeemed["redemptions"]?.arrayValue?.first)
    let id = try #require(redemption["id"]?.stringValue)
    #expect(id.hasPrefix("r_"))
    #expect(redemption.value(atPath: "voucher.code")?.stringValue == code)
    #expect(redeemed.value(atPath: "order.amount") == 20000)

    let (getStatus, fetched) = try server.send("GET", "/v1/redemptions/\(id)")
    #expect(getStatus == 200 && fetched["id"]?.stringValue == id)
    let (rollbackStatus, rollback) = try server.send("POST", "/v1/redemptions/\(id)/rollback?reason=duplicate")
    #expect(rollbackStatus == 200, "\(rollback)")
    #expect(rollback["id"]?.stringValue?.hasPrefix("rr_") == true)
    try expectValid(rollback, "RedemptionsRollbackCreateResponseBody")

    let arrived = server.sendouts
    let bodies = try arrived.map { try JSONParser.parse($0.body) }
    #expect(
      bodies.contains {
        $0["type"] == "redemption.succeeded" && $0.value(atPath: "data.redemption.id")?.stringValue == id
      })
    #expect(bodies.contains { $0["type"] == "redemption.rollback.succeeded" })
  }

  @Test func anExhaustedCodeIsA400WithItsKeyAndAFailedRedemptionWebhook() throws {
    let server = try InProcessAPI.served()
    let (_, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"erin"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (_, disabled) = try server.send("POST", "/v1/vouchers/\(code)/disable")
    #expect(disabled["active"] == false)
    let redeem = #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":5000}}"#
    let (status, error) = try server.send("POST", "/v1/redemptions", body: redeem)
    #expect(status == 400)
    #expect(error["key"] == "voucher_disabled")
    #expect(error["details"]?.stringValue == code)
    let (missing, noAmount) = try server.send(
      "POST", "/v1/redemptions", body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}]}"#)
    #expect(missing == 400 && noAmount["key"] == "missing_amount")
    let arrived = server.sendouts
    #expect(arrived.contains { $0.eventType == "redemption.failed" }, "\(arrived.map(\.eventType))")
  }

  @Test func anOrderIsCreatedPaidAndReadPerTheSpec() throws {
    let server = try InProcessAPI.served()
    let (status, order) = try server.send(
      "POST", "/v1/orders", body: #"{"amount":15000,"customer":{"source_id":"frank"}}"#)
    #expect(status == 200, "\(order)")
    try expectValid(order, "OrdersCreateResponseBody")
    #expect(order["status"] == "CREATED" && order["amount"] == 15000)
    let id = try #require(order["id"]?.stringValue)
    let (paidStatus, paid) = try server.send("PUT", "/v1/orders/\(id)", body: #"{"status":"PAID"}"#)
    #expect(paidStatus == 200 && paid["status"] == "PAID", "\(paid)")
    try expectValid(paid, "OrdersUpdateResponseBody")
    let (getStatus, fetched) = try server.send("GET", "/v1/orders/\(id)")
    #expect(getStatus == 200 && fetched == paid)
    let (bad, error) = try server.send("PUT", "/v1/orders/\(id)", body: #"{"status":"SHIPPED"}"#)
    #expect(bad == 400 && error["key"] == "invalid_order")
    let (_, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"frank"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (notGift, refused) = try server.send("POST", "/v1/vouchers/\(code)/balance", body: #"{"amount":500}"#)
    #expect(notGift == 400 && refused["details"]?.stringValue?.contains("not a gift card") == true, "\(refused)")
  }

  @Test func aCustomerJoinsTheLoyaltyProgramAndEarnsPoints() throws {
    let server = try InProcessAPI.served()
    let (listed, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    #expect(listed == 200)
    try expectValid(campaigns, "CampaignsListResponseBody")
    let loyalty = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (joined, card) = try server.send(
      "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"gina"}}"#)
    #expect(joined == 200, "\(card)")
    try expectValid(card, "LoyaltiesMembersCreateResponseBody")
    let code = try #require(card["code"]?.stringValue)
    let (status, balance) = try server.send(
      "POST", "/v1/loyalties/\(loyalty)/members/\(code)/balance", body: #"{"points":250,"reason":"welcome"}"#)
    #expect(status == 200, "\(balance)")
    try expectValid(balance, "LoyaltiesMembersBalanceUpdateResponseBody")
    #expect(balance["points"] == 250)
    let (_, member) = try server.send("GET", "/v1/loyalties/members/\(code)")
    #expect(member.value(atPath: "loyalty_card.balance") == balance["balance"], "\(member)")
    let (again, same) = try server.send(
      "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"gina"}}"#)
    #expect(again == 200 && same["code"]?.stringValue == code, "a member keeps their card")
    let (tooMany, error) = try server.send(
      "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-100000}"#)
    #expect(tooMany == 400, "\(error)")
    let arrived = server.sendouts
    #expect(arrived.contains { $0.eventType == "voucher.loyalty_card.points_added" })
  }

  @Test func theSameSeedTimeAndCallsGiveTheSameBytes() throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try InProcessAPI.served(seed: 7)
      var answers: [JSON] = []
      answers.append(try server.send("POST", "/v1/customers", body: #"{"source_id":"c1"}"#).1)
      answers.append(try server.send("GET", "/v1/vouchers/nope").1)
      runs.append(answers)
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0][0]["id"]?.stringValue?.hasPrefix("cust_") == true)
  }
}

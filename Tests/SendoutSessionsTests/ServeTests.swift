import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `sendout serve` over real loopback HTTP: a running mock API, called as a client would, its answers checked
/// against the official REST spec's schemas and its webhooks against a real listener.
@Suite struct ServeTests {
  typealias Server = ServeServer

  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try ServeServer.expectValid(body, schema, sourceLocation: sourceLocation)
  }

  @Test func aCreatedCustomerIsAnsweredPerTheSpecAndSentAsASignedWebhook() async throws {
    let server = try await Server()
    let (status, customer) = try await server.call(
      "POST", "/v1/customers", body: #"{"source_id":"alice-1","name":"Alice","email":"alice@example.com"}"#)
    #expect(status == 200)
    try expectValid(customer, "CustomersCreateResponseBody")
    #expect(customer["source_id"] == "alice-1")
    let arrived = await server.listener.waitForRequests(count: 1, timeoutMilliseconds: 5_000)
    try await server.stop()
    #expect(arrived.map(\.eventType) == ["customer.created"])
    #expect(arrived.map(\.signature) == [.valid])
    let webhook = try JSONParser.parse(try #require(arrived.first).body)
    #expect(webhook.value(atPath: "data.customer.id") == customer["id"])
  }

  @Test func readsAnswerTheWorldsObjectsPerTheSpec() async throws {
    let server = try await Server()
    let (created, customer) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(created == 200)
    let (status, byID) = try await server.call("GET", "/v1/customers/\(customer["id"]?.stringValue ?? "")")
    #expect(status == 200)
    #expect(byID == customer)
    try expectValid(byID, "CustomersGetResponseBody")
    let (upsert, existing) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(upsert == 200 && existing["id"] == customer["id"], "the same source_id is the same customer")
    try await server.stop()
  }

  @Test func errorsAreVoucherifysBodies() async throws {
    let server = try await Server()
    let cases: [(String, String, String?, Bool, Int, String)] = [
      ("GET", "/v1/customers/nobody", nil, true, 404, "not_found"),
      ("GET", "/v1/vouchers/NO-SUCH-CODE", nil, true, 404, "not_found"),
      ("GET", "/v1/customers/nobody", nil, false, 401, "unauthorized"),
      ("GET", "/v1/products", nil, true, 501, "not_implemented"),
      ("PUT", "/v1/vouchers/X/enable", nil, true, 405, "method_not_allowed"),
      ("GET", "/v2/nothing", nil, true, 404, "not_found"),
      ("POST", "/v1/customers", "{bad", true, 400, "invalid_payload"),
      ("POST", "/v1/customers", #"{"source_id": 7}"#, true, 400, "invalid_customer"),
      ("POST", "/v1/events", #"{"event":"x"}"#, true, 400, "missing_customer"),
    ]
    for (method, path, body, keys, status, key) in cases {
      let (got, error) = try await server.call(method, path, body: body, keys: keys)
      #expect(got == status, "\(method) \(path)")
      #expect(error["key"]?.stringValue == key, "\(method) \(path): \(error)")
      #expect(error["code"]?.intValue == status)
      #expect(error["request_id"]?.stringValue?.hasPrefix("v-") == true)
      try expectValid(error, "Error")
    }
    try await server.stop()
  }

  @Test func aPublicationAnswersPerTheSpecAndSendsItsWebhooksWithTheSameIDs() async throws {
    let server = try await Server()
    let (status, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"carol"},"campaign":{"name":"Welcome Offer"}}"#)
    #expect(status == 200, "\(publication)")
    try expectValid(publication, "PublicationsCreateVoucherResponseBody")
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    #expect(code.hasPrefix("WELCOME-"))
    #expect(publication.value(atPath: "customer.source_id") == "carol", "an unknown source_id creates the customer")
    let (byGet, again) = try await server.call(
      "GET", "/v1/publications/create?customer%5Bsource_id%5D=carol&campaign%5Bname%5D=Welcome%20Offer")
    #expect(byGet == 200)
    #expect(again.value(atPath: "voucher.code") != publication.value(atPath: "voucher.code"), "a second, free code")
    let (voucherStatus, voucher) = try await server.call("GET", "/v1/vouchers/\(code)")
    #expect(voucherStatus == 200)
    #expect(voucher.value(atPath: "holder_id") == publication["customer_id"])
    try expectValid(voucher, "VouchersGetResponseBody")
    // customer.created, then voucher.published and publication.succeeded for each of the two publications
    _ = await server.webhooks(until: "publication.succeeded")
    let arrived = await server.listener.waitForRequests(count: 5, timeoutMilliseconds: 5_000)
    try await server.stop()
    let types = arrived.compactMap(\.eventType)
    #expect(types.filter { $0 == "customer.created" }.count == 1, "\(types)")
    #expect(types.filter { $0 == "publication.succeeded" }.count == 2, "\(types)")
    let published = try arrived.filter { $0.eventType == "publication.succeeded" }.map { try JSONParser.parse($0.body) }
    #expect(published.contains { $0.value(atPath: "data.publication.id") == publication["id"] })
  }

  @Test func aRedemptionAndItsRollbackAnswerPerTheSpecAndSendTheirWebhooks() async throws {
    let server = try await Server()
    let (_, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"dave"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let redeem =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000},"customer":{"source_id":"dave"}}"#
    let (status, redeemed) = try await server.call("POST", "/v1/redemptions", body: redeem)
    #expect(status == 200, "\(redeemed)")
    try expectValid(redeemed, "RedemptionsRedeemResponseBody")
    let redemption = try #require(redeemed["redemptions"]?.arrayValue?.first)
    let id = try #require(redemption["id"]?.stringValue)
    #expect(id.hasPrefix("r_"))
    #expect(redemption.value(atPath: "voucher.code")?.stringValue == code)
    #expect(redeemed.value(atPath: "order.amount") == 20000)

    let (getStatus, fetched) = try await server.call("GET", "/v1/redemptions/\(id)")
    #expect(getStatus == 200 && fetched["id"]?.stringValue == id)
    let (rollbackStatus, rollback) = try await server.call("POST", "/v1/redemptions/\(id)/rollback?reason=duplicate")
    #expect(rollbackStatus == 200, "\(rollback)")
    #expect(rollback["id"]?.stringValue?.hasPrefix("rr_") == true)
    try expectValid(rollback, "RedemptionsRollbackCreateResponseBody")

    let arrived = await server.webhooks(until: "redemption.rollback.succeeded")
    try await server.stop()
    let bodies = try arrived.map { try JSONParser.parse($0.body) }
    #expect(
      bodies.contains {
        $0["type"] == "redemption.succeeded" && $0.value(atPath: "data.redemption.id")?.stringValue == id
      })
    #expect(bodies.contains { $0["type"] == "redemption.rollback.succeeded" })
  }

  @Test func anExhaustedCodeIsA400WithItsKeyAndAFailedRedemptionWebhook() async throws {
    let server = try await Server()
    let (_, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"erin"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (_, disabled) = try await server.call("POST", "/v1/vouchers/\(code)/disable")
    #expect(disabled["active"] == false)
    let redeem = #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":5000}}"#
    let (status, error) = try await server.call("POST", "/v1/redemptions", body: redeem)
    #expect(status == 400)
    #expect(error["key"] == "voucher_disabled")
    #expect(error["details"]?.stringValue == code)
    let (missing, noAmount) = try await server.call(
      "POST", "/v1/redemptions", body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}]}"#)
    #expect(missing == 400 && noAmount["key"] == "missing_amount")
    let arrived = await server.webhooks(until: "redemption.failed")
    try await server.stop()
    #expect(arrived.contains { $0.eventType == "redemption.failed" }, "\(arrived.map(\.eventType))")
  }

  @Test func anOrderIsCreatedPaidAndReadPerTheSpec() async throws {
    let server = try await Server()
    let (status, order) = try await server.call(
      "POST", "/v1/orders", body: #"{"amount":15000,"customer":{"source_id":"frank"}}"#)
    #expect(status == 200, "\(order)")
    try expectValid(order, "OrdersCreateResponseBody")
    #expect(order["status"] == "CREATED" && order["amount"] == 15000)
    let id = try #require(order["id"]?.stringValue)
    let (paidStatus, paid) = try await server.call("PUT", "/v1/orders/\(id)", body: #"{"status":"PAID"}"#)
    #expect(paidStatus == 200 && paid["status"] == "PAID", "\(paid)")
    try expectValid(paid, "OrdersUpdateResponseBody")
    let (getStatus, fetched) = try await server.call("GET", "/v1/orders/\(id)")
    #expect(getStatus == 200 && fetched == paid)
    let (bad, error) = try await server.call("PUT", "/v1/orders/\(id)", body: #"{"status":"SHIPPED"}"#)
    #expect(bad == 400 && error["key"] == "invalid_order")
    let (_, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"frank"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (notGift, refused) = try await server.call("POST", "/v1/vouchers/\(code)/balance", body: #"{"amount":500}"#)
    #expect(notGift == 400 && refused["details"]?.stringValue?.contains("not a gift card") == true, "\(refused)")
    try await server.stop()
  }

  @Test func aCustomerJoinsTheLoyaltyProgramAndEarnsPoints() async throws {
    let server = try await Server()
    let (listed, campaigns) = try await server.call("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM&limit=1")
    #expect(listed == 200)
    try expectValid(campaigns, "CampaignsListResponseBody")
    let loyalty = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (joined, card) = try await server.call(
      "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"gina"}}"#)
    #expect(joined == 200, "\(card)")
    try expectValid(card, "LoyaltiesMembersCreateResponseBody")
    let code = try #require(card["code"]?.stringValue)
    let (status, balance) = try await server.call(
      "POST", "/v1/loyalties/\(loyalty)/members/\(code)/balance", body: #"{"points":250,"reason":"welcome"}"#)
    #expect(status == 200, "\(balance)")
    try expectValid(balance, "LoyaltiesMembersBalanceUpdateResponseBody")
    #expect(balance["points"] == 250)
    let (_, member) = try await server.call("GET", "/v1/loyalties/members/\(code)")
    #expect(member.value(atPath: "loyalty_card.balance") == balance["balance"], "\(member)")
    let (again, same) = try await server.call(
      "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"gina"}}"#)
    #expect(again == 200 && same["code"]?.stringValue == code, "a member keeps their card")
    let (tooMany, error) = try await server.call(
      "POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":-100000}"#)
    #expect(tooMany == 400, "\(error)")
    let arrived = await server.webhooks(until: "voucher.loyalty_card.points_added")
    try await server.stop()
    #expect(arrived.contains { $0.eventType == "voucher.loyalty_card.points_added" })
  }

  @Test func webhooksConfiguredThroughTheManagementAPIReceiveTheirEvents() async throws {
    let server = try await Server()
    let second = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "whsec"))
    try second.start()
    let (_, listed) = try await server.call("GET", "/management/v1/projects/nope/webhooks")
    #expect(listed["key"] == "not_found")
    let project = try #require(server.projectID)
    let base = "/management/v1/projects/\(project)/webhooks"
    let (created, webhook) = try await server.call(
      "POST", base, body: #"{"target_url":"\#(second.baseURL)/hooks","events":["customer.created"]}"#)
    #expect(created == 200, "\(webhook)")
    try expectValid(webhook, "ManagementProjectsWebhooksCreateResponseBody")
    let id = try #require(webhook["id"]?.stringValue)
    let (listStatus, list) = try await server.call("GET", base)
    #expect(listStatus == 200 && list["total"] == 2)
    try expectValid(list, "ManagementProjectsWebhooksListResponseBody")
    _ = try await server.call("POST", "/v1/customers", body: #"{"source_id":"hank"}"#)
    let got = await second.waitForRequests(count: 1, timeoutMilliseconds: 5_000)
    #expect(got.map(\.eventType) == ["customer.created"])
    #expect(got.map(\.signature) == [.valid])
    let (updated, off) = try await server.call("PUT", "\(base)/\(id)", body: #"{"active":false}"#)
    #expect(updated == 200 && off["active"] == false)
    let (bad, unknown) = try await server.call("POST", base, body: #"{"target_url":"http://x/","events":["nope"]}"#)
    #expect(bad == 400 && unknown["details"]?.stringValue?.contains("'nope'") == true)
    let (deleted, _) = try await server.call("DELETE", "\(base)/\(id)")
    #expect(deleted == 204)
    let (gone, _) = try await server.call("GET", "\(base)/\(id)")
    #expect(gone == 404)
    try await server.stop()
    second.stop()
  }

  @Test func theSimulatedClockMovesOnlyWhenAskedAndRunsWhatFallsDue() async throws {
    let server = try await Server()
    let (_, clock) = try await server.call("GET", "/_sendout/clock")
    #expect(clock["now"] == "2024-03-13T13:45:00.000Z" && clock["simulated"] == true)
    let (_, campaigns) = try await server.call("GET", "/v1/campaigns?campaign_type=LOYALTY_PROGRAM")
    let loyalty = try #require(campaigns["campaigns"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, card) = try await server.call(
      "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"ivy"}}"#)
    let code = try #require(card["code"]?.stringValue)
    _ = try await server.call("POST", "/v1/loyalties/members/\(code)/balance", body: #"{"points":300}"#)
    let (_, later) = try await server.call("GET", "/_sendout/clock")
    #expect(later["now"] == clock["now"], "calls do not move a simulated clock")
    let (moved, advanced) = try await server.call("POST", "/_sendout/clock", body: #"{"advance":"400d"}"#)
    #expect(moved == 200 && advanced["now"] == "2025-04-17T13:45:00.000Z", "\(advanced)")
    #expect((advanced["events"]?.intValue ?? 0) > 0, "the points' bucket expired on the way")
    let (_, member) = try await server.call("GET", "/v1/loyalties/members/\(code)")
    #expect(member.value(atPath: "loyalty_card.balance") == 0, "\(member)")
    let (back, error) = try await server.call("POST", "/_sendout/clock", body: #"{"to":"2024-01-01T00:00:00.000Z"}"#)
    #expect(back == 400 && error["key"] == "invalid_payload")
    let arrived = await server.webhooks(until: "voucher.loyalty_card.points_expired")
    try await server.stop()
    #expect(arrived.contains { $0.eventType == "voucher.loyalty_card.points_expired" })

    let wall = try await Server(at: nil)
    let (refused, wallError) = try await wall.call("POST", "/_sendout/clock", body: #"{"advance":"1d"}"#)
    #expect(refused == 409 && wallError["key"] == "clock_not_simulated")
    try await wall.stop()
  }

  @Test func theAdminEndpointsListTheSendoutsAndResetTheWorld() async throws {
    let server = try await Server()
    let (_, customer) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"jack"}"#)
    _ = await server.webhooks(until: "customer.created")
    var listed = JSON.null
    for _ in 0..<200 {  // the delivery's record is written right after the webhook is answered
      listed = try await server.call("GET", "/_sendout/sendouts?status=SUCCESS").1
      if listed["total"] == 1 { break }
      try await Task.sleep(nanoseconds: 5_000_000)
    }
    #expect(listed["total"] == 1, "\(listed)")
    let row = try #require(listed["sendouts"]?.arrayValue?.first)
    #expect(row["event_type"] == "customer.created" && row["attempts"] == 1)
    #expect(try JSONParser.parse(row["body"]?.stringValue ?? "").value(atPath: "data.customer.id") == customer["id"])
    let (badStatus, _) = try await server.call("GET", "/_sendout/sendouts?status=DONE")
    #expect(badStatus == 400)
    let (unauthorized, _) = try await server.call("POST", "/_sendout/reset", keys: false)
    #expect(unauthorized == 401)
    let (reset, _) = try await server.call("POST", "/_sendout/reset")
    #expect(reset == 200)
    let (gone, _) = try await server.call("GET", "/v1/customers/jack")
    #expect(gone == 404, "the world is the initial one again")
    try await server.stop()
  }

  @Test func theSameSeedTimeAndCallsGiveTheSameBytes() async throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try await Server(seed: 7)
      var answers: [JSON] = []
      answers.append(try await server.call("POST", "/v1/customers", body: #"{"source_id":"c1"}"#).1)
      answers.append(try await server.call("GET", "/v1/vouchers/nope").1)
      try await server.stop()
      runs.append(answers)
    }
    #expect(runs[0] == runs[1])
    #expect(runs[0][0]["id"]?.stringValue?.hasPrefix("cust_") == true)
  }
}

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
}

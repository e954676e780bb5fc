import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// The dashboard mounted at `/_sendout/` of `sendout serve`: the world tabs' JSON, the sendouts of serve's audit
/// log, no keys needed, and serve's own `/_sendout/` endpoints untouched.
@Suite struct ServeDashboardTests {
  @Test func theWorldTabsListCustomersVouchersAndCampaignsNewestFirst() async throws {
    let server = try await ServeServer()
    let (created, _) = try await server.call(
      "POST", "/v1/customers", body: #"{"source_id":"dash-1","name":"Dash <b>One</b>","email":"d@example.com"}"#)
    #expect(created == 200)
    let (status, customers) = try await server.call("GET", "/_sendout/api/world/customers?limit=2", keys: false)
    #expect(status == 200)
    #expect(customers["items"]?.arrayValue?.first?["source_id"] == "dash-1", "newest first")
    #expect(customers["items"]?.arrayValue?.first?["name"] == "Dash <b>One</b>", "JSON carries the text as is")
    #expect(customers["items"]?.arrayValue?.count == 2)
    #expect((customers["total"]?.intValue ?? 0) > 2)
    #expect(customers["pages"]?.intValue == ((customers["total"]?.intValue ?? 0) + 1) / 2)
    let (_, found) = try await server.call("GET", "/_sendout/api/world/customers?q=DASH-1", keys: false)
    #expect(found["total"] == 1)
    let (_, vouchers) = try await server.call("GET", "/_sendout/api/world/vouchers", keys: false)
    let voucher = try #require(vouchers["items"]?.arrayValue?.first)
    #expect(voucher.objectValue?.keys.contains("redeemed_quantity") == true)
    #expect(voucher.objectValue?.keys.contains("gift_balance") == true)
    let (_, campaigns) = try await server.call("GET", "/_sendout/api/world/campaigns", keys: false)
    #expect((campaigns["total"]?.intValue ?? 0) > 0)
    let (unknown, _) = try await server.call("GET", "/_sendout/api/world/orders", keys: false)
    #expect(unknown == 404)
    let (badPage, _) = try await server.call("GET", "/_sendout/api/world/customers?page=0", keys: false)
    #expect(badPage == 400)
    try await server.stop()
  }

  @Test func theSendoutsOfServesAuditLogShowWithoutKeysAndServesOwnEndpointsStay() async throws {
    let server = try await ServeServer()
    _ = try await server.call("POST", "/v1/customers", body: #"{"source_id":"dash-2"}"#)
    var rows: [JSON] = []
    for _ in 0..<500 {
      let (_, list) = try await server.call("GET", "/_sendout/api/sendouts", keys: false)
      rows = list["sendouts"]?.arrayValue ?? []
      if rows.contains(where: { $0["status"] == "SUCCESS" }) { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    #expect(rows.first?["event_type"] == "customer.created")
    let (info, body) = try await server.call("GET", "/_sendout/api/info", keys: false)
    #expect(info == 200 && body["world"] == true)
    let (clock, _) = try await server.call("GET", "/_sendout/clock")
    #expect(clock == 200)
    let (legacy, listed) = try await server.call("GET", "/_sendout/sendouts")
    #expect(legacy == 200 && listed["total"] == 1)
    let (apiStill, _) = try await server.call("GET", "/v1/customers/nobody", keys: false)
    #expect(apiStill == 401, "the API still wants its keys")
    #expect(server.events.all.contains { if case .dashboardServing = $0 { true } else { false } })
    try await server.stop()
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// `sendout serve` without `--to`: its built-in listener receives the webhooks and shows them on its live Arrivals
/// page (`listen --ui`'s), whose JSON lists the webhook a call caused, signature valid.
@Suite struct ServeArrivalsTests {
  @Test func theBuiltInListenersArrivalsPageShowsTheWebhooksACallCaused() async throws {
    var configuration = ServeSession.Configuration()
    configuration.at = Timestamp(iso8601: "2024-03-13T13:45:00.000Z")
    configuration.appID = "app"
    configuration.appToken = "token"
    configuration.delivery = DeliverySettings(
      policy: try RetryPolicy(schedule: .none),
      auditPath: NSTemporaryDirectory() + "sendout-serve-arrivals-\(UUID().uuidString).jsonl")
    let api = ReadySignal()
    let arrivals = ReadySignal()
    let served = configuration
    let task = Task {
      defer {
        api.resolve(nil)
        arrivals.resolve(nil)
      }
      return try await ServeSession.run(served) { event in
        if case .serving(let info) = event { api.resolve(info.url) }
        if case .arrivalsServing(let url) = event { arrivals.resolve(url) }
      }
    }
    let apiURL = try #require(await api.value())
    let page = try #require(await arrivals.value())
    let created = try await ServeServer.exchange(
      "POST", apiURL + "/v1/customers",
      headers: [HTTPHeader("X-App-Id", "app"), HTTPHeader("X-App-Token", "token")],
      body: Array(#"{"source_id":"arrival"}"#.utf8))
    #expect(created.status == 200)
    let customerID = try JSONParser.parse(created.body)["id"]
    var listed: JSON = .null
    for _ in 0..<400 {
      let answer = try await ServeServer.exchange("GET", page + "api/arrivals", headers: [], body: [])
      listed = try JSONParser.parse(answer.body)
      if listed["arrivals"]?.arrayValue?.isEmpty == false { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    let first = try #require(listed["arrivals"]?.arrayValue?.first)
    #expect(first["event_type"] == "customer.created")
    #expect(first["signature"] == "valid")
    let html = try await ServeServer.exchange("GET", page, headers: [], body: [])
    #expect(html.status == 200 && String(decoding: html.body, as: UTF8.self).contains("<table"))
    #expect(customerID != nil)
    let rebound = try DashboardClient(url: page).get("/_sendout/api/arrivals", headers: ["host": "evil.example"])
    #expect(rebound.status == 403, "the Arrivals page of serve's listener refuses a foreign Host too")
    task.cancel()
    _ = try await task.value
  }
}

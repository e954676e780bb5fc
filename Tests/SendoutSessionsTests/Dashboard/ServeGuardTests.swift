import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// What keeps `sendout serve`'s own pages and endpoints to this machine and its keys: every page and JSON endpoint
/// under `/_sendout/` refuses a foreign `Host` (DNS rebinding: they show webhook bodies with customers' emails),
/// while the API answers SDKs under any loopback name; and every `POST` under `/_sendout/` needs the app keys,
/// the dashboard's Retry included.
@Suite struct ServeGuardTests {
  static let keys = ["x-app-id": "app", "x-app-token": "token"]

  @Test func everyPageAndEndpointUnderSendoutRefusesAForeignHostAndTheAPIAnswersEveryLoopbackName() async throws {
    let server = try await ServeServer()
    let client = DashboardClient(url: server.url)
    let port = client.port
    let paths = [
      "/_sendout/sendouts", "/_sendout/delivery", "/_sendout/clock", "/_sendout/", "/_sendout/api/info",
      "/_sendout/api/sendouts", "/_sendout/api/world/customers", "/_sendout/assets/dashboard.js",
    ]
    for path in paths {
      for host in ["evil.example:\(port)", "127.0.0.1.evil.example:\(port)"] {
        let refused = try client.get(path, headers: Self.keys.merging(["host": host]) { $1 })
        #expect(refused.status == 403, "\(path) for Host \(host)")
        #expect(refused.json["key"] == "forbidden_host", "\(path): \(refused.text)")
      }
      for host in ["localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
        #expect(
          try client.get(path, headers: Self.keys.merging(["host": host]) { $1 }).status == 200, "\(path) \(host)")
      }
    }
    for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"] {
      let listed = try client.get("/v1/customers", headers: Self.keys.merging(["host": host]) { $1 })
      #expect(listed.status == 200, "the API under Host \(host)")
    }
    try await server.stop()
  }

  @Test func everyPostUnderSendoutNeedsTheAppKeysTheDashboardsRetryIncluded() async throws {
    let server = try await ServeServer()
    let client = DashboardClient(url: server.url)
    _ = try await server.call("POST", "/v1/customers", body: #"{"source_id":"guard-1"}"#)
    var id: String?
    for _ in 0..<500 {
      id = try client.get("/_sendout/api/sendouts").json["sendouts"]?.arrayValue?.first?["sendout_id"]?.stringValue
      if id != nil { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    let sendoutID = try #require(id)
    let sameOrigin = ["origin": "http://127.0.0.1:\(client.port)", "sec-fetch-site": "same-origin"]
    let posts = [
      "/_sendout/api/sendouts/\(sendoutID)/retry", "/_sendout/clock", "/_sendout/delivery/pause",
      "/_sendout/delivery/resume", "/_sendout/scenario", "/_sendout/reset",
    ]
    for path in posts {
      for keys in [[:], ["x-app-id": "app", "x-app-token": "wrong"]] {
        let refused = try client.post(path, headers: sameOrigin.merging(keys) { $1 })
        #expect(refused.status == 401, "\(path) with \(keys.keys.sorted())")
        #expect(refused.json["key"] == "unauthorized", "\(path): \(refused.text)")
      }
    }
    let retried = try client.post(
      "/_sendout/api/sendouts/\(sendoutID)/retry", headers: sameOrigin.merging(Self.keys) { $1 })
    #expect(retried.status == 202, "\(retried.text)")
    let crossSite = try client.post(
      "/_sendout/api/sendouts/\(sendoutID)/retry", headers: Self.keys.merging(["origin": "http://evil.example"]) { $1 })
    #expect(crossSite.status == 403, "keys do not lift the same-origin check")
    try await server.stop()
  }
}

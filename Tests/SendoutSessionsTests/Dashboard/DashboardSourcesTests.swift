import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

@testable import SendoutSessions

/// Issue 21, item 9: the dashboard lists sources with their state and resumes a paused one; serve's page lists its
/// API calls, each linked to the sendouts it caused and back; the new views never make markup of untrusted text.
@Suite(.timeLimit(.minutes(1))) struct DashboardSourcesTests {
  typealias Server = DashboardServer

  static func sameOrigin(_ port: Int) -> [String: String] {
    ["origin": "http://127.0.0.1:\(port)", "sec-fetch-site": "same-origin"]
  }

  @Test func sourcesShowTheirStateAndResumeResendsWhatPausedThem() async throws {
    let receiver = WebhookListener(configuration: ListenerConfiguration(port: 0))
    try receiver.start()
    defer { receiver.stop() }
    let server = try await Server()
    var distribution = Server.record(
      "whs_d", .failed, source: "distr_1", target: "http://127.0.0.1:9/d", httpStatus: 500)
    distribution.sourceObject = .distribution
    try server.append([
      Server.record("whs_ok", .success, source: "wh_live"),
      Server.record("whs_f", .failed, source: "wh_project", target: receiver.baseURL + "/<b>hook</b>", httpStatus: 500),
      distribution,
    ])
    let list = try server.client.get("/_sendout/api/sources").json
    let sources = list["sources"]?.arrayValue ?? []
    #expect(sources.map { $0["state"]?.stringValue ?? "" } == ["live", "disabled", "paused"])
    #expect(sources[1]["paused_by"] == "whs_f")
    #expect(sources[1]["target_url"]?.stringValue == receiver.baseURL + "/<b>hook</b>", "JSON, text as is")
    let resumed = try server.client.post(
      "/_sendout/api/sources/wh_project/resume", headers: Self.sameOrigin(server.client.port))
    #expect(resumed.status == 202)
    #expect(resumed.json["resending"] == "whs_f")
    #expect(await receiver.waitForRequests(count: 1, timeoutMilliseconds: 5_000).count == 1)
    var state = JSON.null
    for _ in 0..<500 {
      state = try server.client.get("/_sendout/api/sources").json["sources"]?.arrayValue?[1]["state"] ?? .null
      if state == "live" { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    #expect(state == "live", "a SUCCESS at the target sets it live")
    let unknown = try server.client.post(
      "/_sendout/api/sources/wh_live/resume", headers: Self.sameOrigin(server.client.port))
    #expect(unknown.status == 404)
    #expect(try server.client.post("/_sendout/api/sources", headers: Self.sameOrigin(server.client.port)).status == 405)
    try await server.stop()
  }

  @Test func serveListsEachAPICallWithTheSendoutsItCausedAndBack() async throws {
    let server = try await ServeServer()
    let (created, _) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"calls-1"}"#)
    #expect(created == 200)
    _ = try await server.call("GET", "/_sendout/clock")
    let (status, list) = try await server.call("GET", "/_sendout/api/calls", keys: false)
    #expect(status == 200)
    #expect(list["bound"]?.intValue == APICallLog.bound)
    let calls = list["calls"]?.arrayValue ?? []
    #expect(calls.count == 1, "the page's own reads under /_sendout/ are not calls")
    let call = try #require(calls.first)
    #expect(call["method"] == "POST" && call["path"] == "/v1/customers" && call["status"] == 200)
    let sendout = try #require(call["sendout_ids"]?.arrayValue?.first?.stringValue)
    var detail = JSON.null
    for _ in 0..<500 {
      let (found, body) = try await server.call("GET", "/_sendout/api/sendouts/\(sendout)", keys: false)
      detail = body
      if found == 200 { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    #expect(detail["call"]?["number"] == call["number"], "the sendout links back to its call")
    let (refused, _) = try await server.call("POST", "/_sendout/api/sources/wh_nope/resume", keys: false)
    #expect(refused == 401, "Resume in serve takes the app keys, as every POST under /_sendout/")
    let (notPaused, _) = try await server.call("POST", "/_sendout/api/sources/wh_nope/resume")
    #expect(notPaused == 404)
    try await server.stop()
    let dashboard = try await Server()
    #expect(try dashboard.client.get("/_sendout/api/calls").status == 404, "sendout dashboard has no API calls")
    try await dashboard.stop()
  }

  @Test func theCallLogKeepsItsBoundAndForgetsWhatDropped() {
    let log = APICallLog()
    let at = Timestamp(milliseconds: 0)
    for n in 1...(APICallLog.bound + 5) {
      log.record(at: at, method: "POST", path: "/v1/x", status: 200, sendoutIDs: ["whs_\(n)"])
    }
    log.record(at: at, method: "GET", path: "/_sendout/delivery", status: 200, sendoutIDs: [])
    let (entries, total) = log.recent
    #expect(entries.count == APICallLog.bound && total == APICallLog.bound + 5)
    #expect(entries.first?.number == APICallLog.bound + 5, "newest first")
    let newest = Array((6...(APICallLog.bound + 5)).reversed())
    #expect(entries.map(\.number) == newest, "the newest, in order, once the ring wraps")
    #expect(log.call(causing: "whs_1") == nil && log.call(causing: "whs_5") == nil)
    #expect(log.call(causing: "whs_6")?.number == 6)
    #expect(log.call(causing: "whs_\(APICallLog.bound + 5)")?.number == APICallLog.bound + 5)
  }

  @Test func theNewViewsEscapeUntrustedTextAndNeverWriteMarkup() {
    let page = DashboardPage(auditPath: "a<img src=x onerror=alert(1)>.jsonl", worldTabs: true, serve: true).html
    #expect(!page.contains("<img src=x"))
    #expect(page.contains("id=\"tab-calls\"") && page.contains("id=\"clock-advance\""))
    #expect(page.contains("The last \(APICallLog.bound) API calls"))
    let scripts = [
      DashboardPage.script, DashboardPage.detailScript, DashboardPage.sourcesScript, DashboardPage.serveScript,
      ArrivalsPage.script,
    ]
    for script in scripts {
      for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
        #expect(!script.contains(sink), "untrusted text reaches the page through textContent only: \(sink)")
      }
    }
  }
}

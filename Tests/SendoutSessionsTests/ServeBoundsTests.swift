import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// One authenticated call must stay bounded work (code generation sizes: CodeGenerationBoundsTests): the simulated
/// clock stops where the journal and the audit log can still write the time (9999-12-31T23:59:59.999Z).
@Suite(.timeLimit(.minutes(1))) struct ServeBoundsTests {
  /// Moved past 9999 the clock wrote five-digit years that neither the journal nor the audit log reads back, and
  /// `serve --state` no longer started; now the move is a 400 and a restart replays every call.
  @Test func theClockStopsAtTheLastWritableTime() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-clock-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(at: "9999-12-30T00:00:00.000Z", state: state)
    for body in [#"{"advance":"2d"}"#, #"{"advance":"36500d"}"#, #"{"to":"10000-01-01T00:00:00Z"}"#] {
      let (status, error) = try await server.call("POST", "/_sendout/clock", body: body)
      #expect(status == 400 && error["key"] == "invalid_payload", "\(body): \(error)")
      #expect(error["details"]?.stringValue?.contains("9999-12-31T23:59:59.999Z") == true, "\(error)")
    }
    let (moved, clock) = try await server.call("POST", "/_sendout/clock", body: #"{"advance":"1d"}"#)
    #expect(moved == 200 && clock["now"] == "9999-12-31T00:00:00.000Z")
    let (last, end) = try await server.call("POST", "/_sendout/clock", body: #"{"to":"9999-12-31T23:59:59.999Z"}"#)
    #expect(last == 200 && end["now"] == "9999-12-31T23:59:59.999Z")
    // 50 codes tick the world's clock on past the last millisecond: it stays there.
    let (created, campaign) = try await server.call(
      "POST", "/v1/campaigns", body: #"{"name":"Late","campaign_type":"DISCOUNT_COUPONS","vouchers_count":50}"#)
    #expect(created == 200, "\(campaign)")
    let createdAt = campaign["created_at"]?.stringValue ?? ""
    #expect(Timestamp(iso8601: createdAt) != nil, "a time every reader parses: \(createdAt)")
    try await server.stop()

    let again = try await ServeServer(at: "9999-12-30T00:00:00.000Z", state: state)
    let (found, replayed) = try await again.call("GET", "/v1/campaigns/Late")
    #expect(found == 200 && replayed["id"] == campaign["id"], "\(replayed)")
    try await again.stop()
  }

  /// A webhook aimed at serve itself, with the app keys in its headers, created about 29,000 customers in 10 s:
  /// every delivery called the API, whose events sent more deliveries. Every alias of the bound address is refused.
  @Test func aWebhookAimedAtTheServerItselfIsRefused() async throws {
    let server = try await ServeServer()
    let port = try ServeBoundsTests.port(server)
    let project = try #require(server.projectID)
    let base = "/management/v1/projects/\(project)/webhooks"
    for host in ["127.0.0.1", "localhost", "LOCALHOST.", "127.1", "[::1]", "0.0.0.0", "[::ffff:127.0.0.1]"] {
      let body = #"{"target_url":"http://\#(host):\#(port)/v1/customers"}"#
      let (status, error) = try await server.call("POST", base, body: body)
      #expect(status == 400 && error["key"] == "invalid_payload", "\(host): \(error)")
      #expect(error["details"]?.stringValue?.contains("itself") == true, "\(error)")
    }
    let (created, webhook) = try await server.call(
      "POST", base, body: #"{"target_url":"http://127.0.0.1:\#(port == 9 ? 10 : 9)/elsewhere"}"#)
    #expect(created == 200, "another port is another server: \(webhook)")
    let id = try #require(webhook["id"]?.stringValue)
    let (moved, error) = try await server.call(
      "PUT", "\(base)/\(id)", body: #"{"target_url":"http://localhost:\#(port)/"}"#)
    #expect(moved == 400 && error["details"]?.stringValue?.contains("itself") == true, "\(error)")
    try await server.stop()
  }

  /// A scenario whose webhook targets the server's own `--port` is refused at start (as `POST /_sendout/scenario`
  /// refuses it later), a usage error rather than a server that feeds itself.
  @Test func aScenarioWebhookAimedAtTheServerItselfIsAUsageError() async throws {
    let probe = HTTPServer(configuration: HTTPServerConfiguration(port: 0), handler: Self.idle)
    let port = try probe.start()
    probe.stop()
    let path = NSTemporaryDirectory() + "sendout-serve-self-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let scenario = #"{"version":1,"project":{"webhooks":[{"target_url":"http://localhost:\#(port)/loop"}]}}"#
    try scenario.write(toFile: path, atomically: true, encoding: .utf8)
    var configuration = ServeSession.Configuration()
    configuration.port = port
    configuration.scenarioPath = path
    configuration.delivery = DeliverySettings(
      auditPath: NSTemporaryDirectory() + "sendout-serve-\(UUID().uuidString).jsonl")
    do {
      _ = try await ServeSession.run(configuration) { _ in }
      Issue.record("a scenario webhook at the server itself was served")
    } catch {
      #expect(error.message.contains("itself") && error.message.contains("localhost:\(port)"), "\(error.message)")
    }
  }

  final class Idle: HTTPHandler {
    func reply(to request: HTTPMessage) -> HTTPReply { HTTPReply(status: 200) }
  }
  static let idle = Idle()

  static func port(_ server: ServeServer) throws -> Int {
    try #require(Int(server.url.split(separator: ":").last ?? ""))
  }
}

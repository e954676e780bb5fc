import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Testing

/// `sendout serve --scenario FILE`: the scenario's world, project webhooks (event filters, headers) and
/// distributions are served, its steps' webhooks sent first; `POST /_sendout/reset` comes back to the world after
/// the steps; `POST /_sendout/scenario` loads another; a `--state` file replays over the same scenario only.
@Suite(.timeLimit(.minutes(1))) struct ServeScenarioTests {
  static let scenario = #"""
    {
      "version": 1, "name": "Serve test", "seed": 7, "start": "2024-03-13T13:00:00.000Z",
      "project": {
        "secret": "scenario-secret",
        "webhooks": [
          {"id": "wh_pubs", "events": ["voucher.published", "redemption.succeeded"], "headers": {"x-scenario": "serve"}},
          {"id": "wh_off", "active": false}
        ]
      },
      "distributions": [
        {"name": "Receipt", "id": "distr_receipt", "trigger": "customer.redemption.succeeded",
         "purpose": "plain_message", "event_name": "receipt", "template": {"customer_id": "{{customer.id}}"}}
      ],
      "world": {
        "customers": [{"key": "alice", "name": "Alice Morgan", "email": "alice@example.com"}],
        "campaigns": [
          {"key": "spring", "name": "Spring Discounts", "type": "DISCOUNT_COUPONS",
           "code_config": {"prefix": "SPRING-", "pattern": "###", "charset": "numbers"},
           "discount": {"type": "PERCENT", "percent_off": 10}, "vouchers_count": 5}
        ]
      },
      "steps": [{"name": "pub", "publish": {"campaign": "spring", "customer": "alice"}}]
    }
    """#

  static func file(_ text: String = scenario) throws -> String {
    let path = NSTemporaryDirectory() + "sendout-serve-scenario-\(UUID().uuidString).json"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// The published voucher's code and its holder, from the step's `voucher.published` webhook.
  static func published(_ server: ServeServer) async throws -> (
    code: String, customer: String, webhook: ReceivedWebhook
  ) {
    let arrived = await server.webhooks(until: "voucher.published")
    let webhook = try #require(arrived.first { $0.eventType == "voucher.published" })
    let body = try JSONParser.parse(webhook.body)
    return (
      try #require(body.value(atPath: "data.voucher.code")?.stringValue),
      try #require(body.value(atPath: "data.customer.id")?.stringValue), webhook
    )
  }

  @Test func theScenariosWorldWebhooksAndDistributionsAreServedAfterItsSteps() async throws {
    let path = try Self.file()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let server = try await ServeServer(scenario: path)
    let (code, customer, stepWebhook) = try await Self.published(server)
    let stepBody = try JSONParser.parse(stepWebhook.body)
    #expect(stepBody.value(atPath: "source.id")?.stringValue == "wh_pubs", "the scenario's webhook id")
    #expect(stepWebhook.headers.contains { $0.name == "x-scenario" && $0.value == "serve" }, "its custom header")
    #expect(stepWebhook.signature == .valid)

    let (campaigns, list) = try await server.call("GET", "/v1/campaigns")
    #expect(campaigns == 200)
    let names = list["campaigns"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
    #expect(names == ["Spring Discounts"], "the scenario's world, not the sample one: \(names)")
    let (voucherStatus, voucher) = try await server.call("GET", "/v1/vouchers/\(code)")
    #expect(voucherStatus == 200 && voucher["holder_id"]?.stringValue == customer, "the step's publication")
    let (created, _) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(created == 200)

    let redeem =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":20000},"customer":{"id":"\#(customer)"}}"#
    let (redeemed, answer) = try await server.call("POST", "/v1/redemptions", body: redeem)
    #expect(redeemed == 200, "\(answer)")
    let arrived = await server.webhooks(until: "customer.redemption.succeeded")
    try await server.stop()
    let bodies = try arrived.map { try JSONParser.parse($0.body) }
    let sources = bodies.map {
      "\($0.value(atPath: "event.type")?.stringValue ?? "?")@\($0.value(atPath: "source.id")?.stringValue ?? "?")"
    }
    #expect(sources.contains("redemption.succeeded@wh_pubs"), "\(sources)")
    #expect(sources.contains("customer.redemption.succeeded@distr_receipt"), "the distribution is routed: \(sources)")
    #expect(!arrived.contains { $0.eventType == "customer.created" }, "wh_pubs is not subscribed to it: \(sources)")
    #expect(!sources.contains { $0.hasSuffix("@wh_off") }, "the inactive webhook sends nothing: \(sources)")
    let receipt = try #require(bodies.first { $0.value(atPath: "source.id")?.stringValue == "distr_receipt" })
    #expect(receipt.value(atPath: "data.customer_id")?.stringValue == customer, "the designed payload: \(receipt)")
  }

  @Test func resetComesBackToTheWorldAfterTheSteps() async throws {
    let path = try Self.file()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let server = try await ServeServer(scenario: path)
    let (code, customer, _) = try await Self.published(server)
    _ = try await server.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    #expect(try await server.call("GET", "/v1/customers/bob").0 == 200)
    let (reset, _) = try await server.call("POST", "/_sendout/reset")
    #expect(reset == 200)
    #expect(try await server.call("GET", "/v1/customers/bob").0 == 404, "bob came after the steps")
    let (_, voucher) = try await server.call("GET", "/v1/vouchers/\(code)")
    #expect(voucher["holder_id"]?.stringValue == customer, "the step's publication is part of the initial world")
    try await server.stop()
  }

  @Test func anAdminCallLoadsAnotherScenarioAndABadOneIsA400NamingTheField() async throws {
    let server = try await ServeServer()
    let (status, loaded) = try await server.call("POST", "/_sendout/scenario", body: Self.scenario)
    #expect(status == 200, "\(loaded)")
    #expect(loaded["name"]?.stringValue == "Serve test")
    #expect(loaded["sendouts"]?.intValue == 1, "the step's voucher.published: \(loaded)")
    let (code, _, _) = try await Self.published(server)
    #expect(code.hasPrefix("SPRING-"))
    let (_, list) = try await server.call("GET", "/v1/campaigns")
    #expect(list["campaigns"]?.arrayValue?.count == 1, "the loaded world replaced the sample one")
    let project = try #require(loaded["project_id"]?.stringValue)
    let (_, webhooks) = try await server.call("GET", "/management/v1/projects/\(project)/webhooks")
    #expect(webhooks.compactString.contains("wh_pubs"), "\(webhooks)")

    let (syntax, error) = try await server.call("POST", "/_sendout/scenario", body: "{\n  \"version\": 1,\n  oops\n}")
    #expect(syntax == 400)
    #expect(error["key"]?.stringValue == "invalid_scenario")
    #expect(error["details"]?.stringValue?.contains("request body:3:") == true, "line:column: \(error)")
    let bad = Self.scenario.replacingOccurrences(of: #""percent_off": 10"#, with: #""percent_off": "ten""#)
    let (field, fieldError) = try await server.call("POST", "/_sendout/scenario", body: bad)
    #expect(field == 400)
    #expect(fieldError["details"]?.stringValue?.contains("percent_off") == true, "the field path: \(fieldError)")
    let (_, still) = try await server.call("GET", "/v1/campaigns")
    #expect(still["campaigns"]?.arrayValue?.count == 1, "a rejected scenario changes nothing")
    let (unauthorized, _) = try await server.call("POST", "/_sendout/scenario", body: Self.scenario, keys: false)
    #expect(unauthorized == 401)
    try await server.stop()
  }

  /// A scenario sent over HTTP carries literal values: `${HOME}` is not read from the server's environment (a caller
  /// with the app keys must not read it, and a replay of the journal must not depend on it); a default is used.
  @Test func aScenarioSentOverHTTPDoesNotReadTheServersEnvironment() async throws {
    let server = try await ServeServer()
    let home = try #require(ProcessInfo.processInfo.environment["HOME"])
    let named = Self.scenario.replacingOccurrences(of: #""name": "Serve test""#, with: #""name": "${HOME}""#)
    let (status, error) = try await server.call("POST", "/_sendout/scenario", body: named)
    #expect(status == 400)
    let details = try #require(error["details"]?.stringValue)
    #expect(details.contains("${HOME} is not expanded here: a scenario sent over HTTP carries literal values"))
    #expect(!details.contains(home))
    let defaulted = Self.scenario.replacingOccurrences(
      of: #""name": "Serve test""#, with: #""name": "${HOME:-from the default}""#)
    let (loaded, answer) = try await server.call("POST", "/_sendout/scenario", body: defaulted)
    #expect(loaded == 200)
    #expect(answer["name"] == "from the default", "not \(home): \(answer)")
    try await server.stop()
  }

  @Test func aStateFileReplaysOverTheSameScenarioAndRefusesAnother() async throws {
    let path = try Self.file()
    let other = try Self.file(Self.scenario.replacingOccurrences(of: #""seed": 7"#, with: #""seed": 8"#))
    let state = NSTemporaryDirectory() + "sendout-serve-scenario-state-\(UUID().uuidString).jsonl"
    defer {
      for file in [path, other, state] { try? FileManager.default.removeItem(atPath: file) }
    }
    let first = try await ServeServer(scenario: path, state: state)
    _ = try await first.call("POST", "/v1/customers", body: #"{"source_id":"bob"}"#)
    let (_, bob) = try await first.call("GET", "/v1/customers/bob")
    let (_, loaded) = try await first.call("POST", "/_sendout/scenario", body: Self.scenario)
    #expect(loaded["name"]?.stringValue == "Serve test")
    _ = try await first.call("POST", "/v1/customers", body: #"{"source_id":"carol"}"#)
    let (_, carol) = try await first.call("GET", "/v1/customers/carol")
    try await first.stop()

    let second = try await ServeServer(scenario: path, state: state)
    #expect(try await second.call("GET", "/v1/customers/bob").0 == 404, "the loaded scenario replaced bob's world")
    let (_, again) = try await second.call("GET", "/v1/customers/carol")
    #expect(again["id"] == carol["id"] && bob["id"] != nil, "replayed byte for byte: \(again)")
    try await second.stop()

    for (scenario, seed) in [(other, nil), (path, UInt64(9))] as [(String, UInt64?)] {
      var configuration = ServeSession.Configuration()
      configuration.scenarioPath = scenario
      configuration.scenarioSeed = seed
      configuration.statePath = state
      configuration.target = "http://127.0.0.1:9/unused"
      configuration.delivery = DeliverySettings(
        auditPath: NSTemporaryDirectory() + "sendout-serve-\(UUID().uuidString).jsonl")
      do {
        _ = try await ServeSession.run(configuration) { _ in }
        Issue.record("a state file made with another scenario or seed was accepted")
      } catch {
        #expect(error == .badInput(error.message), "exit 65")
        #expect(error.message.contains("'\(path)' with seed 7"), "names the recorded one: \(error.message)")
        #expect(error.message.contains("'\(scenario)' with seed \(seed ?? 8)"), "and this one: \(error.message)")
      }
    }
  }
}

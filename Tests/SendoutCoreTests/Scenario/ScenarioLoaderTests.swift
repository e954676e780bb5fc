import SendoutCore
import Testing

@Suite struct ScenarioLoaderTests {
  static let loader = ScenarioLoader(
    file: "s.json", environment: ["HOOK_URL": "http://127.0.0.1:9/h", "SECRET": "s3"],
    operations: ["publish", "redeem"])

  static func load(_ text: String) throws(ScenarioError) -> Scenario { try loader.load(Array(text.utf8)) }

  @Test func readsAFullScenario() throws {
    let s = try Self.load(
      """
      {
        "version": 1, "name": "Spring", "seed": 42, "start": "2024-03-13T13:45:00.000Z",
        "project": {"secret": "${SECRET}", "webhooks": [
          {"target_url": "${HOOK_URL}", "events": ["redemption.succeeded"], "headers": {"x-team": "growth"}},
          {"target_url": "${OTHER_URL:-http://127.0.0.1:10/}", "events": "all", "active": false}
        ]},
        "steps": [
          {"name": "pub", "publish": {"campaign": "spring"}, "count": 3},
          {"repeat": {"times": 2, "steps": [{"redeem": {"voucher": "${pub.voucher.code}"}}]}}
        ],
        "expect": {"max_failures": 0, "received": ["redemption.succeeded"], "p99_latency": "250ms"}
      }
      """)
    #expect(s.name == "Spring" && s.seed == 42)
    #expect(s.project.secret == "s3")
    #expect(s.project.webhooks[0].targetURL == "http://127.0.0.1:9/h")
    #expect(s.project.webhooks[0].events == ["redemption.succeeded"])
    #expect(s.project.webhooks[0].headers == [HTTPHeader("x-team", "growth")])
    #expect(s.project.webhooks[1].events == nil && s.project.webhooks[1].active == false)
    #expect(s.project.webhooks[1].targetURL == "http://127.0.0.1:10/")
    #expect(s.steps.map(\.operation) == ["publish", "repeat"])
    #expect(s.steps[0].count == 3 && s.steps[0].name == "pub")
    #expect(s.steps[1].count == 2 && s.steps[1].steps[0].parameters["voucher"] == "${pub.voucher.code}")
    #expect(s.steps[1].steps[0].path == "steps.1.repeat.steps.0")
    #expect(
      s.expect
        == Expectations(allDelivered: true, maxFailures: 0, received: ["redemption.succeeded"], p99Milliseconds: 250))
  }

  @Test(arguments: [
    (
      #"{"version": 1, "steps": [{"publish": {}, "count": "3"}]}"#,
      "s.json: at `steps.0.count`: expected an integer, found string \"3\""
    ),
    (#"{"version": 2}"#, "s.json: at `version`: version 2 is not supported; supported versions: 1"),
    (#"{"name": "x"}"#, "s.json: at `version`: is required; supported versions: 1"),
    (#"{"version": 1, "stpes": []}"#, "s.json: at `stpes`: unknown key (did you mean 'steps'?)"),
    (
      #"{"version": 1, "steps": [{"pubish": {}}]}"#,
      "s.json: at `steps.0.pubish`: unknown operation (did you mean 'publish'?)"
    ),
    (
      #"{"version": 1, "steps": [{"publish": {}, "redeem": {}}]}"#,
      "a step has exactly one operation, found: publish, redeem"
    ),
    (
      #"{"version": 1, "project": {"secret": "${NOPE}"}}"#,
      "s.json: at `project.secret`: environment variable NOPE is not set"
    ),
    (
      #"{"version": 1, "project": {"webhooks": [{"events": ["redemption.succeded"]}]}}"#,
      "at `project.webhooks.0.events.0`: unknown event type 'redemption.succeded'"
    ),
    (
      #"{"version": 1, "project": {"webhooks": [{"headers": {"X-Key": "v"}}]}}"#,
      "at `project.webhooks.0.headers.X-Key`: Invalid header name 'X-Key'"
    ),
    (
      #"{"version": 1, "distributions": [{"trigger": "redemption.succeeded"}]}"#,
      "at `distributions.0.trigger`: 'redemption.succeeded' is not a distribution event"
    ),
    (#"{"version": 1, "expect": {"p99_latency": "fast"}}"#, "at `expect.p99_latency`: 'fast' is not a duration"),
    ("{\n  \"version\": 1,\n  \"steps\": [,]\n}", "s.json:3:13: Unexpected ','"),
    (
      #"{"version": 1, "steps": [{"repeat": {"times": 2, "steps": []}}]}"#,
      "at `steps.0.repeat.steps`: `repeat` needs at least one step"
    ),
  ])
  func badFilesSayWhereAndWhatIsAllowed(text: String, expected: String) {
    do {
      _ = try Self.load(text)
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.description.contains(expected), "got: \(error.description)")
    }
  }

  @Test func oversizedFilesAreRejectedBeforeParsing() {
    let big = [UInt8](repeating: 0x20, count: ScenarioLoader.maxFileBytes + 1)
    #expect(throws: ScenarioError.self) { try Self.loader.load(big) }
  }
}

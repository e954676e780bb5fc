import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutSessions

/// Issue 21's options and lines, in process: CI compresses only the default schedule; a secret is named by its
/// source and shown by its first characters only.
@Suite struct DevLoopTextTests {
  func parse(_ argv: [String], environment: [String: String]?) throws -> DeliverySettings {
    var arguments = Arguments(argv)
    return try DeliveryOptions.parse(&arguments, defaultSchedule: .voucherify, environment: environment)
  }

  @Test(arguments: [
    ([], ["CI": "true"], "CI is set"), (["--ci"], [:], "--ci"), (["--ci"], ["CI": "false"], "--ci"),
    ([], ["CI": "1"], "CI is set"),
  ])
  func ciCompressesTheDefaultSchedule(_ argv: [String], _ environment: [String: String], _ reason: String) throws {
    let settings = try parse(argv, environment: environment)
    #expect(settings.compressedFor == reason)
    #expect(settings.policy == (try RetryPolicy.compressedForCI(timeoutMilliseconds: 10_000)))
    let line = NoticeText.ciSchedule(settings).joined()
    #expect(line.contains("--retry-schedule") && line.contains("--time-scale") && line.contains("1m50s"))
  }

  @Test(arguments: [
    ([], ["CI": "false"]), ([], ["CI": "0"]), ([], [:]), (["--retry-schedule", "1s"], ["CI": "true"]),
    (["--time-scale", "0.5"], ["CI": "true"]),
  ])
  func withoutCIOrWithAChosenScheduleNothingIsCompressed(_ argv: [String], _ environment: [String: String]) throws {
    let settings = try parse(argv, environment: environment)
    #expect(settings.compressedFor == nil)
    #expect(settings.policy.offset(ofAttempt: 13) != 109_999)
    #expect(NoticeText.ciSchedule(settings).isEmpty)
  }

  /// `fire` at a failing receiver says how to stop or shorten a wait of a minute or more (the issue's "next attempt
  /// in 59.99s and nothing about how to stop or shorten it"), once, after the first attempt failed: not before a
  /// delivery that succeeds, and not for short or compressed schedules.
  @Test func aLongScheduleSaysHowToStopOrShortenIt() throws {
    let sendout = TestSendouts.make(1)
    func lines(_ argv: [String], _ environment: [String: String], _ status: AuditStatus, attempt: Int = 1) throws
      -> [String]
    {
      let text = FireText(delivery: try parse(argv, environment: environment))
      let record = AuditRecord(
        sendout: sendout, status: status, attempt: attempt, executedAt: Timestamp(milliseconds: 0),
        outcome: .response(status: status == .success ? 200 : 500))
      return text.lines(for: .sending(sendout, alreadyRecorded: false)) + text.lines(for: .delivery(.recorded(record)))
    }
    let hint: (String) -> Bool = { $0.contains("Ctrl-C stops") && $0.contains("--retry-schedule") }
    #expect(try lines([], [:], .retrying).filter(hint).count == 1)
    #expect(!(try lines([], [:], .success)).contains(where: hint))
    #expect(!(try lines([], [:], .retrying, attempt: 2)).contains(where: hint))
    #expect(!(try lines(["--retry-schedule", "100ms"], [:], .retrying)).contains(where: hint))
    #expect(!(try lines([], ["CI": "true"], .retrying)).contains(where: hint))
  }

  @Test func commandsWithoutAnEnvironmentIgnoreCI() throws {
    #expect(try parse([], environment: nil).policy == .voucherify)
  }

  @Test(arguments: [("topsecretvalue", "tops"), ("abcdef", "abc"), ("abc", "a"), ("s", ""), ("", "")])
  func aSecretShowsAtMostFourCharactersAndNeverHalfOfIt(_ secret: String, _ preview: String) {
    let signing = SigningSecret(secret, source: .flag)
    #expect(signing.preview == preview)
    let lines = NoticeText.lines(for: .refused(status: 401, signing: signing))
    #expect(lines.count == 1)
    if secret.count > 1 { #expect(!lines[0].contains(secret)) }
  }

  @Test(arguments: [
    (#""${S}""#, ["S": "from-env"], SigningSecret.Source.environment("S"), "from-env"),
    (#""${S:-fallback}""#, [:], .scenarioDefault("S"), "fallback"),
    (#""${S:-fallback}""#, ["S": "set"], .environment("S"), "set"),
    (#""literal""#, [:], .scenarioFile, "literal"),
    (#""pre-${S}""#, ["S": "x"], .scenarioFile, "pre-x"),
  ])
  func aScenarioSecretSaysWhereItCameFrom(
    _ secret: String, _ environment: [String: String], _ source: SigningSecret.Source, _ value: String
  ) throws {
    let text = #"{"version": 1, "project": {"secret": \#(secret), "webhooks": [{}]}, "steps": []}"#
    let scenario = try ScenarioLoader(file: "t.json", environment: environment).load(Array(text.utf8))
    #expect(SigningSecret.of(scenario, seed: nil) == SigningSecret(value, source: source))
  }

  @Test func aScenarioWithoutASecretGeneratesOne() throws {
    let text = #"{"version": 1, "project": {"webhooks": [{}]}, "steps": []}"#
    let scenario = try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
    #expect(SigningSecret.of(scenario, seed: 3).source == .generated)
    #expect(NoticeText.lines(for: .signing(SigningSecret.of(scenario, seed: 3))).isEmpty, "its own line says so")
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 21 through the built binary: a pause belongs to a target URL and `fire` goes past it saying so; CI fails
/// fast with the secret's source in view; `fire --body` keeps the body's `id`.
@Suite struct DevLoopCLITests {
  static let refused = "http://127.0.0.1:9/x"

  static func records(_ audit: String) throws -> [JSON] {
    try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  /// The issue's repro: a fire at a receiver that is not up yet disables the project webhook at that URL; the next
  /// fire, at the built-in listener, is another webhook and is delivered (it was SKIPPED, exit 1).
  @Test func aPauseAtOneURLDoesNotSkipAFireAtAnother() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let first = try SendoutBinary.run(
      ["fire", "voucher.published", "--to", Self.refused, "--retry-schedule", "1ms", "--audit", audit])
    #expect(first.status == 1)
    #expect(first.stdout.contains("is now DISABLED at this URL"))
    let second = try SendoutBinary.run(["fire", "voucher.published", "--audit", audit])
    #expect(second.status == 0, "stdout: \(second.stdout)\nstderr: \(second.stderr)")
    #expect(!second.stdout.contains("SKIPPED") && !second.stdout.contains("Delivering anyway"))
    #expect(try Self.records(audit).last?["status"]?.stringValue == "SUCCESS")
  }

  /// At the paused URL itself `fire` still sends, saying in one line that Voucherify would have skipped it and why;
  /// `--honor-pause` skips it as Voucherify does.
  @Test func fireDeliversToAPausedURLUnlessToldToHonorThePause() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fire = ["fire", "voucher.published", "--to", Self.refused, "--retry-schedule", "none", "--audit", audit]
    _ = try SendoutBinary.run(fire)
    let failed = try #require(try Self.records(audit).last?["sendout_id"]?.stringValue)
    let again = try SendoutBinary.run(fire)
    let notice = again.stdout.split(separator: "\n").filter { $0.hasPrefix("Delivering anyway") }
    #expect(notice.count == 1, "stdout: \(again.stdout)")
    #expect(notice.first?.contains("Voucherify would skip this") == true)
    #expect(notice.first?.contains(failed) == true, "names the sendout that disabled it")
    #expect(notice.first?.contains("--honor-pause") == true)
    #expect(try Self.records(audit).last?["status"]?.stringValue == "FAILED", "attempted, not SKIPPED")
    let honoring = try SendoutBinary.run(fire + ["--honor-pause"])
    #expect(honoring.status == 1)
    #expect(honoring.stderr.contains("was SKIPPED"), "stderr: \(honoring.stderr)")
    #expect(try Self.records(audit).last?["status"]?.stringValue == "SKIPPED")
  }

  /// "Done when": the README's CI line against a receiver answering 401 ends, with exit 1, a summary, the CI line
  /// naming the options, and a hint naming the secret's source and its first four characters (never the secret).
  /// The deadline stands in for the 2-minute schedule, whose bound `RetryPolicyCITests` proves as arithmetic.
  @Test(arguments: [[:], ["SENDOUT_SECRET": "whsec-from-the-env"]])
  func theREADMECILineAgainstA401EndsFastNamingTheSecret(_ environment: [String: String]) throws {
    let receiver = RawCapture(status: 401)
    defer { receiver.stop() }
    let audit = RunCommandTests.temporary(".jsonl")
    let junit = RunCommandTests.temporary(".xml")
    defer { for path in [audit, junit] { try? FileManager.default.removeItem(atPath: path) } }
    let started = Date()
    let result = try SendoutBinary.run(
      try Self.readmeCILine().map { word in
        switch word {
        case "Scenarios/my-flow.json":
          RunCommandTests.scenariosDirectory.appendingPathComponent("spring-discounts.json").path
        case "http://127.0.0.1:3000/webhooks": "http://127.0.0.1:\(receiver.port)/webhooks"
        case "sendout.xml": junit
        case "5m": "400ms"  // the deadline: the 2-minute schedule is proven as arithmetic instead
        default: word
        }
      } + ["--audit", audit], environment: environment.merging(["CI": "true"]) { a, _ in a }, timeoutSeconds: 60)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(result.status == 1, "stderr: \(result.stderr)")
    #expect(result.stderr.contains("Deadline reached"))
    #expect(result.stdout.contains("FAILED: Spring Discounts"), "the summary is printed")
    #expect(FileManager.default.fileExists(atPath: junit))
    let ci = result.stdout.split(separator: "\n").first { $0.hasPrefix("CI (CI is set)") } ?? ""
    #expect(ci.contains("--retry-schedule") && ci.contains("--time-scale") && ci.contains("1m50s"), "\(ci)")
    let hint = result.stdout.split(separator: "\n").first { $0.hasPrefix("Hint: HTTP 401") } ?? ""
    if environment.isEmpty {
      #expect(hint.contains("${SENDOUT_SECRET:-…}") && hint.contains("starting 'spri'"), "\(hint)")
      #expect(!(result.stdout + result.stderr).contains("spring-secret"))
    } else {
      #expect(hint.contains("environment variable SENDOUT_SECRET") && hint.contains("starting 'whse'"), "\(hint)")
      #expect(!(result.stdout + result.stderr).contains("whsec-from-the-env"))
    }
  }

  /// Ctrl-C during `run` (a CI job cancelled) ends it at once with the summary, unfinished sendouts RETRYING, exit 1.
  @Test func anInterruptedRunEndsWithItsSummary() throws {
    let audit = RunCommandTests.temporary(".jsonl")
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let file = RunCommandTests.scenariosDirectory.appendingPathComponent("spring-discounts.json").path
    let (process, output, read, _) = try SendoutBinary.startServer(
      ["run", file, "--to", Self.refused, "--audit", audit])
    var bytes = read
    let started = Date()
    while !String(decoding: bytes, as: UTF8.self).contains("RETRYING"), Date().timeIntervalSince(started) < 30 {
      let data = output.fileHandleForReading.availableData
      if data.isEmpty { break }
      bytes += data
    }
    process.interrupt()
    bytes += output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(process.terminationStatus == 1)
    #expect(text.contains("FAILED: Spring Discounts") && text.contains("EVENT TYPE"), "\(text)")
    #expect(Date().timeIntervalSince(started) < 30, "not the 1-minute wait for the first retry")
  }

  /// The words of the README's CI line (`In CI: \`sendout run …\``), after `sendout`.
  static func readmeCILine() throws -> [String] {
    let readme = try String(
      contentsOf: RunCommandTests.scenariosDirectory.deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("In CI: `sendout run ") })
    let command = try #require(line.split(separator: "`").dropFirst().first)
    let words = command.split(separator: " ").map(String.init).dropFirst()
    #expect(words.contains("--deadline") && words.contains("--junit"), "\(line)")
    return Array(words)
  }

  /// Every fire names its secret's source (a prefix only), and warns when it sends unsigned.
  @Test func fireNamesTheSecretsSourceOrWarnsItIsUnsigned() throws {
    let receiver = RawCapture()
    defer { receiver.stop() }
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fire = ["fire", "voucher.published", "--to", "http://127.0.0.1:\(receiver.port)/h", "--audit", audit]
    let flag = try SendoutBinary.run(fire + ["--secret", "topsecretvalue"])
    #expect(flag.stdout.contains("Signing with the secret from --secret, starting 'tops' (14 characters)"))
    let env = try SendoutBinary.run(fire, environment: ["SENDOUT_SECRET": "envsecretvalue"])
    #expect(
      env.stdout.contains("Signing with the secret from the environment variable SENDOUT_SECRET, starting 'envs'"))
    #expect(receiver.texts.last?.contains("x-voucherify-signature") == true, "SENDOUT_SECRET signs")
    for run in [flag, env] { #expect(!(run.stdout + run.stderr).contains("secretvalue")) }
    let unsigned = try SendoutBinary.run(fire)
    #expect(unsigned.stdout.contains("Warning: sending unsigned"))
    #expect(receiver.texts.last?.contains("x-voucherify-signature") == false)
  }

  /// `fire --body` records the body's `id` as the sendout id (audit log and listener agree); an id that is not a
  /// plain id is not taken.
  @Test func fireBodyKeepsTheBodysID() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let kept = try SendoutBinary.run(
      ["fire", "--body", "-", "--audit", audit], input: Array(#"{"id":"evt_mine_1","type":"ping"}"#.utf8))
    #expect(kept.status == 0, "stderr: \(kept.stderr)")
    #expect(kept.stdout.contains("Sending evt_mine_1 "))
    #expect(kept.stdout.split(separator: "\n").contains { $0.contains("listener ←") && $0.contains("evt_mine_1") })
    #expect(try Self.records(audit).last?["sendout_id"]?.stringValue == "evt_mine_1")
    _ = try SendoutBinary.run(
      ["fire", "--body", "-", "--audit", audit], input: Array(#"{"id":"two words\u001b[31m","type":"ping"}"#.utf8))
    #expect(try Self.records(audit).last?["sendout_id"]?.stringValue?.hasPrefix("whs_") == true)
  }
}

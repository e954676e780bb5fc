import Foundation
import SendoutCore
import Testing

/// `sendout fire` sends a new sendout each time (issue 12 §1): a fresh seed and the wall clock unless
/// `--seed`/`--at` fix them, while the project and its webhooks keep their ids.
@Suite struct FreshFireTests {
  static func records(_ path: String) throws -> [JSON] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  static func body(_ record: JSON) throws -> JSON { try JSONParser.parse(try #require(record["body"]?.stringValue)) }

  @Test func twoFiresAreTwoNewSendoutsOfTheSameProjectAndWebhook() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let before = Date().timeIntervalSince1970 * 1000
    for _ in 0..<2 {
      let result = try SendoutBinary.run(["fire", "redemption.succeeded", "-v", "--audit", audit])
      #expect(result.status == 0, "stderr: \(result.stderr)")
      #expect(result.stdout.contains("render this again with --seed "))
      #expect(!result.stdout.contains("already in"))
    }
    let after = Date().timeIntervalSince1970 * 1000
    let records = try Self.records(audit)
    #expect(records.count == 2)
    let bodies = try records.map(Self.body)
    #expect(Set(records.compactMap { $0["sendout_id"]?.stringValue }).count == 2)
    #expect(Set(bodies.compactMap { $0.value(atPath: "event.id")?.stringValue }).count == 2)
    #expect(Set(bodies.compactMap { $0.value(atPath: "data.redemption.id")?.stringValue }).count == 2)
    #expect(Set(bodies.compactMap { $0["project_id"]?.stringValue }).count == 1)
    #expect(Set(bodies.compactMap { $0.value(atPath: "source.id")?.stringValue }).count == 1)
    for body in bodies {
      // The event happened now (not in March 2024, nor minutes ahead while the sample world was set up).
      let created = try #require(body["created_at"]?.stringValue.flatMap(Timestamp.init(iso8601:)))
      #expect(Double(created.milliseconds) >= before - 1000 && Double(created.milliseconds) <= after + 1000)
    }
  }

  @Test func thePrintedSeedAndClockRenderTheSameBodyAgain() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fired = try SendoutBinary.run(["fire", "customer.segment.entered", "-v", "--audit", audit])
    #expect(fired.status == 0, "stderr: \(fired.stderr)")
    let line = try #require(fired.stdout.split(separator: "\n").first { $0.contains("render this again") })
    let command = try #require(line.split(separator: "'").dropFirst().first)  // 'sendout render …'
    let words = command.split(separator: " ").map(String.init)
    #expect(words.prefix(2) == ["sendout", "render"])
    let rendered = try SendoutBinary.run(Array(words.dropFirst()))
    #expect(rendered.status == 0, "stderr: \(rendered.stderr)")
    let record = try #require(try Self.records(audit).first)
    #expect(rendered.stdout == (record["body"]?.stringValue ?? "") + "\n")
  }

  @Test func seedAndAtKeepAFireReproducible() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let arguments = ["fire", "voucher.published", "--seed", "7", "--at", "2024-03-13T13:45:00.000Z", "--audit", audit]
    let first = try SendoutBinary.run(arguments)
    let second = try SendoutBinary.run(arguments)
    #expect(first.status == 0 && second.status == 0, "stderr: \(first.stderr) \(second.stderr)")
    #expect(!first.stdout.contains("render this again"))
    #expect(second.stdout.contains("is already in"))
    let records = try Self.records(audit)
    #expect(records.count == 2 && records[0]["sendout_id"] == records[1]["sendout_id"])
    #expect(try Self.body(records[0])["created_at"]?.stringValue?.hasPrefix("2024-03-13T") == true)
  }

  /// Voucherify's pause, with `--honor-pause` since issue 21 (plain `fire` delivers, saying so: DevLoopCLITests).
  @Test func aSourcePausedByOneFireSkipsTheNextFreshFireThatHonorsThePause() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let dead = ["--to", "http://127.0.0.1:1/dead", "--retry-schedule", "none", "--audit", audit]
    let failed = try SendoutBinary.run(["fire", "voucher.published"] + dead)
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("FAILED"), "stderr: \(failed.stderr)")
    let skipped = try SendoutBinary.run(["fire", "voucher.published", "--honor-pause"] + dead)
    #expect(skipped.status == 1)
    #expect(skipped.stderr.contains("SKIPPED"), "stderr: \(skipped.stderr)")
    let records = try Self.records(audit)
    #expect(records.map { $0["status"] } == ["FAILED", "SKIPPED"])
    #expect(records[0]["sendout_id"] != records[1]["sendout_id"])
    #expect(records[0].value(atPath: "source.id") == records[1].value(atPath: "source.id"))
  }

  @Test func repeatFiresNFreshSendouts() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run([
      "fire", "customer.publication.succeeded", "--repeat", "3", "--interval", "0", "--audit", audit,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Fire 3/3"))
    #expect(result.stdout.contains("Fired 3 sendouts: 3 delivered"))
    let records = try Self.records(audit)
    #expect(records.count == 3)
    #expect(Set(records.compactMap { $0["sendout_id"]?.stringValue }).count == 3)
    #expect(Set(try records.compactMap { try Self.body($0).value(atPath: "event.id")?.stringValue }).count == 3)
  }

  @Test func repeatWithASeedUsesConsecutiveSeeds() throws {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run([
      "fire", "voucher.published", "--seed", "40", "--at", "now", "--repeat", "2", "--audit", audit,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let records = try Self.records(audit)
    let at = try #require(try Self.body(records[0]).value(atPath: "event.created_at")?.stringValue)
    #expect(!at.hasPrefix("2024-03-13"), "--at now is the wall clock")
    #expect(records.count == 2 && records[0]["sendout_id"] != records[1]["sendout_id"])
  }

  @Test(arguments: [
    (["--repeat", "0"], "--repeat"),
    (["--repeat", "2", "--interval", "soon"], "'soon'"),
    (["--at", "yesterday"], "'now' or an ISO-8601"),
  ])
  func badRepeatIntervalOrAtExit64(arguments: [String], quoted: String) throws {
    let result = try SendoutBinary.run(["fire", "voucher.published"] + arguments)
    #expect(result.status == 64, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stderr.contains(quoted), "stderr: \(result.stderr)")
  }

  @Test func renderKeepsItsDeterministicDefaultsAndTakesAtNow() throws {
    let first = try SendoutBinary.run(["render", "voucher.published"])
    let second = try SendoutBinary.run(["render", "voucher.published"])
    #expect(first.status == 0 && first.stdout == second.stdout)
    #expect(first.stdout.contains("\"created_at\":\"2024-03-13T"))
    let now = try SendoutBinary.run(["render", "voucher.published", "--at", "now"])
    #expect(now.status == 0, "stderr: \(now.stderr)")
    #expect(!now.stdout.contains("\"created_at\":\"2024-03-13T"))
  }
}

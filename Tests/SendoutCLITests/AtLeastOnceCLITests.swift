import Foundation
import SendoutCore
import Testing

/// `sendout run --duplicates F --reorder N` with the shipped `Scenarios/at-least-once.json` (issue 12 §3), against
/// the built-in listener and against `sendout listen --fail-duplicates`, a receiver that rejects duplicates.
@Suite(.timeLimit(.minutes(1))) struct AtLeastOnceCLITests {
  static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios/at-least-once.json").path

  static func temporary(_ suffix: String) -> String {
    NSTemporaryDirectory() + "sendout-alo-\(UUID().uuidString).\(suffix)"
  }

  static func records(_ path: String) throws -> [JSON] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  @Test func duplicatesAreTheSameBytesAndSignatureMarkedInTheAuditLogAndAcknowledged() throws {
    let audit = Self.temporary("jsonl")
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run([
      "run", Self.scenario, "--duplicates", "0.5", "--reorder", "4", "--audit", audit, "--json",
    ])
    #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    let summary = try JSONParser.parse(result.stdout)
    #expect(summary["passed"] == true)
    #expect(summary.value(atPath: "duplicates.sent") == 7, "round(0.5 × 14)")
    #expect(summary.value(atPath: "duplicates.acknowledged") == 7)
    let records = try Self.records(audit)
    let duplicates = records.filter { $0["duplicate"] == true }
    #expect(duplicates.count == 7)
    for d in duplicates {
      let original = try #require(records.first { $0["sendout_id"] == d["sendout_id"] && $0["duplicate"] == nil })
      #expect(original["body"] == d["body"] && original["headers"] == d["headers"], "same bytes and signature")
      #expect(d["attempt"] == 2 && d["status"] == "SUCCESS")
    }
    let positions = records.filter { $0["duplicate"] == nil }.compactMap { $0["planned_position"]?.intValue }
    #expect(positions.count == 14 && positions != Array(1...14), "delivered in a seeded shuffle")
    let again = Self.temporary("jsonl")
    defer { try? FileManager.default.removeItem(atPath: again) }
    _ = try SendoutBinary.run(["run", Self.scenario, "--duplicates", "0.5", "--reorder", "4", "--audit", again])
    let replay = try Self.records(again)
    #expect(replay.map { $0["sendout_id"] } == records.map { $0["sendout_id"] }, "the same seed replays the chaos")
  }

  @Test func aReceiverThatRejectsDuplicatesFailsTheExpectationAndTheJUnitReport() throws {
    let listener = try ListenProcess(["--fail-duplicates"])
    defer { _ = listener.stop() }
    #expect(listener.port > 0)
    let audit = Self.temporary("jsonl")
    let junit = Self.temporary("xml")
    defer {
      try? FileManager.default.removeItem(atPath: audit)
      try? FileManager.default.removeItem(atPath: junit)
    }
    let result = try SendoutBinary.run([
      "run", Self.scenario, "--to", "http://127.0.0.1:\(listener.port)/hooks", "--duplicates", "0.3",
      "--retry-schedule", "none", "--audit", audit, "--junit", junit,
    ])
    #expect(result.status == 1, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stdout.contains("✔ expect all delivered: 14/14 delivered"), "the originals were delivered")
    #expect(result.stdout.contains("✘ expect duplicates acknowledged: 0/4 duplicates answered 2xx"))
    #expect(result.stdout.contains("Duplicates: 4 re-delivered (same id, bytes and signature), 0 answered 2xx, 4 not"))
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains(#"<testcase classname="expect" name="duplicates acknowledged">"#))
    #expect(xml.contains(#"<failure message="0/4 duplicates answered 2xx" type="expectation"/>"#))
    let duplicates = try Self.records(audit).filter { $0["duplicate"] == true }
    #expect(duplicates.count == 4 && duplicates.allSatisfy { $0["http_status"] == 409 && $0["status"] == "FAILED" })
  }

  @Test func withoutDuplicatesTheExpectationSaysNoneWereSent() throws {
    let audit = Self.temporary("jsonl")
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let result = try SendoutBinary.run(["run", Self.scenario, "--audit", audit])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("expect duplicates acknowledged: no duplicates were sent (run with --duplicates F)"))
    #expect(try Self.records(audit).allSatisfy { $0["duplicate"] == nil && $0["planned_position"] == nil })
  }

  @Test(arguments: [(["--duplicates", "1.5"], "'1.5'"), (["--reorder", "0"], "'0'"), (["--duplicates", "x"], "'x'")])
  func badChaosFlagsExit64(arguments: [String], quoted: String) throws {
    let result = try SendoutBinary.run(["run", Self.scenario] + arguments)
    #expect(result.status == 64, "stderr: \(result.stderr)")
    #expect(result.stderr.contains(quoted), "stderr: \(result.stderr)")
  }
}

import Foundation
import SendoutCore
import Testing

@Suite(.serialized) struct RunCommandTests {
  static let scenariosDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")

  static var shipped: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? [])
      .filter { $0.hasSuffix(".json") }.sorted()
  }

  static func temporary(_ suffix: String) -> String {
    NSTemporaryDirectory() + "sendout-run-\(UUID().uuidString)\(suffix)"
  }

  @Test func everyScenarioIsShipped() { #expect(Self.shipped.count >= 8) }

  /// The issue's "done when": `sendout listen --port 0 &` then `sendout run Scenarios/<any>.json --to …`.
  @Test(arguments: shipped)
  func shippedScenarioDeliversEverythingToARealListener(_ name: String) throws {
    let listener = try ListenProcess([])
    let audit = Self.temporary(".jsonl")
    let junit = Self.temporary(".xml")
    defer {
      try? FileManager.default.removeItem(atPath: audit)
      try? FileManager.default.removeItem(atPath: junit)
    }
    let file = Self.scenariosDirectory.appendingPathComponent(name).path
    let result = try SendoutBinary.run([
      "run", file, "--to", "http://127.0.0.1:\(listener.port)/hooks", "--audit", audit, "--junit", junit, "--json",
      "--retry-schedule", "none",
    ])
    let received = listener.stop()
    #expect(result.status == 0, "stderr: \(result.stderr)\nstdout: \(result.stdout.prefix(2000))")
    let summary = try JSONParser.parse(result.stdout)
    #expect(summary["passed"] == true)
    let sendouts = try #require(summary["sendouts"]?.intValue)
    #expect(sendouts > 0)
    #expect(summary["delivered"]?.intValue == sendouts)
    #expect(received.count == sendouts, "the listener saw every sendout exactly once")
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.hasPrefix("<?xml"))
    #expect(xml.contains("failures=\"0\""))
    #expect(xml.components(separatedBy: "<testcase ").count - 1 >= sendouts)
  }

  @Test func withoutATargetTheBuiltInListenerReceivesAndChecksSignatures() throws {
    let audit = Self.temporary(".jsonl")
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let file = Self.scenariosDirectory.appendingPathComponent("spring-discounts.json").path
    let result = try SendoutBinary.run(["run", file, "--audit", audit])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stdout.contains("Started the built-in listener"))
    let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Built-in listener:") })
    let numbers = line.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
    #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] > 0, "\(line)")
    #expect(result.stdout.contains("PASSED"))
  }

  @Test func aFailingReceiverFailsTheRunAndTheJUnitReport() throws {
    let listener = try ListenProcess(["--respond", "500"])
    let junit = Self.temporary(".xml")
    let audit = Self.temporary(".jsonl")
    defer {
      try? FileManager.default.removeItem(atPath: junit)
      try? FileManager.default.removeItem(atPath: audit)
    }
    let file = Self.scenariosDirectory.appendingPathComponent("custom-events.json").path
    let result = try SendoutBinary.run([
      "run", file, "--to", "http://127.0.0.1:\(listener.port)/", "--retry-schedule", "50ms", "--audit", audit,
      "--junit", junit,
    ])
    _ = listener.stop()
    #expect(result.status == 1)
    #expect(result.stdout.contains("FAILED"))
    #expect(result.stdout.contains("✘ expect all delivered"))
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("<failure message=\"FAILED after 2 attempts: HTTP 500"))
    let audited = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
    #expect(audited.contains { $0.contains("\"status\":\"FAILED\"") })
  }

  @Test func dryRunSendsNothingAndRepeatsByteForByte() throws {
    let file = Self.scenariosDirectory.appendingPathComponent("loyalty-program.json").path
    let a = try SendoutBinary.run(["run", file, "--dry-run", "--json", "--to", "http://127.0.0.1:9/unused"])
    let b = try SendoutBinary.run(["run", file, "--dry-run", "--json", "--to", "http://127.0.0.1:9/unused"])
    let c = try SendoutBinary.run([
      "run", file, "--dry-run", "--json", "--to", "http://127.0.0.1:9/unused", "--seed", "99",
    ])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout != c.stdout)
    let planned = try #require(try JSONParser.parse(a.stdout).arrayValue)
    #expect(!planned.isEmpty)
    #expect(planned.allSatisfy { $0["target_url"] == "http://127.0.0.1:9/unused" })
  }

  @Test func anInvalidScenarioExits65WithTheFieldPath() throws {
    let path = Self.temporary(".json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try #"{"version": 1, "steps": [{"publish": {"campaign": "spring"}, "count": "two"}]}"#
      .write(toFile: path, atomically: true, encoding: .utf8)
    let result = try SendoutBinary.run(["run", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("at `steps.0.count`: expected an integer"))
    let validate = try SendoutBinary.run(["validate", path])
    #expect(validate.status == 65)
  }
}

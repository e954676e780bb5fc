import Foundation
import SendoutCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `sendout run` killed with SIGKILL at seeded points, then `--resume`d: the receiver sees every planned
/// sendout, a sendout recorded SUCCESS is never sent again, and the audit log stays readable.
@Suite(.serialized) struct KillResumeTests {
  static let sendouts = 24

  static func scenario(target: String) -> String {
    """
    {
      "version": 1, "name": "kill and resume", "seed": 21,
      "project": {"webhooks": [{"target_url": "\(target)", "events": ["customer.created"]}]},
      "steps": [{"repeat": {"times": \(sendouts), "steps": [{"customer_create": {"name": "Kim"}}]}}]
    }
    """
  }

  static func lineCount(_ path: String) -> Int {
    (FileManager.default.contents(atPath: path) ?? Data()).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
  }

  @Test func killedRunsResumeWithoutLossOrDuplicateSuccess() throws {
    let directory = NSTemporaryDirectory() + "sendout-kill-\(UUID().uuidString)/"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let log = directory + "audit.jsonl"
    let file = directory + "scenario.json"
    let listener = try ListenProcess(["--delay", "15ms", "--fail-rate", "0.2", "--seed", "7"])
    try Data(Self.scenario(target: "http://127.0.0.1:\(listener.port)/hooks").utf8).write(
      to: URL(fileURLWithPath: file))

    let dry = try SendoutBinary.run(["run", file, "--dry-run", "--json"])
    let planned = Set((try JSONParser.parse(dry.stdout).arrayValue ?? []).compactMap { $0["sendout_id"]?.stringValue })
    #expect(planned.count == Self.sendouts)

    var rng = SeededGenerator(seed: 0x4B11)
    var kills = 0
    var recordedSuccess: Set<String> = []
    var recordsSoFar = 0
    var lastStatus: Int32 = -1
    for round in 0..<4 {
      let process = Process()
      process.executableURL = SendoutBinary.url
      process.arguments =
        ["run", file, "--audit", log, "--retry-schedule", "50ms,100ms,200ms,400ms", "--json"]
        + (round > 0 ? ["--resume"] : [])
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      if round < 3 {
        // Kill once a seeded number of new records is in the log (bounded wait).
        let target = Self.lineCount(log) + rng.int(in: 1...6)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Self.lineCount(log) < target, Date() < deadline { usleep(2_000) }
        if process.isRunning {
          kill(process.processIdentifier, SIGKILL)
          kills += 1
        }
      }
      process.waitUntilExit()
      lastStatus = process.terminationStatus

      let contents = try AuditLogParser.parse(Array(FileManager.default.contents(atPath: log) ?? Data()), path: log)
      let fresh = contents.records.dropFirst(recordsSoFar)
      let resent = fresh.filter { recordedSuccess.contains($0.sendoutID) }.map(\.sendoutID)
      #expect(resent.isEmpty, "round \(round) resent sendouts already SUCCESS: \(resent)")
      recordedSuccess.formUnion(contents.records.filter { $0.status == .success }.map(\.sendoutID))
      recordsSoFar = contents.records.count
    }
    #expect(kills >= 2, "the seeded kill points fall inside the runs")
    #expect(lastStatus == 0, "the last resume completes the run")
    #expect(recordedSuccess == planned, "every planned sendout ends SUCCESS in the log")

    let received = listener.stop()
    let delivered = received.filter { $0["status"]?.intValue == 200 }.compactMap { $0["sendout_id"]?.stringValue }
    #expect(Set(delivered) == planned, "the receiver saw every planned sendout")
    // A sendout is delivered twice only when a kill lands between the receiver's 200 and the audit record.
    let twice = Dictionary(grouping: delivered, by: { $0 }).filter { $0.value.count > 1 }
    #expect(twice.count <= kills, "\(twice.keys.sorted())")

    let audit = try SendoutBinary.run(["audit", "--audit", log, "--json"])
    #expect(audit.status == 0, Comment(rawValue: audit.stderr))
  }
}

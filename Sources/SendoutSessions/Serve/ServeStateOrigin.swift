import SendoutCore
import SendoutIO

/// What a `--state` journal was made from, written as its first line: the scenario file (path and SHA-256 of its
/// bytes) or the sample world, and the seed. Replaying calls over another world would rebuild a different one, so
/// a restart with another scenario or seed is refused.
struct ServeStateOrigin: Equatable {
  /// The scenario file as given; `nil`: the sample world.
  var scenario: String?
  /// SHA-256 of the scenario file's bytes (hex).
  var digest: String?
  /// The seed.
  var seed: UInt64

  /// The journal's first line.
  var line: [UInt8] {
    var o = JSONObject()
    o.append("sendout_state", 1)
    o.append("scenario", scenario.map(JSON.string) ?? .null)
    o.append("scenario_sha256", digest.map(JSON.string) ?? .null)
    o.append("seed", .string(String(seed)))
    return JSONWriter().bytes(.object(o))
  }

  /// The origin a journal line records; `nil` when it is not an origin line.
  init?(line: [UInt8]) {
    guard let json = try? JSONParser.parse(line), json["sendout_state"] != nil,
      let seed = json["seed"]?.stringValue.flatMap({ UInt64($0) })
    else { return nil }
    self.init(scenario: json["scenario"]?.stringValue, digest: json["scenario_sha256"]?.stringValue, seed: seed)
  }

  init(scenario: String?, digest: String?, seed: UInt64) {
    self.scenario = scenario
    self.digest = digest
    self.seed = seed
  }

  /// How it reads in an error.
  var description: String {
    (scenario.map { "scenario '\($0)'" } ?? "the sample world (no --scenario)") + " with seed \(seed)"
  }

  /// The journaled calls of a state file's `lines`, after checking that its origin is `self` (a new file gets
  /// `self` written first). A file without an origin line was made by an earlier sendout with the sample world.
  func calls(_ lines: [[UInt8]], journal: DurableLog) throws(DurableLogError) -> [APICall] {
    var body = lines[...]
    if let first = lines.first, let recorded = ServeStateOrigin(line: first) {
      body = body.dropFirst()
      guard recorded.digest == digest, recorded.seed == seed else {
        let changed = recorded.scenario == scenario && recorded.seed == seed
        throw DurableLogError(
          path: journal.path,
          reason: "it was made with \(recorded.description), not \(description)"
            + (changed ? " (the scenario file changed since: its SHA-256 differs)" : "")
            + "; start with the same --scenario and --seed, or use another --state file")
      }
    } else if lines.isEmpty {
      try journal.append(line)
    } else if scenario != nil {
      throw DurableLogError(
        path: journal.path,
        reason: "it was made with the sample world (no --scenario), not \(description); use another --state file")
    }
    let calls = body.compactMap(APICall.init(line:))
    guard calls.count == body.count else {
      throw DurableLogError(
        path: journal.path, reason: "a line is not a journaled call (not a sendout serve state file?)")
    }
    return calls
  }
}

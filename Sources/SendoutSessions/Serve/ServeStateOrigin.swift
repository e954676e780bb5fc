import SendoutCore
import SendoutIO

/// What a `--state` journal was made from, written as its first record: the scenario file (path and SHA-256 of its
/// bytes) or the sample world, the seed, and the clock it started at. Replaying calls over another world would
/// rebuild a different one, so a restart with another scenario or seed is refused; the world is built at the
/// recorded start, so every object keeps its id and time across restarts, with or without `--at`.
struct ServeStateOrigin: Equatable {
  /// The scenario file as given; `nil`: the sample world.
  var scenario: String?
  /// SHA-256 of the scenario file's bytes (hex).
  var digest: String?
  /// The seed.
  var seed: UInt64
  /// The clock when the world was made (`--at`, or the wall clock's now).
  var start: Timestamp
  /// Whether the clock is simulated (`--at`), moved only by `POST /_sendout/clock`.
  var simulated: Bool

  /// The journal's first record.
  var line: [UInt8] {
    var o = JSONObject()
    o.append("sendout_state", 2)
    o.append("scenario", scenario.map(JSON.string) ?? .null)
    o.append("scenario_sha256", digest.map(JSON.string) ?? .null)
    o.append("seed", .string(String(seed)))
    o.append("start", .string(start.iso8601))
    o.append("simulated", .bool(simulated))
    return JSONWriter().bytes(.object(o))
  }

  /// The origin a journal record holds; `nil` when it is not an origin record.
  init?(line: [UInt8]) {
    guard let json = try? JSONParser.parse(line), json["sendout_state"] == 2,
      let seed = json["seed"]?.stringValue.flatMap({ UInt64($0) }),
      let start = json["start"]?.stringValue.flatMap(Timestamp.init(iso8601:)),
      let simulated = json["simulated"]?.boolValue
    else { return nil }
    self.init(
      scenario: json["scenario"]?.stringValue, digest: json["scenario_sha256"]?.stringValue, seed: seed, start: start,
      simulated: simulated)
  }

  init(scenario: String?, digest: String?, seed: UInt64, start: Timestamp, simulated: Bool) {
    self.scenario = scenario
    self.digest = digest
    self.seed = seed
    self.start = start
    self.simulated = simulated
  }

  /// How the world reads in an error.
  var description: String {
    (scenario.map { "scenario '\($0)'" } ?? "the sample world (no --scenario)") + " with seed \(seed)"
  }

  /// How the clock reads in an error.
  var clockDescription: String { simulated ? "--at \(start.iso8601)" : "the wall clock" }
}

import Foundation
import SendoutAPI
import SendoutCore
import SendoutIO

/// What `sendout serve` starts from: the world and the project (webhooks, distributions) of the sample world or of
/// a `--scenario` file played to the end of its steps, and the sendouts those steps made (delivered first).
struct ServeStart {
  /// The world the first call sees.
  var world: World
  /// The project's webhooks and distributions, their builders past the steps' sendouts.
  var webhooks: ProjectWebhooks
  /// The steps' sendouts, in order.
  var sendouts: [Sendout]
  /// The seed the scenario was played with.
  var seed: UInt64
  /// The scenario's name; empty for the sample world.
  var name = ""
  /// One line for the first screen about the scenario; `nil` for the sample world.
  var summary: String?

  /// The scenario at `path`, as `sendout run` reads it (same errors, exit 65); `nil` without one.
  static func scenario(_ path: String?) throws(SessionError) -> (Scenario, digest: String)? {
    guard let path else { return nil }
    let scenario = try ScenarioFile.load(path)
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    return (scenario, Hex.encode(SHA256.hash(bytes)))
  }

  /// Whether the built-in listener is needed: no `--to`, and the sample world or an endpoint without a target.
  static func needsListener(_ scenario: Scenario?, target: String?) -> Bool {
    guard target == nil else { return false }
    guard let scenario else { return true }
    return scenario.project.webhooks.contains { $0.targetURL == nil }
      || scenario.distributions.contains { $0.targetURL == nil }
  }

  /// Plays `scenario` (seed `seed`, or its own) into a start: targets as `run --to` gives them.
  static func make(
    _ scenario: Scenario, file: String, seed: UInt64?, secret: String?, defaultTarget: String?,
    overrideTarget: String?
  ) throws(SessionError) -> ServeStart {
    let setup: ScenarioSetup
    do {
      setup = try ScenarioSetup(
        scenario: scenario, seed: seed, secret: secret, defaultTarget: defaultTarget, overrideTarget: overrideTarget,
        file: file)
    } catch { throw .badInput(scenario.environment.hiding(error).description) }
    let effectiveSeed = seed ?? scenario.seed
    var webhooks = ProjectWebhooks(setup, seed: effectiveSeed, at: setup.world.now)
    var sendouts: [Sendout] = []
    for event in setup.events { sendouts += webhooks.sendouts(for: event) }
    let summary =
      "Scenario '\(scenario.name)' (\(file), seed \(effectiveSeed)): \(setup.webhooks.count) project webhook"
      + "\(setup.webhooks.count == 1 ? "" : "s"), \(setup.distributions.count) active distribution"
      + "\(setup.distributions.count == 1 ? "" : "s"), its steps sent \(sendouts.count) webhook"
      + "\(sendouts.count == 1 ? "" : "s")"
    return ServeStart(
      world: setup.world, webhooks: webhooks, sendouts: sendouts,
      seed: effectiveSeed, name: scenario.name,
      summary: summary)
  }
}

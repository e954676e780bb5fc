import Foundation
import SendoutCore

/// Loads shipped scenarios (located via `#filePath`) and plans them for tests.
enum ScenarioFixtures {
  /// `Scenarios/` at the repository root.
  static let directory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

  /// Every shipped scenario file name.
  static var shipped: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }
      .sorted()
  }

  /// A shipped scenario, loaded with an empty environment.
  static func load(_ name: String) throws -> Scenario {
    let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
    return try ScenarioLoader(file: name, environment: [:]).load(Array(bytes))
  }

  /// A scenario from text.
  static func parse(_ text: String) throws(ScenarioError) -> Scenario {
    try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
  }

  /// The planned sendouts of a shipped scenario, sent to a dummy target.
  static func plan(_ name: String, seed: UInt64? = nil) throws -> [PlannedSendout] {
    try ScenarioPlan.make(scenario: load(name), seed: seed, defaultTarget: "http://127.0.0.1:9/", file: name)
  }

  /// A body as a JSON value.
  static func json(_ s: PlannedSendout) throws -> JSON { try JSONParser.parse(s.sendout.body) }
}

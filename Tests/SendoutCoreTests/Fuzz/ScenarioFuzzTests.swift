import Foundation
import SendoutCore
import Testing

/// Seeded fuzzing of the scenario loader with mutated shipped scenarios: never a crash or hang; every
/// error carries a `line:column` or a field path. Mutants that still load are planned too when small.
@Suite struct ScenarioFuzzTests {
  @Test func loaderSurvivesMutatedShippedScenarios() throws {
    let files = ScenarioFixtures.shipped
    #expect(files.count >= 5)
    let seeds = try files.map { Array(try Data(contentsOf: ScenarioFixtures.directory.appendingPathComponent($0))) }
    var m = Mutator(seed: 0x5EED_0003)
    var loaded = 0
    var planned = 0
    for i in 0..<3_000 {
      let input = m.mutate(seeds[i % seeds.count])
      let loader = ScenarioLoader(file: "fuzz.json", environment: ["RECEIVER": "http://127.0.0.1:9/"])
      do {
        let scenario = try loader.load(input)
        loaded += 1
        guard Self.stepCount(scenario.steps) <= 200 else { continue }
        do {
          _ = try ScenarioPlan.make(scenario: scenario, defaultTarget: "http://127.0.0.1:9/", file: "fuzz.json")
          planned += 1
        } catch {
          #expect(!error.description.isEmpty)
        }
      } catch {
        #expect(error.position != nil || !error.path.isEmpty, "\(error)")
        #expect(!error.reason.isEmpty)
      }
    }
    #expect(loaded > 0)
    #expect(planned > 0)
  }

  @Test func loaderRejectsOversizedAndDeepFiles() {
    let loader = ScenarioLoader(file: "big.json", environment: [:])
    let big = [UInt8](repeating: 0x20, count: ScenarioLoader.maxFileBytes + 1)
    #expect(throws: ScenarioError.self) { try loader.load(big) }
    let deep = Array((String(repeating: "[", count: 10_000)).utf8)
    #expect(throws: ScenarioError.self) { try loader.load(deep) }
  }

  /// Repeats that multiply out to more operations than the limit are refused before anything runs.
  @Test func loaderRejectsRunawayRepeats() {
    let text =
      #"{"version":1,"steps":[{"repeat":{"times":1000000,"steps":[{"repeat":{"times":1000000,"#
      + #""steps":[{"customer_create":{}}]}}]}}]}"#
    #expect {
      try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
    } throws: { error in
      (error as? ScenarioError)?.path == "steps" && "\(error)".contains("limit is \(ScenarioLoader.maxOperations)")
    }
  }

  /// Values that used to trap converting a huge Double to Int64 are errors now.
  @Test(arguments: ["99999999999999999999999d", "36501d"])
  func advancingTooFarIsAnError(_ by: String) throws {
    let text = #"{"version":1,"steps":[{"customer_create":{}},{"advance":{"by":"\#(by)"}},{"customer_create":{}}]}"#
    let scenario = try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
    #expect {
      try ScenarioPlan.make(scenario: scenario, defaultTarget: "http://127.0.0.1:9/")
    } throws: { error in
      (error as? ScenarioError)?.path == "steps.1.advance.by"
    }
  }

  @Test(arguments: ["1e308", "1001", "inf", "nan", "0", "-1"])
  func hugeOrInvalidTimeScalesAreRefused(_ text: String) {
    #expect(throws: DeliveryError.self) { try RetryPolicy.parseTimeScale(text) }
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 1e15, 9.3e18])
  func formattingExtremeDurationsNeverTraps(_ ms: Double) {
    #expect(!DurationText.format(milliseconds: ms).isEmpty)
  }

  /// How many operations a step list runs (repeat counts multiply).
  static func stepCount(_ steps: [ScenarioStep]) -> Int {
    steps.reduce(0) { total, step in
      let inner = step.steps.isEmpty ? 1 : stepCount(step.steps)
      return total.addingReportingOverflow(step.count.multipliedReportingOverflow(by: inner).partialValue).partialValue
    }
  }
}

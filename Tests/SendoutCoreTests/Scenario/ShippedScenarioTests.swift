import Foundation
import SendoutCore
import Testing

@Suite struct ShippedScenarioTests {
  @Test func thereAreShippedScenarios() {
    #expect(ScenarioFixtures.shipped.count >= 1)
  }

  @Test(arguments: ScenarioFixtures.shipped)
  func loadsAndPlans(_ name: String) throws {
    let plan = try ScenarioFixtures.plan(name)
    #expect(!plan.isEmpty)
    let scenario = try ScenarioFixtures.load(name)
    let types = Set(plan.map(\.sendout.eventType))
    for wanted in scenario.expect.received { #expect(types.contains(wanted), "\(name) never sends \(wanted)") }
  }

  @Test(arguments: ScenarioFixtures.shipped)
  func sameSeedSameBytes(_ name: String) throws {
    let a = try ScenarioFixtures.plan(name)
    let b = try ScenarioFixtures.plan(name)
    #expect(a.map(\.sendout.body) == b.map(\.sendout.body))
    #expect(a.map(\.sendout.headers) == b.map(\.sendout.headers))
  }

  @Test(arguments: ScenarioFixtures.shipped)
  func differentSeedDifferentBodies(_ name: String) throws {
    let a = try ScenarioFixtures.plan(name, seed: 1)
    let b = try ScenarioFixtures.plan(name, seed: 2)
    #expect(a.map(\.sendout.body) != b.map(\.sendout.body))
  }
}

@Suite struct EveryEventScenarioTests {
  @Test func coversEveryRenderableEventType() throws {
    let plan = try ScenarioFixtures.plan("every-event.json")
    let renderable = Set(EventCatalog.all.filter(\.isRenderable).map(\.type))
    #expect(renderable.count == 72 + 18)
    let sent = Set(plan.map(\.sendout.eventType))
    #expect(renderable.subtracting(sent).sorted() == [])
    let byWebhook = Set(plan.filter { $0.sendout.source.object == .webhook }.map(\.sendout.eventType))
    let byDistribution = Set(plan.filter { $0.sendout.source.object == .distribution }.map(\.sendout.eventType))
    #expect(byWebhook.count == 48 + 17 && byDistribution.count == 26 + 1)
  }
}

@Suite struct ScenarioReadmeTests {
  @Test func documentsEveryOperationAndShippedScenario() throws {
    let readme = try String(contentsOf: ScenarioFixtures.directory.appendingPathComponent("README.md"), encoding: .utf8)
    for op in ScenarioOperations.names { #expect(readme.contains("| `\(op)` |"), "README misses \(op)") }
    for file in ScenarioFixtures.shipped { #expect(readme.contains("`\(file)`"), "README misses \(file)") }
  }
}

@Suite struct ScenarioSeedSweepTests {
  @Test(arguments: ScenarioFixtures.shipped)
  func plansForManySeeds(_ name: String) throws {
    let scenario = try ScenarioFixtures.load(name)
    let all = name == "every-event.json" ? EventCatalog.all.filter(\.isRenderable).map(\.type) : []
    for seed in UInt64(1)...10 {
      let plan = try ScenarioPlan.make(scenario: scenario, seed: seed, defaultTarget: "http://d/", file: name)
      let types = Set(plan.map(\.sendout.eventType))
      for wanted in scenario.expect.received + all {
        #expect(types.contains(wanted), "seed \(seed) never sends \(wanted)")
      }
    }
  }
}

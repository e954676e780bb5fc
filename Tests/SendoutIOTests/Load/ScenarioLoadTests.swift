import Foundation
import SendoutCore
import SendoutIO
import Testing

/// `load --scenario`: the planned sendouts, cycled, each re-rendered fresh.
@Suite(.timeLimit(.minutes(1))) struct ScenarioLoadTests {
  static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios")

  func scenario(_ name: String) throws -> Scenario {
    let bytes = try Data(contentsOf: Self.scenarios.appendingPathComponent(name))
    return try ScenarioLoader(file: name, environment: [:]).load(Array(bytes))
  }

  @Test func poolCyclesThePlanWithFreshSendouts() throws {
    let scenario = try scenario("every-event.json")
    let plan = try ScenarioPlan.make(scenario: scenario, defaultTarget: "http://127.0.0.1:9/", file: "every-event.json")
    var pool = try EventPool(scenario: scenario, target: "http://127.0.0.1:9/", secret: nil, file: "every-event.json")
    #expect(pool.count == min(plan.count, EventPool.maxScenarioEntries))
    let first = (0..<pool.count).map { _ in pool.nextSendout() }
    #expect(first.map(\.eventType) == plan.prefix(pool.count).map(\.sendout.eventType))
    let again = pool.nextSendout()
    #expect(again.eventType == first[0].eventType)
    #expect(again.id != first[0].id, "a new sendout each time round")
    #expect(Set(first.map(\.id)).count == first.count)
  }

  @Test func scenarioLoadReachesTheListenerSigned() async throws {
    let listener = try LoadTestSupport.listener()
    defer { listener.stop() }
    let scenario = try scenario("every-event.json")
    let url = "http://127.0.0.1:\(listener.port)/webhooks"
    let generator = SocketLoadGenerator(
      configuration: LoadConfiguration(
        target: LoadTestSupport.target(listener.port), connections: 4, threads: 2, count: 200))
    let (stats, _) = await generator.run { thread in
      try! EventPool(scenario: scenario, target: url, secret: "s", stream: UInt64(thread), file: "every-event.json")
    }
    let received = await listener.waitForRequests(count: 200, timeoutMilliseconds: 5000)
    #expect(stats.succeeded == 200)
    #expect(received.count == 200)
    let ids = received.compactMap(\.sendoutID)  // raw-payload distributions have no envelope id
    #expect(ids.count > 150)
    #expect(Set(ids).count == ids.count)
    #expect(received.allSatisfy { $0.signature == .valid })
    #expect(Set(received.compactMap(\.eventType)).count > 20)
  }
}

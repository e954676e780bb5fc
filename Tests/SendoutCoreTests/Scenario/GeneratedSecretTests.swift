import SendoutCore
import Testing

/// Voucherify always signs: a scenario without `project.secret` is signed with a secret drawn from its seed.
@Suite struct GeneratedSecretTests {
  @Test func aScenarioWithoutSecretIsSignedWithOneFromItsSeed() throws {
    let scenario = try ScenarioFixtures.load("order-lifecycle.json")
    #expect(scenario.generatesSecret)
    let secret = scenario.webhookSecret()
    #expect(secret.count == 32 && secret.allSatisfy(\.isHexDigit))
    #expect(secret == Scenario.generatedSecret(seed: scenario.seed))
    #expect(scenario.webhookSecret(seed: scenario.seed &+ 1) != secret)
    let plan = try ScenarioFixtures.plan("order-lifecycle.json")
    #expect(!plan.isEmpty)
    for s in plan {
      let signature = s.sendout.headers.first { $0.name == VoucherifySignature.headerName }?.value
      #expect(signature == HMACSHA256(secret: secret).hexMAC(s.sendout.body), "\(s.sendout.eventType) unsigned")
    }
    #expect(try ScenarioFixtures.plan("order-lifecycle.json").map(\.sendout.headers) == plan.map(\.sendout.headers))
  }

  @Test func aScenarioSecretIsUsedAsGiven() throws {
    let scenario = try ScenarioFixtures.load("loyalty-program.json")
    #expect(!scenario.generatesSecret)
    #expect(scenario.webhookSecret(seed: 99) == scenario.project.secret)
  }
}

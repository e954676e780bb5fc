import SendoutCore
import Testing

/// A scenario with huge amounts gets a step error naming the value, not a trap: its steps run the same world
/// operations the mock API does, with the same checked arithmetic (each of these trapped before).
@Suite struct ScenarioExtremeAmountTests {
  @Test(arguments: [
    (
      #"[{"earning_rule_assign": {"every": 1, "points": 9223372036854775807}}, {"name": "c", "publish": {"campaign": "loyalty"}},"#
        + #" {"name": "o", "order_create": {"customer": "${c.customer.id}", "amount": 100000000}}, {"order_pay": {}}]"#,
      "the loyalty card's"
    ),
    (#"[{"referral_tier_create": {"credits": 9223372036854775807}}]"#, "a referral tier's credits"),
    (#"[{"loyalty_tier_create": {"points_from": 0, "points_to": 9223372036854775807}}]"#, ""),
  ])
  func hugeAmountsAreStepErrors(_ steps: String, _ reason: String) {
    let text = #"{"version": 1, "project": {"webhooks": [{}]}, "steps": \#(steps)}"#
    do {
      _ = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
      #expect(reason.isEmpty, "the scenario ran")
    } catch {
      #expect(!reason.isEmpty && "\(error)".contains(reason), "\(error)")
    }
  }
}

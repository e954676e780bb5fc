import SendoutCore

/// `sendout validate`: checks a scenario without running it.
enum ValidateCommand: Command {
  static let name = "validate"
  static let summary = "Check a scenario file without sending anything."
  static let help = """
    USAGE: sendout validate SCENARIO

    Parses and checks SCENARIO (format: Scenarios/README.md): JSON syntax (file:line:column), every field
    (its path and what is allowed), event types, purposes, header names, payload templates against the
    trigger event's keys, and ${ENV_VAR} references; then plays the steps on the simulated world (nothing
    is sent) to check references, selectors and world rules. Exit 0 when valid, 65 otherwise.

    EXAMPLES:
      sendout validate Scenarios/spring-discounts.json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let rest = try arguments.positionals()
    guard rest.count == 1 else { throw .usage("Expected one SCENARIO file, got \(rest.count)") }
    let scenario = try ScenarioFile.load(rest[0])
    // Steps are checked by playing them on the (pure) world: references, selectors and world rules.
    let plan = try RunCommand.makePlan(
      scenario, file: rest[0], seed: nil, defaultTarget: "http://127.0.0.1:8080/webhooks", overrideTarget: nil)
    let steps = scenario.steps.count
    let types = Set(plan.map(\.sendout.eventType)).count
    Console.out(
      "\(rest[0]): ok — \"\(scenario.name)\", \(steps) step\(steps == 1 ? "" : "s"), "
        + "\(scenario.project.webhooks.count) project webhook(s), \(scenario.distributions.count) distribution(s); "
        + "plans \(plan.count) sendouts of \(types) event types")
    return 0
  }
}

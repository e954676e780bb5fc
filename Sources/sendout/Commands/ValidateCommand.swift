import SendoutCore

/// `sendout validate`: checks a scenario without running it.
enum ValidateCommand: Command {
  static let name = "validate"
  static let summary = "Check a scenario file without sending anything."
  static let help = """
    USAGE: sendout validate SCENARIO

    Parses and checks SCENARIO (format: Scenarios/README.md): JSON syntax (file:line:column), every field
    (its path and what is allowed), event types, purposes, header names, payload templates against the
    trigger event's keys, and ${ENV_VAR} references. Exit 0 when valid, 65 otherwise.

    EXAMPLES:
      sendout validate Scenarios/spring-discounts.json
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let rest = try arguments.positionals()
    guard rest.count == 1 else { throw .usage("Expected one SCENARIO file, got \(rest.count)") }
    let scenario = try ScenarioFile.load(rest[0])
    let steps = scenario.steps.count
    Console.out(
      "\(rest[0]): ok — \"\(scenario.name)\", \(steps) step\(steps == 1 ? "" : "s"), "
        + "\(scenario.project.webhooks.count) project webhook(s), \(scenario.distributions.count) distribution(s)")
    return 0
  }
}

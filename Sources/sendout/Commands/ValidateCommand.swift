import SendoutCore
import SendoutSessions

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
    let file = try ScenarioArgument.parse(&arguments)
    // Steps are checked by playing them on the (pure) world: references, selectors and world rules.
    let plan = try await Session.run { () throws(SessionError) in try RunSession.plan(file: file) }
    Console.out(RunText.validated(plan, file: file))
    return 0
  }
}

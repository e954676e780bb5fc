import SendoutCore
import SendoutSessions

/// `sendout validate`: checks a scenario without running it.
enum ValidateCommand: Command {
  static let name = "validate"
  static let summary = "Check a scenario file without sending anything: every problem, at its file:line:column."
  static let help = """
    USAGE: sendout validate SCENARIO [--json]

    Parses and checks SCENARIO (format: Scenarios/README.md): JSON syntax, every field (its path and what
    is allowed), event types, purposes, header names, payload templates against the trigger event's keys,
    and ${ENV_VAR} references; then plays the steps on the simulated world (nothing is sent) to check
    references, selectors and world rules. Every problem is reported, not only the first, each as
    file:line:column and the field's path (playing the steps stops at the first world rule refused).
    Exit 0 when valid, 65 otherwise.

    OPTIONS:
      --json     One JSON object per problem on standard output: {"file", "line", "column", "path",
                 "message"} (line and column null when unknown); nothing when the file is valid.

    EXAMPLES:
      sendout validate Scenarios/spring-discounts.json
      sendout validate my-scenario.json --json | jq -r '"\\(.line):\\(.column) \\(.message)"'
    """

  static func run(_ arguments: inout Arguments) async throws(CLIError) -> Int32 {
    let json = arguments.flag("--json")
    let file = try ScenarioArgument.parse(&arguments)
    let result = try await Session.run { () throws(SessionError) in try ValidateSession.run(file: file) }
    if json {
      for problem in result.problems { Console.out(problem.json.compactString) }
    } else {
      for line in RunText.problems(result.problems, file: file) { Console.err(line) }
    }
    guard let plan = result.plan else { return 65 }
    if !json { Console.out(RunText.validated(plan, file: file)) }
    return 0
  }
}

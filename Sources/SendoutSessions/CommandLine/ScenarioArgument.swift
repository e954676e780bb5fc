/// The one SCENARIO positional of `run` and `validate`.
public enum ScenarioArgument {
  /// The SCENARIO path; a missing one or a second one is a usage error.
  public static func parse(_ arguments: inout Arguments) throws(CLIError) -> String {
    let rest = try arguments.positionals()
    guard rest.count == 1 else {
      throw .usage(
        rest.isEmpty
          ? "Missing SCENARIO file, e.g. Scenarios/spring-discounts.json" : "Expected one SCENARIO, got \(rest.count)")
    }
    return rest[0]
  }
}

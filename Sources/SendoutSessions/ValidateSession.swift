import SendoutCore

/// `sendout validate`: every problem of a scenario file, each with its `file:line:column`, or, when it has none, its
/// plan (the steps played on the simulated world, nothing sent), whose first refusal is the one problem left.
public enum ValidateSession {
  /// What the check found.
  public struct Result: Sendable {
    /// Every problem, in file order; empty when the file is valid.
    public var problems: [ScenarioError]
    /// The plan of a valid file.
    public var plan: RunSession.Plan?
  }

  /// Checks the file at `path`; a file that cannot be read is `badInput`.
  public static func run(file path: String) throws(SessionError) -> Result {
    let bytes = try ScenarioFile.read(path)
    let loader = ScenarioFile.loader(path)
    let problems = loader.problems(bytes)
    guard problems.isEmpty else { return Result(problems: problems, plan: nil) }
    let scenario: Scenario
    do { scenario = try loader.load(bytes) } catch { return Result(problems: [error], plan: nil) }
    do {
      let sendouts = try ScenarioPlan.make(scenario: scenario, defaultTarget: RunSession.placeholderTarget, file: path)
      return Result(problems: [], plan: RunSession.Plan(scenario: scenario, sendouts: sendouts))
    } catch {
      var located = scenario.environment.hiding(error)
      if located.position == nil { located.position = JSONLocator.positions(of: bytes)[error.path] }
      return Result(problems: [located], plan: nil)
    }
  }
}

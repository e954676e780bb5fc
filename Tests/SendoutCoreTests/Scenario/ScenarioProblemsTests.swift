import Testing

@testable import SendoutCore

/// `sendout validate` reports every problem of a scenario (issue 21, item 8), each at the line and column of the
/// field it names, in file order; `load` still stops at the first, with the same message as before.
@Suite struct ScenarioProblemsTests {
  static let text = """
    {"version": 1, "nme": "x",
     "project": {"webhooks": [{"target_url": "http://x/y", "evnts": 1}]},
     "steps": [{"publish": {"campaign": "spring"}, "count": "two"},
       {"repeat": {"times": 2, "steps": [{"bogus": 1}]}}],
     "expect": {"all_delivered": "yes"}}
    """

  @Test func everyProblemIsReportedAtItsLineAndColumnInFileOrder() {
    let loader = ScenarioLoader(file: "s.json", environment: [:])
    let problems = loader.problems(Array(Self.text.utf8))
    #expect(
      problems.map(\.description) == [
        "s.json:1:16: at `nme`: unknown key (did you mean 'name'?); allowed here: distributions, expect, name, "
          + "project, seed, start, steps, version, world",
        "s.json:2:56: at `project.webhooks.0.evnts`: unknown key (did you mean 'events'?); allowed here: active, "
          + "events, headers, id, target_url",
        "s.json:3:48: at `steps.0.count`: expected an integer, found string \"two\"",
        "s.json:4:39: at `steps.1.repeat.steps.0.bogus`: " + (problems.count > 3 ? problems[3].reason : ""),
        "s.json:5:13: at `expect.all_delivered`: expected true or false, found string",
      ])
    #expect(problems.count > 3 && problems[3].reason.hasPrefix("unknown operation"))
    #expect(
      problems.first?.json.compactString.hasPrefix(#"{"file":"s.json","line":1,"column":16,"path":"nme","#) == true)
  }

  @Test func loadStillThrowsTheFirstProblemAsBefore() {
    let loader = ScenarioLoader(file: "s.json", environment: [:])
    #expect(throws: ScenarioError.self) { try loader.load(Array(Self.text.utf8)) }
    do {
      _ = try loader.load(Array(Self.text.utf8))
    } catch {
      #expect(error.description.hasPrefix("s.json: at `project.webhooks.0.evnts`: unknown key"), "\(error)")
    }
  }

  @Test func aSyntaxErrorIsTheOneProblemAndAValidFileHasNone() {
    let loader = ScenarioLoader(file: "s.json", environment: [:])
    #expect(
      loader.problems(Array("{\"version\": 1,\n ]".utf8)).map(\.description).first?.hasPrefix("s.json:2:2:") == true)
    #expect(loader.problems(Array(#"{"version": 1, "steps": []}"#.utf8)).isEmpty)
  }

  @Test func theLocatorFindsMembersAndElementsByPath() {
    let positions = JSONLocator.positions(of: Array("{\"a\": [1, {\"b\\\"\": \"é\", \"c\": 2}],\n \"d\": {}}".utf8))
    #expect(positions["a"]?.line == 1 && positions["a"]?.column == 2)
    #expect(positions["a.1"]?.column == 11)
    #expect(positions["a.1.b\""]?.column == 12)
    #expect(positions["a.1.c"]?.column == 24)
    #expect(positions["d"]?.line == 2 && positions["d"]?.column == 2)
  }
}

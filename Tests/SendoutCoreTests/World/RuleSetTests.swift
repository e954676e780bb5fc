import Testing

@testable import SendoutCore

/// A rule's `rules` compile once into a `RuleSet`: the scenario steps' hand-built rules equal their compiled JSON,
/// `logic` binds `not` before `and` before `or`, and a condition the mock does not evaluate is kept, not refused.
@Suite struct RuleSetTests {
  @Test(arguments: [nil, "seg_1"] as [String?])
  func theScenarioRulesEqualTheirCompiledJSON(segment: String?) throws {
    let (rules, built) = ValidationRule.minimumAmount(5000, segmentID: segment)
    #expect(try RuleSet.compile(rules) == built)
  }

  @Test func logicBindsNotThenAndThenOr() throws {
    let clause = #"{"name":"order.amount","conditions":{"$more_than":[1]}}"#
    let text = #"{"1":\#(clause),"2":\#(clause),"3":\#(clause),"logic":"1 or not 2 and (3)"}"#
    let rules = try #require(try JSONParser.parse(Array(text.utf8)).objectValue)
    #expect(try RuleSet.compile(rules).logic == .or(.clause("1"), .and(.not(.clause("2")), .clause("3"))))
    for bad in ["1 and", "(1", "1 2", "4"] {
      var broken = rules
      broken["logic"] = .string(bad)
      #expect(throws: VoucherifyError.self, "\(bad)") { try RuleSet.compile(broken) }
    }
  }

  @Test func aConditionTheMockDoesNotEvaluateIsKeptNotRefused() throws {
    let text = #"{"1":{"name":"order.amount","conditions":{"$dow":[1]}},"2":{"name":"order.amount","conditions":{}}}"#
    let compiled = try RuleSet.compile(try #require(try JSONParser.parse(Array(text.utf8)).objectValue))
    #expect(compiled.unsupported?.contains("`rules.1.conditions.$dow` '$dow'") == true)
    #expect(compiled.clauses["2"] != nil && compiled.clauses["1"] == nil)
  }
}

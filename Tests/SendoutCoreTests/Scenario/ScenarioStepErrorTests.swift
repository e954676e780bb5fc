import SendoutCore
import Testing

/// Reference and parameter errors name the field path, quote the value and say what is allowed.
@Suite struct ScenarioStepErrorTests {
  static func error(_ steps: String, world: String = "") -> ScenarioError? {
    let text = #"{"version": 1, "project": {"webhooks": [{}]}, \#(world) "steps": \#(steps)}"#
    do {
      _ = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    (#"[{"publish": {}}, {"redeem": {"amount": "lots"}}]"#, "steps.1.redeem.amount", "expected an integer"),
    (#"[{"publish": {"campaign": "sprng"}}]"#, "steps.0.publish.campaign", "no campaign 'sprng'"),
    (#"[{"publish": {"customer": "nobody"}}]"#, "steps.0.publish.customer", "\"next\" or \"random\""),
    (#"[{"publish": {"campain": "coupons"}}]"#, "steps.0.publish.campain", "did you mean 'campaign'"),
    (
      #"[{"name": "p", "publish": {}}, {"redeem": {"voucher": "${p.vouchr.code}"}}]"#, "steps.1.redeem.voucher",
      "available fields: publication, voucher"
    ),
    (
      #"[{"redeem": {"voucher": "${nope.voucher.code}"}}]"#, "steps.0.redeem.voucher", "no earlier step is named 'nope'"
    ),
    (#"[{"advance": {"by": "soon"}}]"#, "steps.0.advance.by", "expected e.g. 500ms"),
    (
      #"[{"repeat": {"times": 2, "steps": [{"loyalty_points_add": {"points": 5}}]}}]"#,
      "steps.0.repeat.steps.0.loyalty_points_add.card", "no step has published a loyalty card"
    ),
    (
      #"[{"name": "c", "publish": {"campaign": "gift"}}, {"loyalty_points_add": {"card": "${c.voucher.code}", "points": 5}}]"#,
      "steps.1.loyalty_points_add.card", "no loyalty card"
    ),
    (#"[{"rollback": {}}]"#, "steps.0.rollback.redemption", "is required"),
  ])
  func stepErrors(_ steps: String, _ path: String, _ reason: String) {
    let e = Self.error(steps)
    #expect(e?.path == path, "\(e?.description ?? "no error")")
    #expect(e?.reason.contains(reason) == true, "\(e?.description ?? "no error")")
  }

  /// Steps of 100 years each used to carry the clock past year 9999, where nothing can be written any more.
  @Test func advancingPastTheLastWritableTimeIsRefused() throws {
    let text =
      #"{"version": 1, "start": "9950-01-01T00:00:00Z", "project": {"webhooks": [{}]}, "steps": [{"advance": {"by": "36500d"}}]}"#
    let scenario = try ScenarioFixtures.parse(text)
    do throws(ScenarioError) {
      _ = try ScenarioPlan.make(scenario: scenario, defaultTarget: "http://d/")
      Issue.record("a scenario past 9999 was accepted")
    } catch {
      #expect(error.path == "steps.0.advance.by")
      #expect(error.reason.contains("9999-12-31T23:59:59.999Z"), "\(error.description)")
    }
  }

  @Test func worldErrorsHavePaths() {
    let e = Self.error("[]", world: #""world": {"campaigns": [{"type": "COUPONS"}]},"#)
    #expect(e?.path == "world.campaigns.0.type")
    #expect(e?.reason.contains("DISCOUNT_COUPONS") == true)
    let f = Self.error(
      "[]",
      world: #""world": {"campaigns": [{"type": "DISCOUNT_COUPONS", "discount": {"percent_off_formula": "MAYBE"}}]},"#)
    #expect(f?.path == "world.campaigns.0.discount.percent_off_formula")
  }

  @Test func worldOperationFailuresNameTheStep() {
    let e = Self.error(
      #"[{"name": "c", "publish": {"campaign": "coupons"}}, {"gift_credits_add": {"voucher": "${c.voucher.id}", "amount": 5}}]"#
    )
    #expect(e?.path == "steps.1.gift_credits_add.voucher" || e?.path == "steps.1.gift_credits_add")
  }

  @Test func referencesInsideRepeatReferToTheLatestRun() throws {
    let text = #"""
      {"version": 1, "project": {"webhooks": [{"events": ["redemption.succeeded"]}]}, "steps": [
        {"repeat": {"times": 3, "steps": [
          {"name": "p", "publish": {"campaign": "coupons", "customer": "next"}},
          {"redeem": {"voucher": "${p.voucher.code}", "customer": "${p.customer.id}", "amount": 4000}}
        ]}}
      ]}
      """#
    let plan = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
    let codes = try plan.map { try ScenarioFixtures.json($0)["data"]?["voucher"]?["code"]?.stringValue ?? "" }
    #expect(codes.count == 3 && Set(codes).count == 3)
  }

  @Test func everyOperationIsListedAndAccepted() {
    #expect(ScenarioOperations.names.count == Set(ScenarioOperations.names).count)
    for name in ScenarioOperations.names {
      let e = Self.error(#"[{"\#(name)": {"bogus_parameter": 1}}]"#)
      #expect(e != nil && e?.reason.contains("unknown operation") != true, "\(name): \(e?.description ?? "accepted")")
    }
  }
}

@Suite struct ScenarioParameterListTests {
  @Test func unknownParameterListsWhatTheOperationTakes() {
    let e = ScenarioStepErrorTests.error(#"[{"redeem": {"vocher": "X"}}]"#)
    #expect(e?.path == "steps.0.redeem.vocher")
    #expect(e?.reason.contains("did you mean 'voucher'") == true)
    #expect(e?.reason.contains("takes: voucher, promotion_tier, customer, amount, items") == true, "\(e?.reason ?? "")")
  }

  @Test func parameterNamesDropNotes() {
    let advance = ScenarioOperations.all.first { $0.name == "advance" }
    #expect(advance?.parameterNames == ["by"])
    let points = ScenarioOperations.all.first { $0.name == "loyalty_points_add" }
    #expect(points?.parameterNames == ["card", "customer", "campaign", "points", "reason"])
  }
}

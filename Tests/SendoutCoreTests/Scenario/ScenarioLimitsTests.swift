import SendoutCore
import Testing

/// Issue 10, class 2 in scenarios: limits checked before the work starts — formula nesting, a code
/// pattern too small for `vouchers_count`, generated vouchers counted against the operation limit.
@Suite struct ScenarioLimitsTests {
  @Test func deeplyNestedFormulasAreRefusedNotAStackOverflow() {
    let deep = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
    #expect(DiscountFormula.evaluate(deep, orderAmount: 100) == nil)
    let deepIf = String(repeating: "IF(1>0;", count: 20_000) + "1" + String(repeating: ";2)", count: 20_000)
    #expect(DiscountFormula.evaluate(deepIf, orderAmount: 100) == nil)
    let fine = String(repeating: "(", count: 60) + "7" + String(repeating: ")", count: 60)
    #expect(DiscountFormula.evaluate(fine, orderAmount: 100) == 7)
  }

  @Test func aScenarioWithADeepFormulaIsABadInputError() {
    let formula = String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
    let text =
      #"{"version": 1, "project": {"webhooks": [{}]}, "steps": [{"campaign_create": {"name": "F", "#
      + #""discount": {"type": "PERCENT", "percent_off_formula": "\#(formula)"}}}]}"#
    do {
      _ = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
      Issue.record("accepted a 50,000-deep formula")
    } catch {
      #expect(error.description.contains("nested at most 64 deep"), "\(error.description.prefix(300))")
      #expect(error.description.count < 600, "the formula is not quoted whole")
    }
  }

  @Test func aPatternTooSmallForItsVouchersIsRefused() {
    let text =
      #"{"version": 1, "project": {"webhooks": [{}]}, "steps": [{"campaign_create": {"name": "Tiny", "#
      + ##""code_config": {"pattern": "#", "charset": "numbers"}, "vouchers_count": 11}}]}"##
    do {
      _ = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
      Issue.record("accepted 11 codes from a one-digit pattern")
    } catch {
      #expect(error.description.contains("only 10 distinct codes"), "\(error.description)")
    }
  }

  @Test func aPatternThatHoldsItsVouchersExactlyGeneratesThemAll() throws {
    let text =
      #"{"version": 1, "project": {"webhooks": [{"events": ["voucher.created"]}]}, "steps": [{"campaign_create": {"#
      + ##""name": "Ten", "code_config": {"pattern": "#", "charset": "numbers"}, "vouchers_count": 10}}]}"##
    _ = try ScenarioPlan.make(scenario: try ScenarioFixtures.parse(text), defaultTarget: "http://d/")
  }

  @Test func generatedVouchersCountAgainstTheOperationLimit() {
    let text =
      #"{"version": 1, "steps": [{"repeat": {"times": 100, "steps": [{"campaign_create": {"name": "C", "#
      + #""vouchers_count": 30000}}]}}]}"#
    #expect(throws: ScenarioError.self) { _ = try ScenarioFixtures.parse(text) }
  }

  @Test func codesStayUniqueWhenCampaignsShareAFullSpace() throws {
    var world = World(seed: 1, start: Timestamp(milliseconds: 1_710_337_500_000))
    let config = CodeConfig(pattern: "#", charset: "01")
    var codes: Set<String> = []
    for _ in 0..<3 {
      let campaign = try world.createCampaign(
        CampaignSpec(type: .discountCoupons, name: "Two", codeConfig: config, vouchersCount: 2)
      ).value
      codes.formUnion(world.vouchers.filter { $0.campaignID == campaign.id }.map(\.code))
    }
    #expect(codes.count == 6, "six distinct codes although the pattern makes two: \(codes.sorted())")
  }
}

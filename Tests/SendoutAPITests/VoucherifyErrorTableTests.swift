import SendoutAPI
import SendoutCore
import Testing

/// Each world rule answers with Voucherify's own status and key (issue 18, item 3), through the mock API in process
/// and, where a scenario step reaches the rule, through the scenario runner. Before, every rule the world itself
/// checked was a generic 400 `invalid_payload`. Sources for the keys: VoucherifyError+Rules.swift.
@Suite struct VoucherifyErrorTableTests {
  /// A rule: the calls that set it up (`$CODE`, `$GIFT`, `$CARD`, `$PROGRAM`, `$REWARD`, `$TIER`, `$CAMPAIGN` are
  /// replaced by the sample world's ids), then the refused call, its status and key.
  struct Rule: Sendable, CustomStringConvertible {
    var key: String
    var status: Int
    var setup: [(String, String, String?)] = []
    var call: (String, String, String?)
    var description: String { key }
  }

  static func redeem(_ redeemable: String) -> (String, String, String?) {
    (
      "POST", "/v1/redemptions",
      #"{"redeemables":[\#(redeemable)],"customer":{"source_id":"tbl"},"order":{"amount":10000}}"#
    )
  }
  static func voucher(_ code: String, _ fields: String) -> (String, String, String?) {
    ("POST", "/v1/vouchers/\(code)", #"{"campaign_id":"$CAMPAIGN"\#(fields)}"#)
  }
  static func code(_ code: String) -> String { #"{"object":"voucher","id":"\#(code)"}"# }

  static let rules: [Rule] = [
    Rule(key: "not_found", status: 404, call: ("GET", "/v1/vouchers/NO-SUCH-CODE", nil)),
    Rule(
      key: "voucher_disabled", status: 400, setup: [voucher("TBL-OFF", #","active":false"#)],
      call: redeem(code("TBL-OFF"))),
    Rule(
      key: "campaign_disabled", status: 400, setup: [("POST", "/v1/campaigns/$CAMPAIGN/disable", nil)],
      call: redeem(code("$CODE"))),
    Rule(
      key: "voucher_expired", status: 400, setup: [voucher("TBL-OLD", #","expiration_date":"2020-01-01""#)],
      call: redeem(code("TBL-OLD"))),
    Rule(
      key: "voucher_not_active", status: 400, setup: [voucher("TBL-NEW", #","start_date":"2030-01-01""#)],
      call: redeem(code("TBL-NEW"))),
    Rule(
      key: "quantity_exceeded", status: 400,
      setup: [voucher("TBL-ONE", #","redemption":{"quantity":1}"#), redeem(code("TBL-ONE"))],
      call: redeem(code("TBL-ONE"))),
    Rule(
      key: "gift_amount_exceeded", status: 400,
      call: redeem(#"{"object":"voucher","id":"$GIFT","gift":{"credits":999999999}}"#)),
    Rule(key: "missing_reward", status: 400, call: redeem(code("$CARD"))),
    Rule(
      key: "promotion_inactive", status: 400, setup: [("POST", "/v1/promotions/tiers/$TIER/disable", nil)],
      call: redeem(#"{"object":"promotion_tier","id":"$TIER"}"#)),
    Rule(
      key: "loyalty_card_points_exceeded", status: 400,
      call: ("POST", "/v1/loyalties/$PROGRAM/members/$CARD/redemption", #"{"reward":{"id":"$REWARD"}}"#)),
    Rule(
      key: "duplicate_found", status: 409,
      setup: [voucher("TBL-BIN", ""), ("DELETE", "/v1/vouchers/TBL-BIN", nil)], call: voucher("TBL-BIN", "")),
  ]

  @Test(arguments: rules)
  func inProcessCallsAnswerTheRulesKey(_ rule: Rule) throws {
    let api = try InProcessAPI()
    let ids: [String: String] = api.read { w in
      let coupons = w.vouchers.first { $0.campaignType == .discountCoupons && $0.active }
      let card = w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID != nil }
      return [
        "$CAMPAIGN": coupons?.campaignID ?? "", "$CODE": coupons?.code ?? "",
        "$GIFT": w.vouchers.first { $0.campaignType == .giftVouchers && $0.holderID != nil }?.code ?? "",
        "$CARD": card?.code ?? "", "$PROGRAM": card?.campaignID ?? "",
        "$REWARD": w.rewardAssignments.first { $0.campaignID == card?.campaignID }?.rewardID ?? "",
        "$TIER": w.promotionTiers.first { $0.active }?.id ?? "",
      ]
    }
    func fill(_ text: String) -> String { ids.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) } }
    for (method, path, body) in rule.setup {
      let (status, answer) = api.call(method, fill(path), body: body.map(fill))
      #expect((200..<300).contains(status), "setup \(method) \(path): \(status) \(answer ?? .null)")
    }
    let (status, answer) = api.call(rule.call.0, fill(rule.call.1), body: rule.call.2.map(fill))
    #expect(status == rule.status && answer?["key"]?.stringValue == rule.key, "\(answer ?? .null)")
    #expect(InProcessAPI.isError(answer, status: rule.status), "\(answer ?? .null)")
  }

  /// The scenario runner stops on the same refusal, keeps its line for the user, and carries the error.
  @Test(arguments: [
    (
      #"[{"name": "c", "publish": {"campaign": "loyalty"}}, {"reward_redeem": {"card": "${c.voucher.code}"}}]"#,
      "loyalty_card_points_exceeded"
    ),
    (
      #"[{"name": "c", "publish": {"campaign": "loyalty"}}, {"redeem": {"voucher": "${c.voucher.code}"}}]"#,
      "missing_reward"
    ),
  ])
  func scenarioStepsCarryTheRulesKey(_ steps: String, _ key: String) throws {
    let text = #"{"version": 1, "project": {"webhooks": [{}]}, "steps": \#(steps)}"#
    let scenario = try ScenarioLoader(file: "t.json", environment: [:]).load(Array(text.utf8))
    do {
      _ = try ScenarioPlan.make(scenario: scenario, defaultTarget: "http://d/")
      Issue.record("the scenario ran")
    } catch {
      #expect(error.refusal?.key == key && error.refusal?.status == 400, "\(error)")
      #expect(error.path == "steps.1" || error.path.hasPrefix("steps.1."), "\(error)")
      #expect(error.reason.hasPrefix("Operation not possible: "), "\(error)")
    }
  }
}

import SendoutAPI
import SendoutCore
import Testing

/// A project's stacking rules through the Management API, and the served project's applied by validations and
/// redemptions: lowering `applicable_redeemables_limit` skips a redeemable that applied before, and lowering
/// `redeemables_limit` refuses a request that was accepted; deleting the rules restores Voucherify's defaults. A
/// setting the mock does not apply is refused (501), never kept and ignored.
@Suite struct ServeStackingRulesTests {
  /// A validation of two of the sample's promotion tiers on a large order.
  static func validation(_ server: InProcessAPI) throws -> (Int, JSON) {
    let tiers = server.read { Array($0.promotionTiers.prefix(2).map(\.id)) }
    try #require(tiers.count == 2)
    let redeemables = tiers.map { #"{"object":"promotion_tier","id":"\#($0)"}"# }.joined(separator: ",")
    return try server.send(
      "POST", "/v1/validations", body: #"{"redeemables":[\#(redeemables)],"order":{"amount":100000}}"#)
  }

  @Test func changingTheLimitsChangesTheVerdicts() throws {
    let server = try InProcessAPI.served()
    let path = "/management/v1/projects/\(server.projectID)/stacking-rules"
    let (_, before) = try Self.validation(server)
    #expect(before["skipped_redeemables"]?.arrayValue?.isEmpty == true, "\(before)")
    #expect(before.value(atPath: "stacking_rules.applicable_redeemables_limit") == 5)
    let (_, defaults) = try server.send("GET", path)
    #expect(defaults["total"] == 1 && defaults.value(atPath: "data.0.id") == nil, "the defaults have no id")
    let (made, rules) = try server.send("POST", path, body: #"{"applicable_redeemables_limit":1}"#)
    #expect(made == 200 && rules["redeemables_limit"] == 30 && rules["applicable_redeemables_limit"] == 1, "\(rules)")
    let id = try #require(rules["id"]?.stringValue)
    let (_, after) = try Self.validation(server)
    #expect(after.value(atPath: "skipped_redeemables.0.result.details.key") == "applicable_redeemables_limit_exceeded")
    #expect(after.value(atPath: "stacking_rules.applicable_redeemables_limit") == 1, "\(after)")
    let (_, changed) = try server.send("PUT", "\(path)/\(id)", body: #"{"redeemables_limit":1}"#)
    #expect(changed["redeemables_limit"] == 1 && changed["applicable_redeemables_limit"] == 1, "\(changed)")
    let (refused, error) = try Self.validation(server)
    #expect(refused == 400 && error["details"]?.stringValue?.contains("at most 1") == true, "\(error)")
    let (deleted, _) = try server.send("DELETE", "\(path)/\(id)")
    #expect(deleted == 204)
    let (_, again) = try Self.validation(server)
    for field in ["redeemables", "skipped_redeemables", "order", "stacking_rules"] {
      #expect(again[field] == before[field], "the defaults again: \(field) as before any rule was set")
    }
    #expect(server.sendouts.isEmpty)
  }

  @Test func anotherProjectsRulesChangeNoVerdictOfTheServedOne() throws {
    let server = try InProcessAPI.served()
    let other = try ServeProjectTests.created(server)
    let (made, _) = try server.send(
      "POST", "/management/v1/projects/\(other)/stacking-rules", body: #"{"applicable_redeemables_limit":1}"#)
    #expect(made == 200)
    let (_, answer) = try Self.validation(server)
    #expect(answer["skipped_redeemables"]?.arrayValue?.isEmpty == true, "\(answer)")
  }

  @Test func refusalsNameTheField() throws {
    let server = try InProcessAPI.served()
    let path = "/management/v1/projects/\(server.projectID)/stacking-rules"
    let (_, rules) = try server.send("POST", path, body: #"{"redeemables_limit":10}"#)
    let id = try #require(rules["id"]?.stringValue)
    try server.expectRefusals([
      ("POST", path, #"{"redeemables_limit":12}"#, 409, "duplicate_found", id),
      ("PUT", "\(path)/\(id)", #"{"redeemables_limit":31}"#, 400, "invalid_payload", "redeemables_limit"),
      (
        "PUT", "\(path)/\(id)", #"{"applicable_redeemables_limit":"two"}"#, 400, "invalid_payload",
        "applicable_redeemables_limit"
      ),
      (
        "PUT", "\(path)/\(id)", #"{"redeemables_application_mode":"SOME"}"#, 400, "invalid_payload",
        "redeemables_application_mode"
      ),
      (
        "PUT", "\(path)/\(id)", #"{"exclusive_categories":["cat_1"]}"#, 501, "not_implemented",
        "`exclusive_categories`"
      ),
      ("GET", "\(path)/stk_nope", nil, 404, "not_found", "stk_nope"),
      ("GET", "/management/v1/projects/proj_nope/stacking-rules", nil, 404, "not_found", "proj_nope"),
    ])
    let other = try ServeProjectTests.created(server)
    let (elsewhere, _) = try server.send("GET", "/management/v1/projects/\(other)/stacking-rules/\(id)")
    #expect(elsewhere == 404, "the rules of another project")
    let (_, kept) = try server.send("GET", "\(path)/\(id)")
    #expect(kept["redeemables_limit"] == 10 && kept["redeemables_application_mode"] == "ALL", "\(kept)")
  }

  /// A validation or redemption of an unknown code followed by the sample's first promotion tier.
  static func stack(_ server: InProcessAPI, _ verb: String) throws -> (Int, JSON) {
    let tier = try #require(server.read { $0.promotionTiers.first?.id })
    return try server.send(
      "POST", "/v1/\(verb)",
      body: #"{"redeemables":[{"object":"voucher","id":"NOPE-1"},{"object":"promotion_tier","id":"\#(tier)"}],"#
        + #""order":{"amount":100000}}"#)
  }

  @Test func partialModeLeavesOutTheInapplicableAndRedeemsTheRest() throws {
    let server = try InProcessAPI.served()
    let (_, all) = try Self.stack(server, "validations")
    #expect(all["valid"] == false && all["redeemables"]?.arrayValue?.count == 2, "ALL: one failure fails all")
    #expect(all.value(atPath: "redeemables.1.status") == "SKIPPED", "\(all)")
    #expect(try Self.stack(server, "redemptions").0 == 404)
    let path = "/management/v1/projects/\(server.projectID)/stacking-rules"
    let (made, rules) = try server.send("POST", path, body: #"{"redeemables_application_mode":"PARTIAL"}"#)
    #expect(made == 200 && rules["redeemables_application_mode"] == "PARTIAL", "\(rules)")
    let (_, partial) = try Self.stack(server, "validations")
    #expect(partial["valid"] == true, "\(partial)")
    #expect(partial["redeemables"]?.arrayValue?.compactMap { $0["status"]?.stringValue } == ["APPLICABLE"])
    #expect(partial.value(atPath: "inapplicable_redeemables.0.id") == "NOPE-1")
    #expect(partial.value(atPath: "inapplicable_redeemables.0.result.error.key") == "not_found")
    #expect(partial.value(atPath: "stacking_rules.redeemables_application_mode") == "PARTIAL")
    let (redeemed, answer) = try Self.stack(server, "redemptions")
    #expect(redeemed == 200, "\(answer)")
    try InProcessAPI.expectValid(answer, "RedemptionsRedeemResponseBody")
    #expect(answer["redemptions"]?.arrayValue?.count == 1 && answer["parent_redemption"] == nil)
    #expect(answer.value(atPath: "inapplicable_redeemables.0.id") == "NOPE-1", "\(answer)")
    #expect(answer.value(atPath: "order.discount_amount") == partial.value(atPath: "order.discount_amount"))
    let (none, error) = try server.send(
      "POST", "/v1/redemptions", body: #"{"redeemables":[{"object":"voucher","id":"NOPE-2"}],"order":{"amount":1}}"#)
    #expect(none == 404 && error["key"] == "resource_not_found" || error["key"] == "not_found", "\(error)")
  }
}

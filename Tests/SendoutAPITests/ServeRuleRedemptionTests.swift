import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Validation rules enforced by `POST /v1/redemptions`: a refused redemption is Voucherify's 400, a failed
/// redemption (`rf_…`) that the API returns, and its `redemption.failed` webhook; the redemption limits count per
/// customer, per day and per campaign; a second rollback and an unknown code fail as documented.
@Suite struct ServeRuleRedemptionTests {
  @Test func aRefusedRedemptionIsA400AndAFailedRedemptionTheAPIReturns() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(
      #"{"1":{"name":"order.amount","conditions":{"$more_than":[5000]}}}"#, error: "Orders over 50.00 only")
    let code = try #require(try server.ruledCampaign("Over 50", rule: rule).first)
    let (status, error) = try server.stack("/v1/redemptions", [code], customer: "ann", order: #"{"amount":1000}"#)
    // Voucherify's validation-rules guide: 400 {"key": "order_rules_violated", "message": "order does not match
    // validation rules", "details": CODE}; the spec's Error example gives a failed redemption's id as resource_id.
    #expect(status == 400 && error["key"] == "order_rules_violated", "\(error)")
    #expect(error["message"] == "order does not match validation rules" && error["details"]?.stringValue == code)
    #expect(error.value(atPath: "error.message") == "Orders over 50.00 only")
    let failedID = try #require(error["resource_id"]?.stringValue)
    #expect(failedID.hasPrefix("rf_") && error["resource_type"] == "redemption")
    let (got, failed) = try server.send("GET", "/v1/redemptions/\(failedID)")
    #expect(got == 200 && failed["result"] == "FAILURE" && failed["failure_code"] == "order_rules_violated")
    #expect(failed["failure_message"] == "order does not match validation rules")
    try InProcessAPI.expectValid(failed, "RedemptionsGetResponseBody")
    let (_, list) = try server.send("GET", "/v1/redemptions?result=FAILURE&limit=100")
    #expect(list["redemptions"]?.arrayValue?.contains { $0["id"]?.stringValue == failedID } == true)
    let sent = try server.bodies(of: "redemption.failed")
    #expect(sent.map { $0.value(atPath: "data.redemption.id")?.stringValue } == [failedID])
    #expect(sent.first?.value(atPath: "data.redemption.failure_code") == "order_rules_violated")
    #expect(server.read { w in (try? w.voucher(code: code))?.redeemedQuantity } == 0)
    let (redeemed, body) = try server.stack("/v1/redemptions", [code], customer: "ann", order: #"{"amount":6000}"#)
    #expect(redeemed == 200, "\(body)")
  }

  @Test func redemptionsAreLimitedPerCustomerPerDayAndPerCampaign() throws {
    let server = try InProcessAPI.served()
    func limit(_ name: String, _ most: Int, codes: Int = 1) throws -> [String] {
      let rule = try server.makeRule(#"{"1":{"name":"\#(name)","conditions":{"$less_than_or_equal":[\#(most)]}}}"#)
      return try server.ruledCampaign("Limit \(name)", rule: rule, codes: codes)
    }
    func redeem(_ code: String, _ customer: String) throws -> (Int, JSON) {
      try server.stack("/v1/redemptions", [code], customer: customer, order: #"{"amount":2000}"#)
    }
    let once = try #require(try limit("redemption.count.per_customer", 1).first)
    let (first, redemption) = try redeem(once, "kim")
    #expect(first == 200, "\(redemption)")
    let (_, second) = try redeem(once, "kim")
    #expect(second["key"] == "customer_rules_violated", "\(second)")
    let (other, third) = try redeem(once, "lee")
    #expect(other == 200, "another customer: \(third)")
    let id = try #require(redemption.value(atPath: "redemptions.0.id")?.stringValue)
    #expect(try server.send("POST", "/v1/redemptions/\(id)/rollback").0 == 200)
    #expect(try redeem(once, "kim").0 == 200, "a rolled-back redemption does not count")

    let daily = try #require(try limit("redemption.count.per_customer_per_day", 1).first)
    #expect(try redeem(daily, "kim").0 == 200)
    #expect(try redeem(daily, "kim").1["key"] == "customer_rules_violated")
    let tomorrow = server.read { $0.now.adding(milliseconds: 86_400_000) }
    server.moveClock(to: tomorrow)
    #expect(try redeem(daily, "kim").0 == 200, "the next day")

    let perCampaign = try limit("campaign.redemptions.customers_count", 1, codes: 2)
    #expect(try redeem(perCampaign[0], "kim").0 == 200)
    #expect(try redeem(perCampaign[1], "kim").1["key"] == "customer_rules_violated", "another code, same campaign")
    #expect(try redeem(perCampaign[1], "lee").0 == 200)

    let total = try limit("campaign.redemptions.count", 2, codes: 2)
    #expect(try redeem(total[0], "kim").0 == 200 && redeem(total[1], "lee").0 == 200)
    #expect(try redeem(total[0], "pat").1["key"] == "order_rules_violated")
  }

  @Test func aPublicationHolderOnlyCodeIsRedeemableByItsHolderOnly() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(
      #"{"1":{"name":"publication.redeemable_by_linked_customer","conditions":{"$is":[true]}}}"#)
    _ = try server.ruledCampaign("Personal", rule: rule, codes: 1)
    let (status, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"holder"},"campaign":{"name":"Personal"}}"#)
    #expect(status == 200, "\(publication)")
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    #expect(try server.validates(code, customer: "holder", order: #"{"amount":100}"#) == (true, nil))
    #expect(
      try server.validates(code, customer: "stranger", order: #"{"amount":100}"#) == (false, "customer_rules_violated"))
  }

  @Test func aSecondRollbackIsA400AlreadyRolledBack() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[0]}}}"#)
    let code = try #require(try server.ruledCampaign("Returns", rule: rule).first)
    let (_, redeemed) = try server.stack("/v1/redemptions", [code], customer: "kim", order: #"{"amount":2000}"#)
    let id = try #require(redeemed.value(atPath: "redemptions.0.id")?.stringValue)
    #expect(try server.send("POST", "/v1/redemptions/\(id)/rollback").0 == 200)
    let (again, error) = try server.send("POST", "/v1/redemptions/\(id)/rollback")
    // The official `redemption.rollback.failed` example: failure_code `already_rolled_back`, "Already rolled back".
    #expect(
      again == 400 && error["key"] == "already_rolled_back" && error["message"] == "Already rolled back", "\(error)")
    let rollbackID = try #require(error["resource_id"]?.stringValue)
    #expect(rollbackID.hasPrefix("rrf_"))
    let (got, failed) = try server.send("GET", "/v1/redemptions/\(rollbackID)")
    #expect(got == 200 && failed["result"] == "FAILURE" && failed["failure_code"] == "already_rolled_back")
    let sent = try server.bodies(of: "redemption.rollback.failed")
    #expect(sent.map { $0.value(atPath: "data.redemption_rollback.id")?.stringValue } == [rollbackID])
  }

  @Test func redeemingAnUnknownCodeRecordsAFailedRedemption() throws {
    let server = try InProcessAPI.served()
    let (status, error) = try server.stack("/v1/redemptions", ["NO-SUCH"], customer: "kim", order: #"{"amount":100}"#)
    #expect(status == 404 && error["key"] == "not_found", "\(error)")
    let (_, list) = try server.send("GET", "/v1/redemptions?result=FAILURE&limit=100")
    let failures = list["redemptions"]?.arrayValue ?? []
    // The spec's "Failed Redemptions": `resource_not_found` - voucher with given code does not exist.
    #expect(
      failures.contains {
        $0["failure_code"] == "resource_not_found" && $0["id"]?.stringValue?.hasPrefix("rf_") == true
      })
    #expect(try server.bodies(of: "redemption.failed").isEmpty, "no voucher to describe: no webhook")
  }
}

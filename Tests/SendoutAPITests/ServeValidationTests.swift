import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Stacked validation and redemption, called in process: a validation announces exactly what the redemption then
/// does, changes nothing and sends nothing; a redemption is all or nothing, with a parent and one child each.
@Suite struct ServeValidationTests {
  /// Publishes a code of the campaign `campaign` (name) to `customer`; its code.
  func publish(_ server: InProcessAPI, _ campaign: String, to customer: String) throws -> String {
    let (status, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"\#(customer)"},"campaign":{"name":"\#(campaign)"}}"#
    )
    #expect(status == 200, "\(publication)")
    return try #require(publication.value(atPath: "voucher.code")?.stringValue)
  }

  /// The name of the first campaign of `type`.
  func campaignName(_ server: InProcessAPI, _ type: String) throws -> String {
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=\(type)&limit=1")
    return try #require(campaigns["campaigns"]?.arrayValue?.first?["name"]?.stringValue)
  }

  @Test func aValidationAnnouncesWhatTheStackedRedemptionThenDoes() throws {
    let server = try InProcessAPI.served()
    let welcome = try publish(server, "Welcome Offer", to: "kim")
    let gift = try publish(server, try campaignName(server, "GIFT_VOUCHERS"), to: "kim")
    let body = """
      {"redeemables":[{"object":"voucher","id":"\(welcome)"},{"object":"voucher","id":"\(gift)","gift":{"credits":3000}}],
       "order":{"amount":20000},"customer":{"source_id":"kim"},"options":{"expand":["order","redeemable"]}}
      """
    let (status, validation) = try server.send("POST", "/v1/validations", body: body)
    #expect(status == 200, "\(validation)")
    try InProcessAPI.expectValid(validation, "ValidationsValidateResponseBody")
    #expect(validation["valid"] == true)
    #expect(validation["redeemables"]?.arrayValue?.map { $0["status"] } == ["APPLICABLE", "APPLICABLE"])
    #expect(validation.value(atPath: "redeemables.1.result.gift.credits") == 3000)
    #expect(validation.value(atPath: "order.total_discount_amount") == 4000)
    #expect(validation.value(atPath: "order.total_amount") == 16000)
    #expect(validation["stacking_rules"]?["applicable_redeemables_limit"] == 5)
    let (_, again) = try server.send("POST", "/v1/validations", body: body)
    #expect(again == validation, "a validation changes nothing")
    let (_, voucher) = try server.send("GET", "/v1/vouchers/\(welcome)")
    #expect(voucher.value(atPath: "redemption.redeemed_quantity") == 0)

    let (redeemedStatus, redeemed) = try server.send("POST", "/v1/redemptions", body: body)
    #expect(redeemedStatus == 200, "\(redeemed)")
    try InProcessAPI.expectValid(redeemed, "RedemptionsRedeemResponseBody")
    let parent = try #require(redeemed.value(atPath: "parent_redemption.id")?.stringValue)
    let children = try #require(redeemed["redemptions"]?.arrayValue)
    #expect(children.count == 2)
    #expect(children.allSatisfy { $0["redemption"]?.stringValue == parent })
    #expect(children.map { $0.value(atPath: "voucher.code")?.stringValue } == [welcome, gift])
    #expect(
      redeemed.value(atPath: "order.total_discount_amount") == validation.value(atPath: "order.total_discount_amount"))
    #expect(redeemed.value(atPath: "order.total_amount") == 16000)
    let (_, card) = try server.send("GET", "/v1/vouchers/\(gift)")
    #expect(card.value(atPath: "gift.balance") == 2000, "\(card)")

    let (single, refused) = try server.send("POST", "/v1/redemptions/\(parent)/rollback")
    #expect(single == 400 && refused["key"] == "invalid_rollback_params", "a parent rolls back as a stack")
    let (rolledStatus, rolled) = try server.send("POST", "/v1/redemptions/\(parent)/rollbacks?reason=returned")
    #expect(rolledStatus == 200, "\(rolled)")
    try InProcessAPI.expectValid(rolled, "RedemptionsRollbacksCreateResponseBody")
    #expect(rolled["rollbacks"]?.arrayValue?.map { $0["redemption"] } == children.map { $0["id"] })
    #expect(rolled.value(atPath: "parent_rollback.redemption")?.stringValue == parent)
    #expect(rolled.value(atPath: "order.status") == "CANCELED")
    let (_, refunded) = try server.send("GET", "/v1/vouchers/\(gift)")
    #expect(refunded.value(atPath: "gift.balance") == 5000, "\(refunded)")

    let childIDs = Set(children.compactMap { $0["id"]?.stringValue })
    let delivered = try server.bodies(of: "redemption.succeeded").compactMap {
      $0.value(atPath: "data.redemption.id")?.stringValue
    }
    #expect(Set(delivered) == childIDs && delivered.count == childIDs.count, "one redemption.succeeded per child")
  }

  @Test func oneInapplicableCodeMakesTheValidationInvalidAndTheRedemptionA400() throws {
    let server = try InProcessAPI.served()
    let good = try publish(server, "Welcome Offer", to: "lee")
    let bad = try publish(server, "Welcome Offer", to: "lee")
    _ = try server.send("POST", "/v1/vouchers/\(bad)/disable")
    let body = #"""
      {"redeemables":[{"object":"voucher","id":"\#(good)"},{"object":"voucher","id":"\#(bad)"},
       {"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000},"customer":{"source_id":"lee"}}
      """#
    let (status, validation) = try server.send("POST", "/v1/validations", body: body)
    #expect(status == 200, "\(validation)")
    try InProcessAPI.expectValid(validation, "ValidationsValidateResponseBody")
    #expect(validation["valid"] == false)
    #expect(validation["redeemables"]?.arrayValue?.map { $0["status"] } == ["APPLICABLE", "INAPPLICABLE", "SKIPPED"])
    #expect(validation.value(atPath: "inapplicable_redeemables.0.result.error.key") == "voucher_disabled")
    #expect(validation.value(atPath: "skipped_redeemables.0.result.details.key") == "preceding_validation_failed")
    let (_, unknown) = try server.send(
      "POST", "/v1/validations", body: #"{"redeemables":[{"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000}}"#
    )
    #expect(unknown.value(atPath: "redeemables.0.result.error.code") == 404)
    #expect(unknown.value(atPath: "redeemables.0.result.error.key") == "not_found")

    let (failed, error) = try server.send("POST", "/v1/redemptions", body: body)
    #expect(failed == 400 && error["key"] == "voucher_disabled" && error["details"]?.stringValue == bad, "\(error)")
    let (_, voucher) = try server.send("GET", "/v1/vouchers/\(good)")
    #expect(voucher.value(atPath: "redemption.redeemed_quantity") == 0, "all or nothing")
    let (notFound, missing) = try server.send(
      "POST", "/v1/redemptions", body: #"{"redeemables":[{"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000}}"#
    )
    #expect(notFound == 404 && missing["key"] == "not_found")
    let many = (0..<31).map { #"{"object":"voucher","id":"C\#($0)"}"# }.joined(separator: ",")
    let (tooMany, limit) = try server.send(
      "POST", "/v1/validations", body: #"{"redeemables":[\#(many)],"order":{"amount":5000}}"#)
    #expect(tooMany == 400 && limit["key"] == "invalid_payload", "\(limit)")
    let (noAmount, amount) = try server.send(
      "POST", "/v1/validations", body: #"{"redeemables":[{"object":"voucher","id":"\#(good)"}]}"#)
    #expect(noAmount == 400 && amount["key"] == "missing_amount")
    let arrived = server.sendouts
    #expect(arrived.filter { $0.eventType == "redemption.failed" }.count == 1)
    #expect(!arrived.contains { $0.eventType == "redemption.succeeded" })
  }

  @Test func theSameSeedAndCallsGiveTheSameValidationAndRedemptionBytes() throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try InProcessAPI.served(seed: 7)
      let a = try publish(server, "Welcome Offer", to: "pat")
      let b = try publish(server, try campaignName(server, "GIFT_VOUCHERS"), to: "pat")
      let body = #"""
        {"redeemables":[{"object":"voucher","id":"\#(a)"},{"object":"voucher","id":"\#(b)"}],
         "order":{"amount":9000},"customer":{"source_id":"pat"}}
        """#
      let (_, validation) = try server.send("POST", "/v1/validations", body: body)
      let (_, redemption) = try server.send("POST", "/v1/redemptions", body: body)
      runs.append([validation, redemption])
    }
    #expect(runs[0].map(\.compactBytes) == runs[1].map(\.compactBytes))
    #expect(runs[0][1]["parent_redemption"] != nil)
  }
}

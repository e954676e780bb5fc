import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

/// Stacked validation and redemption over loopback HTTP: a validation announces exactly what the redemption then
/// does, changes nothing and sends nothing; a redemption is all or nothing, with a parent and one child each.
@Suite struct ServeValidationTests {
  /// Publishes a code of the campaign `campaign` (name) to `customer`; its code.
  func publish(_ server: ServeServer, _ campaign: String, to customer: String) async throws -> String {
    let (status, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"\#(customer)"},"campaign":{"name":"\#(campaign)"}}"#
    )
    #expect(status == 200, "\(publication)")
    return try #require(publication.value(atPath: "voucher.code")?.stringValue)
  }

  /// The name of the first campaign of `type`.
  func campaignName(_ server: ServeServer, _ type: String) async throws -> String {
    let (_, campaigns) = try await server.call("GET", "/v1/campaigns?campaign_type=\(type)&limit=1")
    return try #require(campaigns["campaigns"]?.arrayValue?.first?["name"]?.stringValue)
  }

  @Test func aValidationAnnouncesWhatTheStackedRedemptionThenDoes() async throws {
    let server = try await ServeServer()
    let welcome = try await publish(server, "Welcome Offer", to: "kim")
    let gift = try await publish(server, try await campaignName(server, "GIFT_VOUCHERS"), to: "kim")
    let body = """
      {"redeemables":[{"object":"voucher","id":"\(welcome)"},{"object":"voucher","id":"\(gift)","gift":{"credits":3000}}],
       "order":{"amount":20000},"customer":{"source_id":"kim"},"options":{"expand":["order","redeemable"]}}
      """
    let (status, validation) = try await server.call("POST", "/v1/validations", body: body)
    #expect(status == 200, "\(validation)")
    try ServeServer.expectValid(validation, "ValidationsValidateResponseBody")
    #expect(validation["valid"] == true)
    #expect(validation["redeemables"]?.arrayValue?.map { $0["status"] } == ["APPLICABLE", "APPLICABLE"])
    #expect(validation.value(atPath: "redeemables.1.result.gift.credits") == 3000)
    #expect(validation.value(atPath: "order.total_discount_amount") == 4000)
    #expect(validation.value(atPath: "order.total_amount") == 16000)
    #expect(validation["stacking_rules"]?["applicable_redeemables_limit"] == 5)
    let (_, again) = try await server.call("POST", "/v1/validations", body: body)
    #expect(again == validation, "a validation changes nothing")
    let (_, voucher) = try await server.call("GET", "/v1/vouchers/\(welcome)")
    #expect(voucher.value(atPath: "redemption.redeemed_quantity") == 0)

    let (redeemedStatus, redeemed) = try await server.call("POST", "/v1/redemptions", body: body)
    #expect(redeemedStatus == 200, "\(redeemed)")
    try ServeServer.expectValid(redeemed, "RedemptionsRedeemResponseBody")
    let parent = try #require(redeemed.value(atPath: "parent_redemption.id")?.stringValue)
    let children = try #require(redeemed["redemptions"]?.arrayValue)
    #expect(children.count == 2)
    #expect(children.allSatisfy { $0["redemption"]?.stringValue == parent })
    #expect(children.map { $0.value(atPath: "voucher.code")?.stringValue } == [welcome, gift])
    #expect(
      redeemed.value(atPath: "order.total_discount_amount") == validation.value(atPath: "order.total_discount_amount"))
    #expect(redeemed.value(atPath: "order.total_amount") == 16000)
    let (_, card) = try await server.call("GET", "/v1/vouchers/\(gift)")
    #expect(card.value(atPath: "gift.balance") == 2000, "\(card)")

    let (single, refused) = try await server.call("POST", "/v1/redemptions/\(parent)/rollback")
    #expect(single == 400 && refused["key"] == "invalid_rollback_params", "a parent rolls back as a stack")
    let (rolledStatus, rolled) = try await server.call("POST", "/v1/redemptions/\(parent)/rollbacks?reason=returned")
    #expect(rolledStatus == 200, "\(rolled)")
    try ServeServer.expectValid(rolled, "RedemptionsRollbacksCreateResponseBody")
    #expect(rolled["rollbacks"]?.arrayValue?.map { $0["redemption"] } == children.map { $0["id"] })
    #expect(rolled.value(atPath: "parent_rollback.redemption")?.stringValue == parent)
    #expect(rolled.value(atPath: "order.status") == "CANCELED")
    let (_, refunded) = try await server.call("GET", "/v1/vouchers/\(gift)")
    #expect(refunded.value(atPath: "gift.balance") == 5000, "\(refunded)")

    // Deliveries run concurrently: wait (at most 5 s) until each child's redemption.succeeded is in.
    let childIDs = Set(children.compactMap { $0["id"]?.stringValue })
    var delivered: Set<String> = []
    for _ in 0..<1_000 where delivered != childIDs {
      let bodies = try server.listener.received.filter { $0.eventType == "redemption.succeeded" }.map {
        try JSONParser.parse($0.body)
      }
      delivered = Set(bodies.compactMap { $0.value(atPath: "data.redemption.id")?.stringValue })
      try await Task.sleep(nanoseconds: 5_000_000)
    }
    try await server.stop()
    #expect(delivered == childIDs, "one redemption.succeeded per child")
  }

  @Test func oneInapplicableCodeMakesTheValidationInvalidAndTheRedemptionA400() async throws {
    let server = try await ServeServer()
    let good = try await publish(server, "Welcome Offer", to: "lee")
    let bad = try await publish(server, "Welcome Offer", to: "lee")
    _ = try await server.call("POST", "/v1/vouchers/\(bad)/disable")
    let body = #"""
      {"redeemables":[{"object":"voucher","id":"\#(good)"},{"object":"voucher","id":"\#(bad)"},
       {"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000},"customer":{"source_id":"lee"}}
      """#
    let (status, validation) = try await server.call("POST", "/v1/validations", body: body)
    #expect(status == 200, "\(validation)")
    try ServeServer.expectValid(validation, "ValidationsValidateResponseBody")
    #expect(validation["valid"] == false)
    #expect(validation["redeemables"]?.arrayValue?.map { $0["status"] } == ["APPLICABLE", "INAPPLICABLE", "SKIPPED"])
    #expect(validation.value(atPath: "inapplicable_redeemables.0.result.error.key") == "voucher_disabled")
    #expect(validation.value(atPath: "skipped_redeemables.0.result.details.key") == "preceding_validation_failed")
    let (_, unknown) = try await server.call(
      "POST", "/v1/validations", body: #"{"redeemables":[{"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000}}"#
    )
    #expect(unknown.value(atPath: "redeemables.0.result.error.code") == 404)
    #expect(unknown.value(atPath: "redeemables.0.result.error.key") == "not_found")

    let (failed, error) = try await server.call("POST", "/v1/redemptions", body: body)
    #expect(failed == 400 && error["key"] == "voucher_disabled" && error["details"]?.stringValue == bad, "\(error)")
    let (_, voucher) = try await server.call("GET", "/v1/vouchers/\(good)")
    #expect(voucher.value(atPath: "redemption.redeemed_quantity") == 0, "all or nothing")
    let (notFound, missing) = try await server.call(
      "POST", "/v1/redemptions", body: #"{"redeemables":[{"object":"voucher","id":"NO-SUCH"}],"order":{"amount":5000}}"#
    )
    #expect(notFound == 404 && missing["key"] == "not_found")
    let many = (0..<31).map { #"{"object":"voucher","id":"C\#($0)"}"# }.joined(separator: ",")
    let (tooMany, limit) = try await server.call(
      "POST", "/v1/validations", body: #"{"redeemables":[\#(many)],"order":{"amount":5000}}"#)
    #expect(tooMany == 400 && limit["key"] == "invalid_payload", "\(limit)")
    let (noAmount, amount) = try await server.call(
      "POST", "/v1/validations", body: #"{"redeemables":[{"object":"voucher","id":"\#(good)"}]}"#)
    #expect(noAmount == 400 && amount["key"] == "missing_amount")
    let arrived = await server.webhooks(until: "redemption.failed")
    try await server.stop()
    #expect(arrived.filter { $0.eventType == "redemption.failed" }.count == 1)
    #expect(!arrived.contains { $0.eventType == "redemption.succeeded" })
  }

  @Test func theSameSeedAndCallsGiveTheSameValidationAndRedemptionBytes() async throws {
    var runs: [[JSON]] = []
    for _ in 0..<2 {
      let server = try await ServeServer(seed: 7)
      let a = try await publish(server, "Welcome Offer", to: "pat")
      let b = try await publish(server, try await campaignName(server, "GIFT_VOUCHERS"), to: "pat")
      let body = #"""
        {"redeemables":[{"object":"voucher","id":"\#(a)"},{"object":"voucher","id":"\#(b)"}],
         "order":{"amount":9000},"customer":{"source_id":"pat"}}
        """#
      let (_, validation) = try await server.call("POST", "/v1/validations", body: body)
      let (_, redemption) = try await server.call("POST", "/v1/redemptions", body: body)
      try await server.stop()
      runs.append([validation, redemption])
    }
    #expect(runs[0].map(\.compactBytes) == runs[1].map(\.compactBytes))
    #expect(runs[0][1]["parent_redemption"] != nil)
  }
}

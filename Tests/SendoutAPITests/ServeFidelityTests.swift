import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 19, item 6: the smaller disagreements between the mock's answers and Voucherify's, each checked against the
/// spec's schema or example it follows.
@Suite struct ServeFidelityTests {
  static let redeem = #"{"redeemables":[{"object":"voucher","id":"CODE"}],"order":{"amount":8000}}"#

  /// A code of the sample world's first coupon campaign, published to a new customer.
  static func publishedCode(_ api: InProcessAPI) throws -> String {
    let campaign = try #require(api.read { $0.firstCampaign(.discountCoupons)?.id })
    let (status, body) = api.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"fid-ann"},"campaign":{"id":"\#(campaign)"}}"#)
    #expect(status == 200, "\(body?.compactString ?? "")")
    return try #require(body?["voucher"]?["code"]?.stringValue)
  }

  /// `RedemptionBase`: `channel`, `related_object_type` and `related_object_id`, as the spec's "Discount Voucher"
  /// and "Stacked Redemption" examples of `GET /v1/redemptions/{id}` give them.
  @Test func aRedemptionNamesItsChannelAndWhatItRedeemed() throws {
    let api = try InProcessAPI()
    let code = try Self.publishedCode(api)
    let (status, redeemed) = api.call(
      "POST", "/v1/redemptions", body: Self.redeem.replacingOccurrences(of: "CODE", with: code))
    #expect(status == 200, "\(redeemed?.compactString ?? "")")
    let id = try #require(redeemed?["redemptions"]?.arrayValue?.first?["id"]?.stringValue)
    let (_, got) = api.call("GET", "/v1/redemptions/\(id)")
    let voucherID = try #require(api.read { try? $0.voucher(code: code).id })
    #expect(got?["related_object_type"] == "voucher")
    #expect(got?["related_object_id"]?.stringValue == voucherID)
    #expect(got?["channel"]?["channel_type"] == "API")
    #expect(got?["channel"]?["channel_id"]?.stringValue == api.read { $0.appID })
    try InProcessAPI.expectValid(try #require(got), "RedemptionBase")
  }

  /// A client-side redemption's events come from `CLIENT_API` with the client key's app id, and the redemption
  /// names that key (its `channel_type` stays `API`: the spec's enum has no client-side type).
  @Test func aClientSideRedemptionReportsTheClientChannel() throws {
    let api = try InProcessAPI()
    let code = try Self.publishedCode(api)
    let body =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":8000},"customer":{"source_id":"fid-ann"}}"#
    let (status, redeemed) = api.call("POST", "/client/v1/redemptions", body: body, client: true)
    #expect(status == 200, "\(redeemed?.compactString ?? "")")
    let succeeded = try #require(try api.bodies(of: "redemption.succeeded").last)
    #expect(succeeded["event"]?["event_source"]?["channel"] == "CLIENT_API")
    let client = try #require(succeeded["event"]?["event_source"]?["api_key"]?["app_id"]?.stringValue)
    #expect(client != api.read { $0.appID }, "the client key's app id, not the server key's")
    #expect(redeemed?["redemptions"]?.arrayValue?.first?["channel"]?["channel_id"]?.stringValue == client)
    #expect(redeemed?["redemptions"]?.arrayValue?.first?["channel"]?["channel_type"] == "API")
  }

  /// `summary.redemptions.gift.amount_to_go`: "Remaining gift card balance across all gift cards" (the spec's
  /// `CustomerSummaryRedemptions`), through a top-up and a redemption.
  @Test func amountToGoIsTheGiftCardsRemainingBalance() throws {
    let api = try InProcessAPI()
    let (customer, gift) = try #require(
      api.read { w -> (String, String)? in
        guard let c = w.customers.first,
          let v = w.vouchers.first(where: { $0.campaignType == .giftVouchers && $0.holderID == c.id })
        else { return nil }
        return (c.id, v.code)
      })
    let toGo = { () -> Int? in
      api.call("GET", "/v1/customers/\(customer)").1?["summary"]?["redemptions"]?["gift"]?["amount_to_go"]?.intValue
    }
    let cards = {
      api.read { w in
        w.vouchers.filter { $0.holderID == customer && $0.campaignType == .giftVouchers }.map(\.giftBalance).reduce(
          0, +)
      }
    }
    #expect(cards() > 0)
    #expect(toGo() == cards())
    #expect(api.call("POST", "/v1/vouchers/\(gift)/balance", body: #"{"amount":500}"#).0 == 200)
    let redeem =
      #"{"redeemables":[{"object":"voucher","id":"\#(gift)","gift":{"credits":300}}],"order":{"amount":8000},"customer":{"id":"\#(customer)"}}"#
    #expect(api.call("POST", "/v1/redemptions", body: redeem).0 == 200)
    #expect(toGo() == cards())
  }

  /// `referral_program.referee_reward.amount` is an integer (the spec's `ReferralProgram`), and a campaign's voucher
  /// template holds only its own kind's value, never `null` for the others (`CampaignVoucher` types them objects).
  @Test func campaignsAnswerTheRESTShapes() throws {
    let api = try InProcessAPI()
    let referral = try #require(api.read { $0.firstCampaign(.referralProgram)?.id })
    let (_, campaign) = api.call("GET", "/v1/campaigns/\(referral)")
    #expect(campaign?["referral_program"]?["referee_reward"]?["amount"]?.intValue != nil)
    let (_, list) = api.call("GET", "/v1/campaigns?limit=100")
    let voucherValues = (list?["campaigns"]?.arrayValue ?? []).compactMap { $0["voucher"]?.objectValue }
    #expect(voucherValues.count > 3)
    for voucher in voucherValues {
      for key in ["discount", "gift", "loyalty_card"] { #expect(voucher[key] != .null, "\(key): \(voucher)") }
    }
  }

  /// `order.amount` of the wrong type is a type error naming the field (it was `missing_amount`).
  @Test(arguments: ["/v1/validations", "/v1/redemptions"])
  func anAmountSentAsAStringIsATypeError(_ path: String) throws {
    let api = try InProcessAPI()
    let code = try Self.publishedCode(api)
    let body = #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":"1000"}}"#
    let (status, error) = api.call("POST", path, body: body)
    #expect(status == 400)
    #expect(error?["key"] == "invalid_payload", "\(error?.compactString ?? "")")
    #expect(error?["details"]?.stringValue?.contains("`order.amount` must be an integer") == true)
  }

  /// The management API lists a webhook's events with the names of the spec's enum only, so an official SDK can
  /// parse the list ("Send me all events" included).
  @Test func webhookEventsAreNamesOfTheSpecsEnum() throws {
    let api = try InProcessAPI()
    let spec = try Fixtures.apiSpec()
    let enumPath = "components.schemas.ManagementProjectsWebhookBase.properties.events.items.enum"
    let enumNames = Set((spec.value(atPath: enumPath)?.arrayValue ?? []).compactMap(\.stringValue))
    #expect(enumNames.count > 50)
    let (status, list) = api.call("GET", "/management/v1/projects/\(api.projectID)/webhooks")
    #expect(status == 200)
    let events = (list?["data"]?.arrayValue ?? []).flatMap { $0["events"]?.arrayValue ?? [] }.compactMap(\.stringValue)
    #expect(events.count > 50)
    #expect(Set(events).subtracting(enumNames).isEmpty, "\(Set(events).subtracting(enumNames).sorted())")
  }

  /// `campaign_type` is optional in the spec: Voucherify infers it from the voucher type.
  @Test(arguments: [
    (#"{"name":"Inferred gift","voucher":{"type":"GIFT_VOUCHER","gift":{"amount":1000}}}"#, "GIFT_VOUCHERS"),
    (#"{"name":"Inferred loyalty","voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":10}}}"#, "LOYALTY_PROGRAM"),
    (
      #"{"name":"Inferred coupons","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT","percent_off":10}}}"#,
      "DISCOUNT_COUPONS"
    ),
    (#"{"name":"Inferred bare"}"#, "DISCOUNT_COUPONS"),
  ])
  func aCampaignWithoutTypeTakesItFromItsVoucher(_ body: String, _ type: String) throws {
    let api = try InProcessAPI()
    let (status, campaign) = api.call("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign?.compactString ?? "")")
    #expect(campaign?["campaign_type"]?.stringValue == type)
  }
}

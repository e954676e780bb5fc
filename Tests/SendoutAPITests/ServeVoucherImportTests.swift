import SendoutCore
import Testing

/// `POST /v1/vouchers/import` with the rows the spec's example and "Import Vouchers" describe (`category`, `active`,
/// dates, `redemption.quantity`, `additional_info`, `metadata`, a code's own `discount`, a gift card's `gift.amount`):
/// each code holds what its row sent, read back by `GET /v1/vouchers/{code}`; a row the mock cannot keep (a validity
/// window, `loyalty_card`, no campaign) or that does not fit its campaign's codes fails naming the field, the other
/// rows still apply. The single create and update keep and refuse the same fields.
@Suite struct ServeVoucherImportTests {
  /// A campaign of the served sample world of `type`, by name.
  static func campaign(_ api: InProcessAPI, _ type: CampaignType) throws -> String {
    try #require(api.read { $0.firstCampaign(type)?.name })
  }

  @Test func realisticRowsAreKeptAsSent() throws {
    let api = try InProcessAPI.served()
    let gift = try Self.campaign(api, .giftVouchers)
    let action = try ServeBulkUpdateTests.run(
      api, "/v1/vouchers/import",
      #"[{"code":"IMP-AMOUNT","campaign":"Welcome Offer","category":"new customer acquisition","#
        + #""type":"DISCOUNT_VOUCHER","active":false,"discount":{"amount_off":3000,"type":"AMOUNT"},"#
        + #""start_date":"2020-12-01T23:00:00Z","expiration_date":"2030-12-19T23:00:00Z","#
        + #""redemption":{"quantity":1,"redeemed_quantity":1},"metadata":{"unit":"EUR"},"additional_info":"secret-1"},"#
        + #"{"code":"IMP-ITEMS","campaign":"Welcome Offer","#
        + #""discount":{"percent_off":30,"type":"PERCENT","effect":"APPLY_TO_ITEMS"}},"#
        + #"{"code":"IMP-GIFT","campaign":"\#(gift)","type":"GIFT_VOUCHER","gift":{"amount":10000},"#
        + #""redemption":{"quantity":5},"additional_info":"secret-GIFT"}]"#)
    #expect(action.value(atPath: "result.done_count") == 3, "\(action)")
    let (_, amount) = try api.send("GET", "/v1/vouchers/IMP-AMOUNT")
    #expect(amount["category"] == "new customer acquisition" && amount["additional_info"] == "secret-1", "\(amount)")
    #expect(amount["active"] == false && amount.value(atPath: "discount.amount_off") == 3000)
    #expect(
      amount["start_date"] == "2020-12-01T23:00:00.000Z" && amount["expiration_date"] == "2030-12-19T23:00:00.000Z")
    #expect(
      amount.value(atPath: "redemption.quantity") == 1 && amount.value(atPath: "redemption.redeemed_quantity") == 0)
    #expect(amount.value(atPath: "metadata.unit") == "EUR")
    try InProcessAPI.expectValid(amount, "VouchersGetResponseBody")
    let (_, items) = try api.send("GET", "/v1/vouchers/IMP-ITEMS")
    #expect(items.value(atPath: "discount.effect") == "APPLY_TO_ITEMS" && items["additional_info"] == .null)
    let (_, card) = try api.send("GET", "/v1/vouchers/IMP-GIFT")
    #expect(card.value(atPath: "gift.amount") == 10000 && card.value(atPath: "gift.balance") == 10000, "\(card)")
    #expect(card.value(atPath: "redemption.quantity") == 5 && card["additional_info"] == "secret-GIFT")
    let created = try api.bodies(of: "voucher.created")
    #expect(created.first?.value(atPath: "data.voucher.additional_info") == "secret-1", "the webhook as the answer")
  }

  @Test func rowsTheMockCannotKeepOrThatDoNotFitFailNamingTheField() throws {
    let api = try InProcessAPI.served()
    let gift = try Self.campaign(api, .giftVouchers)
    let rows: [(String, String)] = [
      (#"{"code":"BAD-DAY","campaign":"Welcome Offer","validity_day_of_week":[1,2]}"#, "`validity_day_of_week`"),
      (#"{"code":"BAD-TYPE","campaign":"Welcome Offer","type":"GIFT_VOUCHER"}"#, "`type`"),
      (#"{"code":"BAD-GIFT","campaign":"Welcome Offer","gift":{"amount":100}}"#, "`gift`"),
      (#"{"code":"BAD-DISC","campaign":"\#(gift)","discount":{"type":"AMOUNT","amount_off":1}}"#, "`discount`"),
      (#"{"code":"BAD-PCT","campaign":"Welcome Offer","discount":{"type":"PERCENT"}}"#, "`discount.percent_off`"),
      (#"{"code":"BAD-ALONE","type":"DISCOUNT_VOUCHER"}"#, "standalone"),
      (
        #"{"code":"BAD-FORMULA","campaign":"Welcome Offer","discount":{"type":"AMOUNT","amount_off":5,"#
          + #""amount_off_formula":"ORDER_AMOUNT"}}"#, "`discount.amount_off_formula`"
      ),
      (#"{"code":"GOOD-1","campaign":"Welcome Offer"}"#, ""),
    ]
    let action = try ServeBulkUpdateTests.run(
      api, "/v1/vouchers/import", "[" + rows.map(\.0).joined(separator: ",") + "]")
    #expect(action.value(atPath: "result.done_count") == 1 && action.value(atPath: "result.failed_count") == 7)
    let failed = action.value(atPath: "result.failed")?.arrayValue ?? []
    for (i, (_, field)) in rows.dropLast().enumerated() {
      let reason = failed.count > i ? failed[i]["reason"]?.stringValue ?? "" : ""
      #expect(reason.contains(field), "row \(i + 1): \(reason)")
    }
    #expect(try api.send("GET", "/v1/vouchers/BAD-DAY").0 == 404 && api.send("GET", "/v1/vouchers/GOOD-1").0 == 200)
  }

  @Test func theSingleCreateAndUpdateKeepAndRefuseTheSameFields() throws {
    let api = try InProcessAPI.served()
    let (made, voucher) = try api.send(
      "POST", "/v1/vouchers/ONE-1", body: #"{"campaign":"Welcome Offer","additional_info":"note","category":"VIP"}"#)
    #expect(made == 200 && voucher["additional_info"] == "note" && voucher["category"] == "VIP", "\(voucher)")
    let (changed, updated) = try api.send(
      "PUT", "/v1/vouchers/ONE-1", body: #"{"additional_info":null,"discount":{"type":"AMOUNT","amount_off":700}}"#)
    #expect(changed == 200 && updated["additional_info"] == .null && updated["category"] == "VIP", "\(updated)")
    #expect(updated.value(atPath: "discount.amount_off") == 700)
    try api.expectRefusals([
      (
        "PUT", "/v1/vouchers/ONE-1", #"{"validity_timeframe":{"interval":"P1D","duration":"PT1H"}}"#, 501,
        "not_implemented", "`validity_timeframe`"
      ),
      ("PUT", "/v1/vouchers/ONE-1", #"{"category_id":"cat_nope"}"#, 404, "not_found", "cat_nope"),
      (
        "POST", "/v1/vouchers/ONE-2", #"{"campaign":"Welcome Offer","loyalty_card":{"points":5}}"#, 501,
        "not_implemented", "`loyalty_card`"
      ),
      (
        "POST", "/v1/vouchers/ONE-3", #"{"campaign":"Welcome Offer","discount":{"type":"AMOUNT"}}"#, 400,
        "invalid_voucher", "discount.amount_off"
      ),
    ])
    #expect(try api.send("GET", "/v1/vouchers/ONE-2").0 == 404)
  }
}

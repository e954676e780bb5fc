import SendoutCore
import Testing

/// Products and collections in validation rules and item-level discounts through `sendout serve`: a rule on a product
/// collection accepts or rejects carts on validate and redeem (it answered 501 before), and `APPLY_TO_ITEMS` and its
/// kin take off each line what Voucherify's worked examples show, in the validation's `order.items`, its
/// `applicable_to`, and the redeemed order.
@Suite struct ServeItemDiscountTests {
  /// A rule with `rules` (JSON text) and `applicable_to` (JSON text) when given; its id.
  static func rule(_ api: InProcessAPI, _ rules: String = "{}", applicableTo: String? = nil) throws -> String {
    let applicable = applicableTo.map { #","applicable_to":\#($0)"# } ?? ""
    let (status, rule) = try api.send(
      "POST", "/v1/validation-rules", body: #"{"name":"items","rules":\#(rules)\#(applicable)}"#)
    #expect(status == 200, "\(rule)")
    return try #require(rule["id"]?.stringValue)
  }

  /// A discount campaign of one code with `discount` (JSON text) and rule `rule`; its code.
  static func campaign(_ api: InProcessAPI, _ discount: String, rule: String) throws -> String {
    let body = """
      {"name":"items \(discount.count) \(rule)","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1,
       "validation_rules":["\(rule)"],"voucher":{"type":"DISCOUNT_VOUCHER","discount":\(discount),
       "redemption":{"quantity":100}}}
      """
    let (status, campaign) = try api.send("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign)")
    let id = try #require(campaign["id"]?.stringValue)
    return try #require(api.read { w in w.vouchers.first { $0.campaignID == id }?.code })
  }

  /// Makes a product of `price` cents (and `metadata`, JSON text); its id.
  static func product(_ api: InProcessAPI, _ name: String, _ price: Int, metadata: String = "{}") throws -> String {
    try ServeProductCollectionTests.made(
      api, "/v1/products", #"{"source_id":"\#(name)","name":"\#(name)","price":\#(price),"metadata":\#(metadata)}"#)
  }

  @Test func aRuleOnACollectionAcceptsAndRejectsCarts() throws {
    let api = try InProcessAPI.served()
    let shirt = try Self.product(api, "shirt", 2000)
    _ = try Self.product(api, "mug", 700)
    let shirts = try ServeProductCollectionTests.made(
      api, "/v1/product-collections", #"{"name":"Shirts","products":[{"id":"\#(shirt)","object":"product"}]}"#)
    let rule = try Self.rule(
      api,
      #"{"1":{"name":"order.items.any","conditions":{"$is":[{"id":"\#(shirts)","object":"products_collection"}]}}}"#)
    let code = try #require(try api.ruledCampaign("Shirts only", rule: rule).first)
    let withShirt = #"{"items":[{"product_id":"\#(shirt)","quantity":1},{"source_id":"mug","quantity":2}]}"#
    let mugsOnly = #"{"items":[{"source_id":"mug","quantity":2}]}"#
    #expect(try api.validates(code, order: withShirt) == (true, nil))
    #expect(try api.validates(code, order: mugsOnly) == (false, "order_rules_violated"))
    let (refused, error) = try api.stack("/v1/redemptions", [code], customer: "ann", order: mugsOnly)
    #expect(refused == 400 && error["key"] == "order_rules_violated", "\(error)")
    let (redeemed, body) = try api.stack("/v1/redemptions", [code], customer: "ann", order: withShirt)
    #expect(redeemed == 200, "\(body)")

    let brand = try ServeProductCollectionTests.made(
      api, "/v1/product-collections",
      #"{"name":"Brand V","filter":{"junction":"and","metadata.brand":{"conditions":{"$is":["V"]}}}}"#)
    let brandRule = try Self.rule(
      api, #"{"1":{"name":"order.items.any","conditions":{"$in":[{"id":"\#(brand)","object":"products_collection"}]}}}"#
    )
    let brandCode = try #require(try api.ruledCampaign("Brand V", rule: brandRule).first)
    let later = #"{"items":[{"source_id":"cap","quantity":1,"price":900}]}"#
    #expect(try api.validates(brandCode, order: later) == (false, "order_rules_violated"), "no such product yet")
    _ = try Self.product(api, "cap", 900, metadata: #"{"brand":"V"}"#)
    #expect(try api.validates(brandCode, order: later) == (true, nil), "a product created later joins the collection")
  }

  @Test func applyToItemsGivesTheSpecsWorkedExample() throws {
    // The spec's validate-stacked-discounts "5 Redeemables" answer: AMOUNT 1000 APPLY_TO_ITEMS on a 20.00 SKU line
    // and a 7.00 product line takes 10.00 and 7.00 off: items_discount_amount 1700, total_amount 1000.
    let api = try InProcessAPI.served()
    let phone = try Self.product(api, "phone", 2500)
    let sku = try ServeProductCollectionTests.made(
      api, "/v1/products/\(phone)/skus", #"{"source_id":"hd","price":2000}"#)
    let roses = try Self.product(api, "roses", 700)
    _ = try Self.product(api, "vase", 1500)
    let applicable =
      #"{"included":[{"object":"sku","id":"\#(sku)","product_id":"\#(phone)","effect":"APPLY_TO_EVERY"},{"object":"product","id":"\#(roses)","effect":"APPLY_TO_EVERY"}],"#
      + #""excluded":[{"object":"product","id":"prod_never","effect":"APPLY_TO_EVERY"}],"included_all":false}"#
    let rule = try Self.rule(api, applicableTo: applicable)
    let code = try Self.campaign(api, #"{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ITEMS"}"#, rule: rule)
    let order =
      #"{"items":[{"product_id":"\#(phone)","sku_id":"\#(sku)","quantity":1,"price":2000},"#
      + #"{"product_id":"\#(roses)","quantity":1},{"source_id":"vase","quantity":1}]}"#
    let (status, validation) = try api.stack("/v1/validations", [code], order: order)
    #expect(status == 200 && validation["valid"] == true, "\(validation)")
    try InProcessAPI.expectValid(validation, "ValidationsValidateResponseBody")
    let o = try #require(validation["order"])
    #expect(o["amount"] == 4200 && o["items_discount_amount"] == 1700 && o["total_discount_amount"] == 1700, "\(o)")
    #expect(o["discount_amount"] == nil && o["total_amount"] == 2500, "\(o)")
    let items = try #require(o["items"]?.arrayValue)
    #expect(items.map { $0["discount_amount"]?.intValue } == [1000, 700, nil], "the vase is not a target")
    #expect(items.map { $0["subtotal_amount"]?.intValue } == [1000, 0, 1500])
    #expect(items[0]["applied_discount_amount"] == 1000)
    let keys = items[0].objectValue?.members.map(\.key) ?? []
    #expect(keys.firstIndex(of: "discount_amount") == keys.firstIndex(of: "amount").map { $0 + 1 }, "\(keys)")
    let redeemable = try #require(validation.value(atPath: "redeemables.0"))
    #expect(redeemable.value(atPath: "result.discount.effect") == "APPLY_TO_ITEMS")
    #expect(redeemable.value(atPath: "applicable_to.total") == 2)
    #expect(redeemable.value(atPath: "applicable_to.data.0.effect") == "APPLY_TO_EVERY")
    #expect(redeemable.value(atPath: "applicable_to.data.1.id")?.stringValue == roses)
    #expect(redeemable.value(atPath: "inapplicable_to.data.0.id") == "prod_never")

    let (redeemed, body) = try api.stack("/v1/redemptions", [code], customer: "ann", order: order)
    #expect(redeemed == 200, "\(body)")
    let stored = try #require(body.value(atPath: "order"))
    #expect(stored["items_discount_amount"] == 1700 && stored["total_amount"] == 2500, "\(stored)")
    #expect(
      stored.value(atPath: "items.1.discount_amount") == 700 && stored.value(atPath: "items.1.subtotal_amount") == 0)
  }

  @Test func proportionalAndPercentEffectsSplitAsTheCheatSheetShows() throws {
    // Voucherify's "Discount Effects Cheat Sheet": T-shirt 30, Pen 20, Mug 10, the discount on Pen and Mug.
    let api = try InProcessAPI.served()
    let (_, pen, mug) = (
      try Self.product(api, "tshirt", 3000), try Self.product(api, "pen", 2000), try Self.product(api, "mug", 1000)
    )
    let applicable =
      #"{"included":[{"object":"product","id":"\#(pen)","effect":"APPLY_TO_EVERY"},"#
      + #"{"object":"product","id":"\#(mug)","effect":"APPLY_TO_EVERY"}]}"#
    let rule = try Self.rule(api, applicableTo: applicable)
    func lines(_ discount: String, quantities: [Int] = [1, 1, 1]) throws -> [Int?] {
      let code = try Self.campaign(api, discount, rule: rule)
      let items = zip(["tshirt", "pen", "mug"], quantities).map { #"{"source_id":"\#($0)","quantity":\#($1)}"# }
      let (status, validation) = try api.stack(
        "/v1/validations", [code], order: #"{"items":[\#(items.joined(separator: ","))]}"#)
      #expect(status == 200, "\(validation)")
      return (validation.value(atPath: "order.items")?.arrayValue ?? []).map { $0["discount_amount"]?.intValue }
    }
    #expect(try lines(#"{"type":"PERCENT","percent_off":10,"effect":"APPLY_TO_ITEMS"}"#) == [nil, 200, 100])
    #expect(
      try lines(#"{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ITEMS_PROPORTIONALLY"}"#) == [nil, 667, 333])
    #expect(
      try lines(
        #"{"type":"AMOUNT","amount_off":1000,"effect":"APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY"}"#,
        quantities: [2, 1, 6]) == [nil, 143, 857])
    #expect(
      try lines(#"{"type":"AMOUNT","amount_off":500,"effect":"APPLY_TO_ITEMS_BY_QUANTITY"}"#, quantities: [2, 1, 6])
        == [nil, 500, 3000])
  }

  @Test func freeUnitsOfASKUArePricedAtTheSKU() throws {
    let api = try InProcessAPI.served()
    let shirt = try Self.product(api, "unit-shirt", 2000)
    let large = try ServeProductCollectionTests.made(
      api, "/v1/products/\(shirt)/skus", #"{"source_id":"unit-shirt-l","price":2100}"#)
    let rule = try Self.rule(api)
    let code = try Self.campaign(
      api, #"{"type":"UNIT","unit_off":2,"unit_type":"\#(large)","effect":"ADD_MISSING_ITEMS"}"#, rule: rule)
    let (status, validation) = try api.stack("/v1/validations", [code], order: #"{"amount":1000}"#)
    #expect(status == 200 && validation.value(atPath: "order.items_discount_amount") == 4200, "\(validation)")
    let (redeemed, body) = try api.stack("/v1/redemptions", [code], customer: "ann", order: #"{"amount":1000}"#)
    #expect(redeemed == 200, "\(body)")
    let line = try #require(body.value(atPath: "order.items")?.arrayValue?.last, "\(body)")
    #expect(line["sku_id"]?.stringValue == large && line["product_id"]?.stringValue == shirt, "\(line)")
    #expect(line["price"] == 2100 && line["discount_quantity"] == 2 && line["discount_amount"] == 4200)
  }

  @Test func refusesWhatItCannotCompute() throws {
    let api = try InProcessAPI.served()
    let too = AmountLimits.maxAmount + 1
    let body = { (discount: String) in
      #"{"name":"x","campaign_type":"DISCOUNT_COUPONS","voucher":{"type":"DISCOUNT_VOUCHER","discount":\#(discount)}}"#
    }
    let cheapest = try Self.rule(
      api, applicableTo: #"{"included":[{"object":"product","id":"prod_1","effect":"APPLY_TO_CHEAPEST"}]}"#)
    let campaign = try #require(api.read { $0.campaigns.first?.id })
    try api.expectRefusals([
      (
        "POST", "/v1/campaigns", body(#"{"type":"AMOUNT","amount_off":\#(too),"effect":"APPLY_TO_ITEMS"}"#), 400,
        "invalid_payload", "voucher.discount.amount_off"
      ),
      (
        "POST", "/v1/campaigns", body(#"{"type":"PERCENT","percent_off":5,"effect":"APPLY_TO_ITEMS_BY_QUANTITY"}"#),
        400, "invalid_campaign_params", "APPLY_TO_ITEMS_BY_QUANTITY"
      ),
      (
        "POST", "/v1/validation-rules",
        #"{"name":"x","applicable_to":{"included":[{"object":"voucher","id":"v","effect":"APPLY_TO_EVERY"}]}}"#,
        400, "invalid_validation_rules", "applicable_to.included[0].object"
      ),
      (
        "POST", "/v1/validation-rules/\(cheapest)/assignments",
        #"{"related_object_type":"campaign","related_object_id":"\#(campaign)"}"#, 501, "not_implemented",
        "APPLY_TO_CHEAPEST"
      ),
    ])
  }
}

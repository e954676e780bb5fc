import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Validation rules are enforced by `POST /v1/validations`: each condition family the mock evaluates passes and
/// fails, clauses combine by `logic`, a campaign takes its rule at creation, and a condition the mock does not
/// evaluate is refused with 501 naming it when assigned, never ignored.
@Suite struct ServeValidationRuleTests {
  /// One request: its customer (`source_id`), order and metadata (JSON text).
  typealias Request = (customer: String?, order: String, metadata: String?)

  @Test func anOrderAmountRuleMakesAValidationInapplicableWithTheRuleAndItsMessage() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(
      #"{"1":{"name":"order.amount","conditions":{"$more_than":[5000]},"rules":{}},"logic":"1"}"#,
      error: "Orders over 50.00 only")
    let code = try #require(try server.ruledCampaign("Over 50", rule: rule).first)
    let (status, validation) = try server.stack("/v1/validations", [code], customer: "ann", order: #"{"amount":1000}"#)
    #expect(status == 200, "\(validation)")
    try InProcessAPI.expectValid(validation, "ValidationsValidateResponseBody")
    #expect(validation["valid"] == false)
    #expect(validation.value(atPath: "redeemables.0.status") == "INAPPLICABLE")
    let error = try #require(validation.value(atPath: "inapplicable_redeemables.0.result.error"))
    #expect(error["key"] == "order_rules_violated" && error["code"] == 400, "\(error)")
    #expect(error["message"] == "order does not match validation rules" && error["details"]?.stringValue == code)
    #expect(
      error["resource_id"]?.stringValue == rule && error.value(atPath: "error.message") == "Orders over 50.00 only")
    #expect(validation.value(atPath: "inapplicable_redeemables.0.result.details.message") == "Orders over 50.00 only")
    #expect(try server.validates(code, customer: "ann", order: #"{"amount":6000}"#) == (true, nil))
  }

  /// An order named by `source_id` (or `id`) without `items` or `metadata` is checked with what it holds: the rules
  /// see the order the redemption will use, not an empty one.
  @Test func anExistingOrderNamedWithoutItemsIsCheckedWithItsOwnItemsAndMetadata() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(
      #"{"1":{"name":"order.metadata","property":"channel","conditions":{"$is":["web"]},"rules":{}},"logic":"1"}"#,
      error: "Web orders only")
    let code = try #require(try server.ruledCampaign("Web only", rule: rule).first)
    let (made, order) = try server.send(
      "POST", "/v1/orders", body: #"{"source_id":"web-1","amount":3000,"metadata":{"channel":"web"}}"#)
    #expect(made == 200, "\(order)")
    let id = try #require(order["id"]?.stringValue)
    #expect(try server.validates(code, order: #"{"source_id":"web-1"}"#) == (true, nil))
    #expect(try server.validates(code, order: #"{"id":"\#(id)"}"#) == (true, nil))
    #expect(try server.validates(code, order: #"{"source_id":"web-1","metadata":{"channel":"shop"}}"#).0 == false)
    _ = try server.send("POST", "/v1/orders", body: #"{"source_id":"shop-1","amount":3000}"#)
    #expect(try server.validates(code, order: #"{"source_id":"shop-1"}"#).0 == false)
  }

  @Test func eachConditionFamilyPassesAndFails() throws {
    let server = try InProcessAPI.served()
    let (customer, key, value) = try #require(
      server.read { w -> (String, String, String)? in
        guard let c = w.customers.first(where: { !$0.metadata.members.isEmpty && $0.sourceID != nil }),
          let sourceID = c.sourceID, let m = c.metadata.members.first
        else { return nil }
        return (sourceID, m.key, String(decoding: m.value.compactBytes, as: UTF8.self))
      })
    _ = try server.send("POST", "/v1/customers", body: #"{"source_id":"outsider"}"#)
    let (made, segment) = try server.send(
      "POST", "/v1/segments", body: #"{"name":"Insiders","type":"static","customers":["\#(customer)"]}"#)
    #expect(made == 200, "\(segment)")
    let segmentID = try #require(segment["id"]?.stringValue)
    let a = #"{"product_id":"prod_a","quantity":2,"price":1500,"product":{"metadata":{"color":"red"}}}"#
    let b = #"{"product_id":"prod_b","quantity":1,"price":500}"#
    let sku = #"{"sku_id":"sku_x","source_id":"X-1","quantity":3,"price":100}"#
    func order(_ items: String...) -> String { #"{"amount":6000,"items":[\#(items.joined(separator: ","))]}"# }
    let cases: [(String, pass: Request, fail: Request, key: String)] = [
      (
        #""name":"order.amount","conditions":{"$more_than":[5000]}"#, (nil, #"{"amount":5001}"#, nil),
        (nil, #"{"amount":5000}"#, nil), "order_rules_violated"
      ),
      (
        #""name":"order.initial_amount","conditions":{"$less_than_or_equal":[2000]}"#, (nil, #"{"amount":2000}"#, nil),
        (nil, #"{"amount":2001}"#, nil), "order_rules_violated"
      ),
      (
        #""name":"order.metadata","property":"channel","conditions":{"$is":["web"]}"#,
        (nil, #"{"amount":100,"metadata":{"channel":"web"}}"#, nil),
        (nil, #"{"amount":100,"metadata":{"channel":"pos"}}"#, nil), "order_rules_violated"
      ),
      (
        #""name":"redemption.metadata","property":"card","conditions":{"$starts_with":["Vi"]}"#,
        (nil, #"{"amount":100}"#, #"{"card":"Visa"}"#), (nil, #"{"amount":100}"#, #"{"card":"Amex"}"#),
        "order_rules_violated"
      ),
      (
        #""name":"customer.metadata","property":"\#(key)","conditions":{"$is":[\#(value)]}"#,
        (customer, #"{"amount":100}"#, nil), ("outsider", #"{"amount":100}"#, nil), "customer_rules_violated"
      ),
      (
        #""name":"customer.segment","conditions":{"$is":["\#(segmentID)"]}"#, (customer, #"{"amount":100}"#, nil),
        ("outsider", #"{"amount":100}"#, nil), "customer_rules_violated"
      ),
      (
        #""name":"order.items.any","conditions":{"$is":[{"id":"prod_a","object":"product"}]},"rules":{"1":{"name":"order.items.aggregated_quantity","conditions":{"$more_than_or_equal":[2]}},"logic":"1"}"#,
        (nil, order(a, b), nil), (nil, order(b), nil), "order_rules_violated"
      ),
      (
        #""name":"sku.id","conditions":{"$in":[{"id":"sku_x","object":"sku"}]},"rules":{"1":{"name":"sku.quantity","conditions":{"$more_than":[2]}}}"#,
        (nil, order(sku), nil), (nil, order(a), nil), "order_rules_violated"
      ),
      (
        #""name":"product.id","conditions":{"$is":[{"id":"prod_a","source_id":""}]},"rules":{"1":{"name":"product.price","conditions":{"$more_than_or_equal":[1500]}},"logic":"1"}"#,
        (nil, order(a), nil), (nil, order(b, sku), nil), "order_rules_violated"
      ),
      (
        #""name":"order.items.every","conditions":{"$is":[{"id":"prod_a"},{"id":"prod_b"}]}"#, (nil, order(a, b), nil),
        (nil, order(a), nil), "order_rules_violated"
      ),
      (
        #""name":"order.items.none","conditions":{"$is":[{"id":"prod_a"}]}"#, (nil, order(b), nil),
        (nil, order(b, a), nil), "order_rules_violated"
      ),
      (
        #""name":"order.items.metadata","property":"color","conditions":{"$is":["red"]}"#, (nil, order(b, a), nil),
        (nil, order(b), nil), "order_rules_violated"
      ),
      (
        #""name":"order.items.price_each","conditions":{"$less_than":[1000]}"#, (nil, order(b, sku), nil),
        (nil, order(b, a), nil), "order_rules_violated"
      ),
    ]
    for (i, c) in cases.enumerated() {
      let rule = try server.makeRule(#"{"1":{\#(c.0)},"logic":"1"}"#)
      let code = try #require(try server.ruledCampaign("Family \(i)", rule: rule).first)
      let passed = try server.validates(code, customer: c.pass.customer, order: c.pass.order, metadata: c.pass.metadata)
      #expect(passed == (true, nil), "\(c.0) should pass")
      let failed = try server.validates(code, customer: c.fail.customer, order: c.fail.order, metadata: c.fail.metadata)
      #expect(failed == (false, c.key), "\(c.0) should fail")
    }
  }

  @Test func amountsAreSeenAfterThePrecedingRedeemablesDiscounts() throws {
    let server = try InProcessAPI.served()
    let free = try server.makeRule(#"{"1":{"name":"order.initial_amount","conditions":{"$more_than":[0]}}}"#)
    let first = try #require(try server.ruledCampaign("Plain", rule: free).first)
    let rules = [
      ("order.amount", "$more_than_or_equal", 5000, [true, false]),
      ("order.initial_amount", "$more_than_or_equal", 5000, [true, true]),
      ("order.discount_amount", "$more_than_or_equal", 500, [false, true]),
    ]
    for (name, op, number, expected) in rules {
      let rule = try server.makeRule(#"{"1":{"name":"\#(name)","conditions":{"\#(op)":[\#(number)]}}}"#)
      let code = try #require(try server.ruledCampaign(name, rule: rule).first)
      var valid: [Bool] = []
      for codes in [[code], [first, code]] {
        let (_, validation) = try server.stack("/v1/validations", codes, order: #"{"amount":5200}"#)
        valid.append(validation["valid"] == true)
      }
      #expect(valid == expected, "\(name): alone, then after 5.00 off")
    }
  }

  @Test func clausesCombineByTheirLogic() throws {
    let server = try InProcessAPI.served()
    let clauses = #"""
      "1":{"name":"order.amount","conditions":{"$more_than":[5000]}},
      "2":{"name":"order.metadata","property":"channel","conditions":{"$is":["web"]}}
      """#
    let requests = [
      #"{"amount":6000,"metadata":{"channel":"web"}}"#, #"{"amount":6000,"metadata":{"channel":"pos"}}"#,
      #"{"amount":100,"metadata":{"channel":"web"}}"#, #"{"amount":100}"#,
    ]
    let table: [(String, [Bool])] = [
      ("1 and 2", [true, false, false, false]), ("1 or 2", [true, true, true, false]),
      ("(1) and not (2)", [false, true, false, false]), ("NOT (1 OR 2)", [false, false, false, true]),
    ]
    for (i, (logic, expected)) in table.enumerated() {
      let rule = try server.makeRule("{\(clauses),\"logic\":\"\(logic)\"}")
      let code = try #require(try server.ruledCampaign("Logic \(i)", rule: rule).first)
      let valid = try requests.map { try server.validates(code, order: $0).0 }
      #expect(valid == expected, "\(logic)")
    }
    let (bad, error) = try server.send(
      "POST", "/v1/validation-rules", body: "{\"name\":\"bad\",\"rules\":{\(clauses),\"logic\":\"1 and 3\"}}")
    #expect(bad == 400 && error["key"] == "invalid_validation_rules", "\(error)")
    #expect(error["details"]?.stringValue?.contains("'3' names no entry") == true, "\(error)")
  }

  @Test func aRuleGivenAtCampaignCreationIsAssigned() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[5000]}}}"#)
    let code = try #require(try server.ruledCampaign("Ruled", rule: rule).first)
    let campaignID = try #require(server.read { w in try? w.voucher(code: code).campaignID })
    let (_, assignments) = try server.send("GET", "/v1/validation-rules-assignments?related_object_id=\(campaignID)")
    #expect(assignments["total"] == 1 && assignments.value(atPath: "data.0.rule_id")?.stringValue == rule)
    let sent = try server.bodies(of: "business_validation_rule.assignment.created")
    #expect(sent.map { $0.value(atPath: "data.campaign.id")?.stringValue } == [campaignID])
    #expect(try server.validates(code, order: #"{"amount":1000}"#) == (false, "order_rules_violated"))
    let campaigns = server.read { $0.campaigns.count }
    let (status, error) = try server.send(
      "POST", "/v1/campaigns",
      body: #"{"name":"Unknown rule","campaign_type":"DISCOUNT_COUPONS","validation_rules":["val_nope"]}"#)
    #expect(status == 404 && error["key"] == "not_found", "\(error)")
    #expect(server.read { $0.campaigns.count } == campaigns, "nothing is created")
  }

  @Test func conditionsTheMockDoesNotEvaluateAreRefusedWith501WhenAssigned() throws {
    let server = try InProcessAPI.served()
    let unsupported = [
      (#"{"1":{"name":"custom_event.metadata","property":"test","conditions":{"$is":[1]}}}"#, "custom_event.metadata"),
      (#"{"1":{"name":"order.amount","conditions":{"$timeframe":["P1D"]}}}"#, "$timeframe"),
      (#"{"1":{"name":"product.discount_applicable","conditions":{"$is":[true]}}}"#, "product.discount_applicable"),
      // The spec's own create example nests an operator Voucherify's list does not have: created, not assigned.
      (
        #"{"1":{"name":"order.items.every","rules":{"1":{"name":"order.items.metadata","property":"test","rules":{},"conditions":{"$greater_than_or_equal":[1]}}},"conditions":{"$is":[{"id":"<PROD_ID>","effect":"APPLY_TO_EVERY","object":"product","source_id":"<SOURCE_ID>"}]}},"logic":"1"}"#,
        "$greater_than_or_equal"
      ),
    ]
    let ok = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[1]}}}"#)
    let code = try #require(try server.ruledCampaign("Target", rule: ok).first)
    for (rules, named) in unsupported {
      let rule = try server.makeRule(rules)  // accepted as Voucherify accepts it
      let (status, error) = try server.send(
        "POST", "/v1/validation-rules/\(rule)/assignments",
        body: #"{"related_object_type":"voucher","related_object_id":"\#(code)"}"#)
      #expect(status == 501 && error["details"]?.stringValue?.contains(named) == true, "\(error)")
      let (created, refused) = try server.send(
        "POST", "/v1/campaigns",
        body: #"{"name":"With \#(named)","campaign_type":"DISCOUNT_COUPONS","validation_rules":["\#(rule)"]}"#)
      #expect(created == 501 && refused["details"]?.stringValue?.contains(named) == true, "\(refused)")
      let (changed, kept) = try server.send(
        "PUT", "/v1/validation-rules/\(ok)", body: "{\"rules\":\(rules)}")
      #expect(changed == 501 && kept["details"]?.stringValue?.contains(named) == true, "an assigned rule: \(kept)")
    }
    #expect(server.read { $0.ruleAssignments.count { $0.ruleID != ok } } == 0)
  }
}

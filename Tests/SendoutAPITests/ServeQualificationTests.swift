import SendoutCore
import Testing

/// Check eligibility (`POST /v1/qualifications`, `/client/v1/qualifications`): the redeemables that apply to a
/// customer and a cart, judged as a validation judges each, per scenario (`ALL`, `CUSTOMER_WALLET`, `AUDIENCE_ONLY`),
/// filtered, sorted and paged by `created_at`; it records nothing and sends no webhook.
@Suite struct ServeQualificationTests {
  /// `POST /v1/qualifications` (or the client-side path) with `body`; the answer, checked 200 and against the spec.
  static func qualify(_ server: InProcessAPI, _ body: String, client: Bool = false) throws -> JSON {
    let path = client ? "/client/v1/qualifications" : "/v1/qualifications"
    let (status, answer) = try server.send("POST", path, body: body, client: client)
    #expect(status == 200, "\(body): \(answer)")
    try InProcessAPI.expectValid(answer, "QualificationsCheckEligibilityResponseBody")
    return answer
  }

  /// The ids listed.
  static func ids(_ answer: JSON) -> [String] {
    (answer.value(atPath: "redeemables.data")?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
  }

  /// The listed redeemable `id`.
  static func listed(_ answer: JSON, _ id: String) -> JSON? {
    answer.value(atPath: "redeemables.data")?.arrayValue?.first { $0["id"]?.stringValue == id }
  }

  /// A promotion named `name` with one tier per `(name, amount_off)`; its id and the tiers' ids, in order.
  static func promotion(_ server: InProcessAPI, _ name: String, _ tiers: [(String, Int)]) throws -> (String, [String]) {
    let list = tiers.map { #"{"name":"\#($0.0)","action":{"discount":{"type":"AMOUNT","amount_off":\#($0.1)}}}"# }
    let body =
      #"{"name":"\#(name)","campaign_type":"PROMOTION","promotion":{"tiers":[\#(list.joined(separator: ","))]}}"#
    let (status, campaign) = try server.send("POST", "/v1/campaigns", body: body)
    #expect(status == 200, "\(campaign)")
    let id = try #require(campaign["id"]?.stringValue)
    let (_, listed) = try server.send("GET", "/v1/promotions/\(id)/tiers")
    let byName = (listed["tiers"]?.arrayValue ?? []).map {
      ($0["name"]?.stringValue ?? "", $0["id"]?.stringValue ?? "")
    }
    return (id, tiers.compactMap { tier in byName.first { $0.0 == tier.0 }?.1 })
  }

  /// Assigns `rule` to promotion tier `tier`.
  static func assign(_ server: InProcessAPI, _ rule: String, tier: String) throws {
    let body = #"{"related_object_type":"promotion_tier","related_object_id":"\#(tier)"}"#
    let (status, assignment) = try server.send("POST", "/v1/validation-rules/\(rule)/assignments", body: body)
    #expect(status == 200, "\(assignment)")
  }

  /// `options` limiting the answer to `campaign`'s redeemables, and more `extra` options.
  static func only(_ campaign: String, _ extra: String = "") -> String {
    #""options":{"limit":50,"filters":{"campaign_id":{"conditions":{"$in":["\#(campaign)"]}}}\#(extra)}"#
  }

  @Test func aQualifyingCartListsTheCodeWithTheValidationsDiscountAndAnotherCartDoesNot() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[5000]}}}"#)
    let code = try #require(try server.ruledCampaign("Over 50", rule: rule).first)
    let (published, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"quinn"},"campaign":{"name":"Over 50"}}"#)
    #expect(published == 200, "\(publication)")
    let campaign = try #require(server.read { (try? $0.voucher(code: code))?.campaignID })
    let before = server.sendouts.count
    let redemptions = server.read { $0.redemptions.count }
    func wallet(_ amount: Int) throws -> JSON {
      try Self.qualify(
        server,
        #"{"scenario":"CUSTOMER_WALLET","customer":{"source_id":"quinn"},"order":{"amount":\#(amount)},\#(Self.only(campaign))}"#
      )
    }
    let yes = try wallet(6000)
    #expect(Self.ids(yes) == [code], "\(yes)")
    let item = try #require(Self.listed(yes, code))
    #expect(item["object"] == "voucher" && item.value(atPath: "result.discount.amount_off") == 500, "\(item)")
    #expect(item.value(atPath: "order.total_amount") == 5500, "\(item)")
    #expect(item.value(atPath: "order.total_applied_discount_amount") == 500)
    let (_, validation) = try server.stack(
      "/v1/validations", [code], customer: "quinn", order: #"{"amount":6000}"#)
    #expect(validation["valid"] == true && validation.value(atPath: "order.total_amount") == 5500, "\(validation)")
    #expect(yes["tracking_id"] == validation["tracking_id"])
    let no = try wallet(1000)
    #expect(Self.ids(no).isEmpty && no.value(atPath: "redeemables.total") == 0, "\(no)")
    #expect(no.value(atPath: "redeemables.has_more") == false)
    #expect(try server.validates(code, customer: "quinn", order: #"{"amount":1000}"#).1 == "order_rules_violated")
    #expect(server.sendouts.count == before, "a qualification sends no webhook")
    #expect(server.read { $0.redemptions.count } == redemptions, "a qualification records nothing")
  }

  @Test func eachScenarioReadsTheRulesItShould() throws {
    let server = try InProcessAPI.served()
    let (made, customer) = try server.send(
      "POST", "/v1/customers", body: #"{"source_id":"vera","metadata":{"tier":"VIP"}}"#)
    #expect(made == 200, "\(customer)")
    let (campaign, tiers) = try Self.promotion(
      server, "Cart Deals QA", [("10 off", 1000), ("VIP 20 off", 2000), ("Big cart", 3000)])
    try #require(tiers.count == 3)
    let vip = try server.makeRule(#"{"1":{"name":"customer.metadata","property":"tier","conditions":{"$is":["VIP"]}}}"#)
    let big = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[20000]}}}"#)
    try Self.assign(server, vip, tier: tiers[1])
    try Self.assign(server, big, tier: tiers[2])
    func listed(_ scenario: String, _ customer: String?) throws -> Set<String> {
      let who = customer.map { #""customer":{"source_id":"\#($0)"},"# } ?? ""
      return Set(
        Self.ids(
          try Self.qualify(
            server, #"{"scenario":"\#(scenario)",\#(who)"order":{"amount":5000},\#(Self.only(campaign))}"#)))
    }
    #expect(try listed("ALL", "vera") == [tiers[0], tiers[1]])
    #expect(try listed("ALL", nil) == [tiers[0]], "an anonymous visitor gets what needs no customer")
    #expect(try listed("AUDIENCE_ONLY", "vera") == Set(tiers), "the cart's conditions are not read")
    #expect(try listed("AUDIENCE_ONLY", nil) == [tiers[0], tiers[2]])
    #expect(try listed("CUSTOMER_WALLET", "vera").isEmpty, "the wallet holds codes, not tiers")
    let all = try Self.qualify(
      server,
      #"{"customer":{"source_id":"vera"},"order":{"amount":5000},\#(Self.only(campaign, #","expand":["redeemable","validation_rules"]"#))}"#
    )
    let tier = try #require(Self.listed(all, tiers[1]), "\(all)")
    #expect(
      tier["name"] == "VIP 20 off" && tier["campaign_name"] == "Cart Deals QA"
        && tier["campaign_id"] == .string(campaign))
    #expect(tier["banner"]?.stringValue != nil && tier.value(atPath: "order.total_amount") == 3000, "\(tier)")
    #expect(tier.value(atPath: "validation_rules_assignments.data.0.rule_id") == .string(vip), "\(tier)")
    #expect(tier["status"] == nil, "a qualification lists applicable redeemables only, without a status")
    for scenario in ["PRODUCTS", "PRODUCTS_DISCOUNT", "PROMOTION_STACKS", "PRODUCTS_BY_CUSTOMER"] {
      let (status, error) = try server.send("POST", "/v1/qualifications", body: #"{"scenario":"\#(scenario)"}"#)
      #expect(status == 501 && error["key"] == "not_implemented", "\(scenario): \(error)")
      #expect(error["details"]?.stringValue?.contains("scenario \(scenario)") == true, "\(error)")
    }
  }

  @Test func redemptionCountsAreNotReadAndTheHolderGetsItsCode() throws {
    let server = try InProcessAPI.served()
    let rule = try server.makeRule(
      #"{"1":{"name":"redemption.count.per_customer","conditions":{"$less_than_or_equal":[1]}}}"#)
    let code = try #require(try server.ruledCampaign("Once QA", rule: rule).first)
    let body = #"{"customer":{"source_id":"rita"},"campaign":{"name":"Once QA"}}"#
    #expect(try server.send("POST", "/v1/publications", body: body).0 == 200)
    #expect(try server.stack("/v1/redemptions", [code], customer: "rita", order: #"{"amount":2000}"#).0 == 200)
    #expect(try server.validates(code, customer: "rita", order: #"{"amount":2000}"#).1 == "customer_rules_violated")
    // Voucherify's reference: "The Qualifications endpoint ignores the rules checking: … Redemptions per customer".
    let campaign = try #require(server.read { (try? $0.voucher(code: code))?.campaignID })
    let wallet =
      #"{"scenario":"CUSTOMER_WALLET","customer":{"source_id":"rita"},"order":{"amount":2000},\#(Self.only(campaign))}"#
    #expect(Self.ids(try Self.qualify(server, wallet)) == [code])
    let other =
      #"{"scenario":"CUSTOMER_WALLET","customer":{"source_id":"tom"},"order":{"amount":2000},\#(Self.only(campaign))}"#
    #expect(Self.ids(try Self.qualify(server, other)).isEmpty, "another customer does not hold it")
  }

  @Test func pagesFollowCreatedAtAndSortingRulesOrderByDiscount() throws {
    let server = try InProcessAPI.served()
    let start = try #require(Timestamp(iso8601: InProcessAPI.start))
    let (campaign, first) = try Self.promotion(server, "Paged Deals", [("A", 100), ("B", 600)])
    var tiers = first
    for (n, (name, amount)) in [("C", 300), ("D", 400), ("E", 500), ("F", 200)].enumerated() {
      server.moveClock(to: start.adding(milliseconds: Int64(n + 1) * 1_000))
      let body = #"{"name":"\#(name)","action":{"discount":{"type":"AMOUNT","amount_off":\#(amount)}}}"#
      let (status, tier) = try server.send("POST", "/v1/promotions/\(campaign)/tiers", body: body)
      #expect(status == 200, "\(tier)")
      tiers.append(try #require(tier["id"]?.stringValue))
    }
    let cart = #""order":{"amount":10000}"#
    func ask(_ options: String) throws -> JSON {
      try Self.qualify(
        server,
        #"{\#(cart),"options":{\#(options)"filters":{"campaign_id":{"conditions":{"$is":["\#(campaign)"]}}}}}"#)
    }
    let whole = try ask(#""limit":50,"#)
    #expect(Set(Self.ids(whole)) == Set(tiers) && whole.value(atPath: "redeemables.has_more") == false)
    #expect(Array(Self.ids(whole).prefix(4)) == [tiers[5], tiers[4], tiers[3], tiers[2]], "newest first")
    var seen: [String] = []
    var cursor = ""
    for _ in 1...10 {
      let page = try ask(#""limit":2,\#(cursor)"#)
      seen += Self.ids(page)
      #expect(page.value(atPath: "redeemables.total")?.intValue == Self.ids(page).count)
      guard page.value(atPath: "redeemables.has_more") == true else { break }
      let next = try #require(page.value(atPath: "redeemables.more_starting_after")?.stringValue, "\(page)")
      cursor = #""starting_after":"\#(next)","#
    }
    #expect(seen == Self.ids(whole), "the pages walk the whole list once, in order")
    #expect(Array(seen.prefix(2)) == [tiers[5], tiers[4]])
    let best = Self.ids(try ask(#""limit":3,"sorting_rule":"BEST_DEAL","#))
    #expect(best == [tiers[1], tiers[4], tiers[3]], "600, 500, 400 off")
    let least = Self.ids(try ask(#""limit":2,"sorting_rule":"LEAST_DEAL","#))
    #expect(least == [tiers[0], tiers[5]], "100, 200 off")
    let tierOnly = try Self.qualify(
      server,
      #"{\#(cart),"options":{"limit":50,"filters":{"junction":"and","resource_type":{"conditions":{"$is":["voucher"]}},"campaign_id":{"conditions":{"$is":["\#(campaign)"]}}}}}"#
    )
    #expect(Self.ids(tierOnly).isEmpty, "a tier is no voucher")
  }

  @Test func theClientSidePathsAnswerAsTheServerSideOnes() throws {
    let server = try InProcessAPI.served()
    let (campaign, tiers) = try Self.promotion(server, "Client Deals", [("5 off", 500)])
    let body = #"{"order":{"amount":3000},\#(Self.only(campaign))}"#
    let server1 = try Self.qualify(server, body)
    let client = try Self.qualify(server, body, client: true)
    #expect(Self.ids(client) == tiers && Self.ids(server1) == tiers, "\(client)")
    #expect(client["redeemables"] == server1["redeemables"])
    let (status, listed) = try server.send(
      "GET", "/client/v1/promotions/tiers?is_available=true&limit=100", client: true)
    #expect(status == 200, "\(listed)")
    #expect(listed["tiers"]?.arrayValue?.contains { $0["id"]?.stringValue == tiers[0] } == true, "\(listed)")
    try InProcessAPI.expectValid(listed, "ClientPromotionsTiersListResponseBody")
  }

  @Test func badOptionsAre400sNamingTheFieldAndWhatIsNotSimulatedA501() throws {
    let server = try InProcessAPI.served()
    try server.expectRefusals([
      ("POST", "/v1/qualifications", #"{"options":{"limit":0}}"#, 400, "invalid_payload", "options.limit"),
      ("POST", "/v1/qualifications", #"{"options":{"limit":51}}"#, 400, "invalid_payload", "limit"),
      (
        "POST", "/v1/qualifications", #"{"options":{"sorting_rule":"CHEAPEST"}}"#, 400, "invalid_payload",
        "sorting_rule"
      ),
      (
        "POST", "/v1/qualifications", #"{"options":{"starting_after":"yesterday"}}"#, 400, "invalid_payload",
        "starting_after"
      ),
      (
        "POST", "/v1/qualifications", #"{"options":{"filters":{"campaign_id":{"conditions":{"$in":"x"}}}}}"#, 400,
        "invalid_payload", "campaign_id"
      ),
      (
        "POST", "/v1/qualifications", #"{"options":{"filters":{"junction":"xor"}}}"#, 400, "invalid_payload",
        "junction"
      ),
      ("POST", "/v1/qualifications", #"{"scenario":"PROMOTION_STACKS"}"#, 501, "not_implemented", "PROMOTION_STACKS"),
      (
        "POST", "/v1/qualifications",
        #"{"options":{"sorting_rule":"BEST_DEAL","starting_after":"2024-03-13T13:45:00.000Z"}}"#, 501,
        "not_implemented", "starting_after with sorting_rule BEST_DEAL"
      ),
    ])
  }
}

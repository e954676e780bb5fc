import SendoutAPI
import SendoutCore
import Testing

/// Every simulated list operation walked page by page (`page`) and, where its spec offers one, by its cursor
/// (`starting_after_id`, or `starting_after` times for customers) on a world with more objects than one page: each
/// object is seen exactly once, the walk sees the whole list, and it stops. `GET /v1/customers?starting_after=…`
/// answered the same page with `has_more: true` forever (issue 19).
@Suite struct ServeListPagingTests {
  /// How a walk moves to the next page.
  enum Step: CustomStringConvertible {
    /// `page=N+1` until `total` is reached.
    case page
    /// `starting_after_id=<more_starting_after>` while `has_more`.
    case id
    /// `starting_after=<the last one's created_at (updated_at)>` while `has_more`, every page with `order` when given.
    case time(order: String?)
    /// `end_date=<the last one's created_at>` while `has_more` (async actions, newest first).
    case endDate

    var description: String {
      switch self {
      case .page: "page"
      case .id: "starting_after_id"
      case .time(let order): "starting_after" + (order.map { " order=\($0)" } ?? "")
      case .endDate: "end_date"
      }
    }
  }

  /// One walk: the operation, its path, the array's key, the step and the page size.
  struct Walk: CustomStringConvertible {
    var operation: String
    var path: String
    var key = "data"
    var step = Step.page
    var limit = 2
    /// Whether `total` counts the page's items, not the list's (the bin, as its spec says).
    var pageTotal = false
    /// Called with the client keys (`/client/v1/…`).
    var client = false

    var description: String { "\(operation) \(path) by \(step), limit \(limit)" }
  }

  /// The sample world with a few more objects than it starts with, so every list has more than one page: three
  /// pending points of a loyalty card (its earning rule made to wait, as the sample's own pending points are), a
  /// validation rule assigned to three campaigns, two more validation rules and earning rules, three redemptions, three
  /// gift card transactions, three promotion stacks, three referees of a referral code; and the walks over it.
  static func world() throws -> (InProcessAPI, [Walk]) {
    var world = try World.sample(seed: 1, start: try #require(Timestamp(iso8601: InProcessAPI.start)))
    let customer = world.customers[0].id
    for type in [CampaignType.giftVouchers, .loyaltyProgram] {
      _ = try world.publish(campaignID: try #require(world.firstCampaign(type)).id, customerID: customer)
    }
    try world.setEarningRule(world.earningRules[0].id, pendingDays: 14)
    for _ in 0..<3 { _ = try world.payOrder(try world.createOrder(customerID: customer).value.id) }
    let loyaltyID = try #require(world.firstCampaign(.loyaltyProgram)).id
    for n in 1...2 {
      _ = world.createValidationRule(name: "walk-\(n)", minimumOrderAmount: 100 * n)
      _ = world.addEarningRule(campaignID: loyaltyID, every: 100 * n, points: n)
    }
    for _ in 0..<3 {
      let coupon = try world.publish(
        campaignID: try #require(world.firstCampaign(.discountCoupons)).id, customerID: customer)
      _ = try world.redeem(voucherID: coupon.value.voucherIDs[0], customerID: customer)
    }
    for campaign in world.campaigns.prefix(3) {
      _ = try world.assignValidationRule(world.validationRules[0].id, to: campaign.id)
    }
    let api = InProcessAPI.over(world)
    let (gift, giftCampaign, program, card, promo, tiers, rule) = api.read { w in
      let gift = w.vouchers.first { $0.campaignID == w.firstCampaign(.giftVouchers)?.id && $0.holderID != nil }
      let pending = Dictionary(grouping: w.pendingPoints, by: \.voucherID).max { $0.value.count < $1.value.count }
      let promo = w.firstCampaign(.promotion)
      let rules = Dictionary(grouping: w.ruleAssignments, by: \.ruleID).max { $0.value.count < $1.value.count }
      return (
        gift?.code, gift?.campaignID, w.firstCampaign(.loyaltyProgram)?.id,
        pending.flatMap { w.vouchers[id: $0.key]?.code }, promo?.id,
        w.promotionTiers.filter { $0.campaignID == promo?.id }.map(\.id), rules?.key
      )
    }
    let code = try #require(gift)
    for _ in 0..<3 {
      let (status, _) = try api.send("POST", "/v1/vouchers/\(code)/balance", body: #"{"amount":500}"#)
      #expect(status == 200)
    }
    let promotion = try #require(promo)
    for name in ["walk-1", "walk-2", "walk-3"] {
      let ids = tiers.map { "\"\($0)\"" }.joined(separator: ",")
      let (status, stack) = try api.send(
        "POST", "/v1/promotions/\(promotion)/stacks", body: #"{"name":"\#(name)","tiers":{"ids":[\#(ids)]}}"#)
      #expect(status == 200, "\(stack)")
    }
    let referral = try #require(api.read { $0.firstCampaign(.referralProgram)?.id })
    let (_, published) = try api.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"walk-ref"},"campaign":{"id":"\#(referral)"}}"#)
    let referralCode = try #require(published.value(atPath: "voucher.code")?.stringValue, "\(published)")
    let (added, _) = try api.send(
      "POST", "/v1/referrals/members/\(referralCode)/holders",
      body: #"{"holders":[{"source_id":"walk-a"},{"source_id":"walk-b"},{"source_id":"walk-c"}]}"#)
    #expect(added == 200)
    let loyalty = try #require(program)
    let member = try #require(card, "the sample world has pending points")
    for n in 1...3 {
      let body = #"{"source_ids":["walk-\#(n)"],"metadata":{"n":\#(n)}}"#
      #expect(try api.send("POST", "/v1/customers/metadata/async", body: body).0 == 202)
    }
    let catalogue = try Self.catalogue(
      api, discountCampaign: try #require(api.read { $0.firstCampaign(.discountCoupons)?.id }))
    // Three points additions (transactions and buckets) and one more reward of the program.
    for _ in 0..<3 { _ = try api.send("POST", "/v1/loyalties/members/\(member)/balance", body: #"{"points":10}"#) }
    _ = try api.send(
      "POST", "/v1/rewards/\(catalogue.reward)/assignments",
      body: #"{"campaign":"\#(loyalty)","parameters":{"loyalty":{"points":5}}}"#)
    let loyaltyTier = try #require(api.read { w in w.loyaltyTiers.first { $0.campaignID == loyalty }?.id })
    for n in 1...3 {
      _ = try api.send("POST", "/v1/vouchers/WALK-BIN-\(n)", body: #"{"campaign":"Welcome Offer"}"#)
      let (deleted, _) = try api.send("DELETE", "/v1/vouchers/WALK-BIN-\(n)")
      #expect(deleted == 204, "three codes in the bin")
    }
    let collection = try Self.collections(api)
    for name in ["walk-member-1", "walk-member-2"] {
      let (status, _) = try api.send(
        "POST", "/v1/loyalties/\(loyalty)/members", body: #"{"customer":{"source_id":"\#(name)"}}"#)
      #expect(status == 200)
    }
    for object in ["voucher", "customer", "order"] {
      #expect(try api.send("POST", "/v1/exports", body: #"{"exported_object":"\#(object)"}"#).0 == 200)
    }
    let walks = [
      Walk(operation: "list-redemptions", path: "/v1/redemptions", key: "redemptions"),
      Walk(operation: "list-vouchers", path: "/v1/vouchers", key: "vouchers", limit: 10),
      Walk(operation: "list-voucher-transactions", path: "/v1/vouchers/\(code)/transactions", step: .id),
      Walk(operation: "list-campaigns", path: "/v1/campaigns", key: "campaigns"),
      Walk(
        operation: "list-campaign-transactions", path: "/v1/campaigns/\(try #require(giftCampaign))/transactions",
        step: .id),
      Walk(operation: "list-promotion-tiers", path: "/v1/promotions/tiers", key: "tiers", limit: 1),
      Walk(
        operation: "list-promotion-tiers-client-side", path: "/client/v1/promotions/tiers", key: "tiers", limit: 1,
        client: true),
      Walk(operation: "list-all-promotion-stacks", path: "/v1/promotions/stacks"),
      Walk(
        operation: "list-member-pending-points-1", path: "/v1/loyalties/\(loyalty)/members/\(member)/pending-points",
        step: .id, limit: 1),
      Walk(
        operation: "list-member-pending-points", path: "/v1/loyalties/members/\(member)/pending-points", step: .id,
        limit: 1),
      Walk(operation: "list-earning-rules", path: "/v1/loyalties/\(loyalty)/earning-rules", limit: 1),
      Walk(operation: "list-customers", path: "/v1/customers", key: "customers"),
      Walk(operation: "list-customers", path: "/v1/customers", key: "customers", step: .time(order: nil)),
      Walk(operation: "list-customers", path: "/v1/customers", key: "customers", step: .time(order: "created_at")),
      Walk(operation: "list-customers", path: "/v1/customers", key: "customers", step: .time(order: "-created_at")),
      Walk(operation: "list-customers", path: "/v1/customers", key: "customers", step: .time(order: "updated_at")),
      Walk(operation: "list-orders", path: "/v1/orders", key: "orders"),
      Walk(operation: "list-validation-rules", path: "/v1/validation-rules", limit: 1),
      Walk(operation: "list-validation-rules-assignments", path: "/v1/validation-rules-assignments"),
      Walk(
        operation: "list-validation-rule-assignments",
        path: "/v1/validation-rules/\(try #require(rule))/assignments", limit: 1),
      Walk(
        operation: "referrals-code-holders", path: "/v1/referrals/\(referral)/members/\(referralCode)/holders",
        step: .id),
      Walk(operation: "referrals-code-holders-1", path: "/v1/referrals/members/\(referralCode)/holders", step: .id),
      Walk(operation: "list-products", path: "/v1/products", key: "products", limit: 1),
      Walk(operation: "list-SKUs-in-product", path: "/v1/products/\(catalogue.product)/skus", key: "skus", limit: 1),
      Walk(operation: "list-rewards", path: "/v1/rewards", limit: 1),
      Walk(operation: "list-reward-assignments", path: "/v1/rewards/\(catalogue.reward)/assignments", limit: 1),
      Walk(operation: "list-publications", path: "/v1/publications", key: "publications", limit: 10),
      Walk(operation: "list-campaign-templates", path: "/v1/templates/campaigns", key: "campaign_templates", limit: 1),
      Walk(operation: "list-loyalty-campaign-transactions", path: "/v1/loyalties/\(loyalty)/transactions", step: .id),
      Walk(
        operation: "list-loyalty-card-transactions", path: "/v1/loyalties/members/\(member)/transactions", step: .id),
      Walk(
        operation: "list-loyalty-card-transactions-1", path: "/v1/loyalties/\(loyalty)/members/\(member)/transactions",
        step: .id),
      Walk(operation: "list-points-expiration", path: "/v1/loyalties/\(loyalty)/members/\(member)/points-expiration"),
      Walk(operation: "list-reward-assignments-1", path: "/v1/loyalties/\(loyalty)/reward-assignments", limit: 1),
      Walk(operation: "list-reward-assignments-2", path: "/v1/loyalties/\(loyalty)/rewards", limit: 1),
      Walk(
        operation: "list-loyalty-tier-earning-rules",
        path: "/v1/loyalties/\(loyalty)/tiers/\(loyaltyTier)/earning-rules", limit: 1),
      Walk(operation: "list-customer-activity", path: "/v1/customers/\(customer)/activity", step: .id),
      Walk(operation: "list-customer-redeemables", path: "/v1/customers/\(customer)/redeemables", step: .id, limit: 1),
      Walk(operation: "list-bin-entries", path: "/v1/trash-bin", step: .id, pageTotal: true),
      Walk(operation: "list-product-collections", path: "/v1/product-collections", limit: 1),
      Walk(operation: "list-products-in-collection", path: "/v1/product-collections/\(collection)/products", limit: 1),
      Walk(operation: "list-loyalty-programs", path: "/v1/loyalties", key: "campaigns", limit: 1),
      Walk(operation: "list-members", path: "/v1/loyalties/\(loyalty)/members", key: "vouchers", limit: 1),
      Walk(operation: "list-member-activity", path: "/v1/loyalties/members/\(member)/activity", step: .id, limit: 1),
      Walk(
        operation: "list-member-activity-1", path: "/v1/loyalties/\(loyalty)/members/\(member)/activity", step: .id,
        limit: 1),
      Walk(
        operation: "list-campaign-pending-points", path: "/v1/loyalties/\(loyalty)/pending-points", step: .id, limit: 1),
      Walk(operation: "list-exports", path: "/v1/exports", key: "exports", limit: 1),
      Walk(
        operation: "management-list-campaign-templates",
        path: "/management/v1/projects/\(api.projectID)/templates/campaigns", key: "campaign_templates", limit: 1),
      Walk(operation: "list-async-actions", path: "/v1/async-actions", key: "async_actions", step: .endDate),
    ]
    return (api, walks)
  }

  /// Three products (the first with three SKUs), three rewards (the first assigned to three new loyalty programs) and three campaign templates, made through the API; the product and reward the walks list under.
  static func catalogue(_ api: InProcessAPI, discountCampaign: String) throws -> (product: String, reward: String) {
    func made(_ path: String, _ body: String) throws -> String {
      let (status, answer) = try api.send("POST", path, body: body)
      #expect(status == 200, "\(path): \(answer)")
      return try #require(answer["id"]?.stringValue, "\(answer)")
    }
    let products = try (1...3).map { try made("/v1/products", #"{"name":"walk-\#($0)","price":\#($0 * 100)}"#) }
    for n in 1...3 { _ = try made("/v1/products/\(products[0])/skus", #"{"sku":"walk-sku-\#(n)"}"#) }
    let rewards = try (1...3).map { n in
      try made("/v1/rewards", #"{"name":"walk-reward-\#(n)","parameters":{"product":{"id":"\#(products[0])"}}}"#)
    }
    let programs = try (1...3).map { n in
      try made(
        "/v1/campaigns",
        #"{"name":"walk-program-\#(n)","campaign_type":"LOYALTY_PROGRAM","voucher":{"type":"LOYALTY_CARD","loyalty_card":{"points":0}}}"#
      )
    }
    for program in programs {
      _ = try made(
        "/v1/rewards/\(rewards[0])/assignments", #"{"campaign":"\#(program)","parameters":{"loyalty":{"points":10}}}"#)
    }
    for n in 1...3 {
      _ = try made("/v1/templates/campaigns", #"{"name":"walk-template-\#(n)","campaign_id":"\#(discountCampaign)"}"#)
    }
    return (products[0], rewards[0])
  }

  /// Three product collections, the last one's filter taking the three products `catalogue` made; its id.
  static func collections(_ api: InProcessAPI) throws -> String {
    var last = ""
    for n in 1...3 {
      let (status, answer) = try api.send(
        "POST", "/v1/product-collections",
        body: #"{"name":"walk-\#(n)","filter":{"junction":"and","name":{"conditions":{"$starts_with":["walk-"]}}}}"#)
      #expect(status == 200, "\(answer)")
      last = try #require(answer["id"]?.stringValue, "\(answer)")
    }
    return last
  }

  /// The ids a walk sees, page after page; `nil` when it did not stop within 1,000 pages.
  static func walk(_ api: InProcessAPI, _ walk: Walk) throws -> (seen: [String], total: Int?)? {
    var seen: [String] = []
    var order = ""
    if case .time(let field?) = walk.step { order = "&order=\(field)" }
    var next = ""
    var total: Int?
    for round in 1...1_000 {
      let (status, body) = try api.send(
        "GET", walk.path + "?limit=\(walk.limit)" + order + next, client: walk.client)
      #expect(status == 200, "\(walk): \(body)")
      let items = try #require(body[walk.key]?.arrayValue, "\(walk): \(body)")
      #expect(items.count <= walk.limit, "\(walk): a page holds at most limit items")
      seen += items.compactMap { $0["id"]?.stringValue }
      total = body["total"]?.intValue
      let hasMore = body["has_more"]?.boolValue
      switch walk.step {
      case .page:
        let more = round * walk.limit < (total ?? 0)
        if let hasMore { #expect(hasMore == more, "\(walk): has_more on page \(round)") }
        if !more { return (seen, total) }
        next = "&page=\(round + 1)"
      case .id:
        guard hasMore == true else { return (seen, total) }
        next = "&starting_after_id=" + (try #require(body["more_starting_after"]?.stringValue, "\(walk): \(body)"))
      case .time(let sort):
        guard hasMore == true else { return (seen, total) }
        // A customer never updated is placed by its created_at, as Voucherify's updated_at order does.
        let field = sort?.hasSuffix("updated_at") == true ? "updated_at" : "created_at"
        let last = try #require(
          items.last?[field]?.stringValue ?? items.last?["created_at"]?.stringValue, "\(walk): \(body)")
        next = "&starting_after=\(last)"
      case .endDate:
        guard hasMore == true else { return (seen, total) }
        next = "&end_date=" + (try #require(items.last?["created_at"]?.stringValue, "\(walk): \(body)"))
      }
    }
    return nil
  }

  @Test func everyListIsWalkedWholeOnceAndStops() throws {
    let (api, walks) = try Self.world()
    for walk in walks {
      let (all, whole) = try api.send("GET", walk.path + "?limit=100", client: walk.client)
      #expect(all == 200, "\(walk): \(whole)")
      let everything = (whole[walk.key]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
      #expect(everything.count < 100, "\(walk): the whole list fits one page of 100")
      let walked = try #require(try Self.walk(api, walk), "\(walk): the walk stops")
      #expect(walked.seen.count > walk.limit, "\(walk): more than one page (\(walked.seen.count) objects)")
      #expect(Set(walked.seen).count == walked.seen.count, "\(walk): each object once")
      #expect(Set(walked.seen) == Set(everything), "\(walk): the whole list")
      if let total = walked.total, !walk.pageTotal { #expect(total == everything.count, "\(walk): total") }
    }
  }

  /// The walks cover every simulated list operation whose spec offers `limit`; the loyalty tiers offer `limit` only
  /// (no `page`, no cursor), so a limit caps them.
  @Test func theWalksCoverEverySimulatedPagedList() throws {
    let (api, walks) = try Self.world()
    let paged = Set(
      APIRequestShape.spec.operations.filter { $0.value.query["limit"] != nil && APIEndpoints.all[$0.key] != nil }
        .keys)
    #expect(Set(walks.map(\.operation)).union(["list-loyalty-tiers"]) == paged)
    let program = try #require(api.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let (status, tiers) = try api.send("GET", "/v1/loyalties/\(program)/tiers?limit=1")
    #expect(status == 200)
    #expect(tiers["data"]?.arrayValue?.count == 1 && (tiers["total"]?.intValue ?? 0) > 1, "\(tiers)")
  }
}

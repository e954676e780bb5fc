import SendoutCore

/// Check eligibility through the mock API: `POST /v1/qualifications` (and `/client/v1/qualifications`). It records
/// nothing and sends no webhook (Voucherify lists no event for it). Each redeemable the scenario considers is judged
/// as a one-code validation of the same customer and order would judge it (`World.qualify`, over `evaluateStack`),
/// the rules read as the qualification reads them (`RuleReach`); the applicable ones are listed with the order each
/// would give, paged by their `created_at`.
enum APIQualifications {
  /// The operations, by `operationId` (the client-side path answers alike, under the client keys and an origin).
  static let endpoints: [String: APIEndpoints.Handler] = [
    "check-eligibility": check, "check-eligibility-client-side": check,
  ]

  /// `POST /v1/qualifications`: `redeemables` (the page, `total` on it, `has_more`, `more_starting_after`),
  /// `tracking_id`, the `order` as sent, and the stacking rules.
  static func check(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let options = try QualificationOptions(request)
    let stack = try APIStack(qualification: request, expand: options.expand, in: world)
    let customer = stack.customerKey.flatMap { try? APIEndpoints.customer($0, in: world) }
    var facts = stack.facts(customerID: customer?.id, in: world)
    facts.reach = options.scenario == .audienceOnly ? .audience : .qualification
    var candidates = world.qualificationCandidates(
      customerID: customer?.id, walletOnly: options.scenario == .customerWallet)
    if !options.filters.conditions.isEmpty {
      candidates.removeAll {
        !options.filters.admits(QualificationFilters.fields(of: $0, customerID: customer?.id, in: world))
      }
    }
    let (page, hasMore) = options.page(
      of: world.qualify(candidates, orderAmount: stack.amount, facts: facts), in: world)
    let data = page.map { redeemable($0, stack: stack, customerID: customer?.id, in: world) }
    var list: JSONObject = [
      "object": "list", "data_ref": "data", "data": .array(data), "total": .int(data.count), "has_more": .bool(hasMore),
    ]
    if hasMore, let last = page.last { list["more_starting_after"] = .string(world.createdAt(of: last).iso8601) }
    var order = stack.orderPreview
    order["customer_id"] = customer.map { .string($0.id) } ?? .null
    order["object"] = "order"
    return APIAnswer(body: [
      "redeemables": .object(list),
      "tracking_id": APIStack.trackingID(
        customer: customer, key: stack.customerKey ?? request.string(at: "tracking_id")),
      "order": .object(order), "stacking_rules": APIStack.stackingRules(world),
    ])
  }

  /// One applicable redeemable (`QualificationsRedeemable`): as a validation shows it (`APIStack.json`), without
  /// `status`, with `created_at` and the order it alone would give; `expand: redeemable` adds its names and banner,
  /// `expand: validation_rules` its rule assignments.
  private static func redeemable(_ outcome: StackOutcome, stack: APIStack, customerID: String?, in world: World)
    -> JSON
  {
    let shown = stack.json(outcome, in: world, order: nil).objectValue ?? [:]
    let evaluation = StackEvaluation(orderAmount: stack.amount, outcomes: [outcome])
    var o: JSONObject = ["id": shown["id"] ?? .null, "object": shown["object"] ?? .null]
    o["created_at"] = .string(world.createdAt(of: outcome).iso8601)
    o["result"] = shown["result"]
    o["order"] = .object(
      APIStack.order(evaluation, customerID: customerID, described: stack.orderPreview, in: world))
    for key in ["applicable_to", "inapplicable_to", "metadata", "categories", "name"] { o[key] = shown[key] }
    let tier = outcome.tierID.flatMap { world.promotionTiers[id: $0] }
    if stack.expand.contains("redeemable"), let tier { o["banner"] = .string(tier.banner) }
    for key in ["campaign_name", "campaign_id"] { o[key] = shown[key] }
    if stack.expand.contains("validation_rules") {
      let voucher = outcome.voucherID.flatMap { world.vouchers[id: $0] }
      let owners = [voucher?.id, voucher?.campaignID, tier?.id].compactMap { $0 }
      let assignments = owners.flatMap { world.ruleAssignments(of: $0) }.map { JSON.object($0.json) }
      o["validation_rules_assignments"] = [
        "object": "list", "data_ref": "data", "data": .array(assignments), "total": .int(assignments.count),
      ]
    }
    return .object(o)
  }
}

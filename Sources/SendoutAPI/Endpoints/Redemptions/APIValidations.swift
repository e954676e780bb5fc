import SendoutCore

/// Stacked validation through the mock API: `POST /v1/validations` (and `/client/v1/validations`). It changes
/// nothing but the campaign summary's validation counts and emits nothing, and says exactly what `POST /v1/redemptions` with the same body would do now: the
/// same failures and the same discounts (`World.evaluateStack`, which redemption applies).
enum APIValidations {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "validate-stacked-discounts": validate
  ]

  /// `POST /v1/validations`: `valid`, each redeemable `APPLICABLE`/`INAPPLICABLE`/`SKIPPED`, the order with the
  /// discounts, and the stacking rules. An unknown code is `INAPPLICABLE` with a 404 `not_found` error inside; a
  /// redeemable its validation rules refuse is `INAPPLICABLE` with `customer_rules_violated` or
  /// `order_rules_violated`, the rule's id as `resource_id` and its message as `error.message` and
  /// `details.message`. In application mode `PARTIAL` (the project's stacking rules) an inapplicable redeemable is
  /// left out: `valid` when one applies at least, `redeemables` the applicable ones, the rest in
  /// `inapplicable_redeemables` and `skipped_redeemables`.
  static func validate(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let stack = try APIStack(request, in: world)
    let customer = stack.customerKey.flatMap { try? APIEndpoints.customer($0, in: world) }
    let facts = stack.facts(customerID: customer?.id, in: world)
    let evaluation = world.evaluateStack(stack.redeemables, orderAmount: stack.amount, facts: facts)
    var redeemables: [JSON] = []
    for (i, outcome) in evaluation.outcomes.enumerated() {
      if outcome.skip == nil, let campaignID = campaignID(of: outcome, in: world) {  // the campaign summary counts it
        world.countValidation(campaignID: campaignID, succeeded: outcome.failure == nil)
      }
      let order = APIStack.order(
        evaluation, upTo: i + 1, customerID: customer?.id, described: stack.orderPreview, in: world)
      redeemables.append(stack.json(outcome, in: world, order: order))
    }
    var body: JSONObject = [
      "id": .string(
        "valid_" + Hex.encode(SHA256.hash(Array(world.now.iso8601.utf8) + request.body.compactBytes)).prefix(18)),
      "valid": .bool(evaluation.valid),
      // PARTIAL mode, one applicable at least: "all redeemables here will be APPLICABLE" (the spec's `redeemables`).
      "redeemables": .array(
        evaluation.leavesOutFailures
          ? zip(evaluation.outcomes, redeemables).filter { $0.0.applicable }.map(\.1) : redeemables),
      "skipped_redeemables": .array(zip(evaluation.outcomes, redeemables).filter { $0.0.skip != nil }.map(\.1)),
      "inapplicable_redeemables": .array(zip(evaluation.outcomes, redeemables).filter { $0.0.failure != nil }.map(\.1)),
      "order": .object(
        APIStack.order(evaluation, customerID: customer?.id, described: stack.orderPreview, in: world)),
    ]
    body["tracking_id"] = APIStack.trackingID(customer: customer, key: stack.customerKey)
    body["stacking_rules"] = APIStack.stackingRules(world)
    return APIAnswer(body: .object(body))
  }

  /// The campaign of the code or promotion tier an outcome validated; `nil` for an unknown one.
  private static func campaignID(of outcome: StackOutcome, in world: World) -> String? {
    outcome.voucherID.flatMap { world.vouchers[id: $0]?.campaignID }
      ?? outcome.tierID.flatMap { world.promotionTiers[id: $0]?.campaignID }
  }
}

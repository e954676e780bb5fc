import SendoutCore

/// A loyalty program's earning rules written through the mock API (create, update, enable, disable, delete), on the
/// world operations the `earning_rule_*` scenario steps use, so the `campaign.earning_rule.*` events match. The world
/// earns on `order.paid` in proportion to the order total; other events and `FIXED` points answer 501.
enum APIEarningRules {
  /// A program's earning rules (`/v1/loyalties/{campaignId}/earning-rules/{earningRuleId}`); their world operations
  /// emit `campaign.earning_rule.*` (inferred).
  static let rules = APIResource<EarningRule>(
    object: "earning_rule", idParameter: "earningRuleId", table: \.earningRules, json: { rule, _ in rule.fullJSON },
    parent: .init(
      id: { request, world throws(VoucherifyError) in try program(request, in: world).id }, key: \.campaignID),
    update: update,
    delete: { rule, world throws(VoucherifyError) in try world.deleteEarningRule(rule.id, channel: .api).events })

  /// The operations, by `operationId`: a bulk create and enable/disable besides the resource's rows.
  static let endpoints = APIEndpoints.union([
    rules.endpoints(["update-earning-rule": .update, "delete-earning-rule": .delete]),
    ["create-earning-rule": create, "enable-earning-rule": enable, "disable-earning-rule": disable],
  ])

  /// `POST /v1/loyalties/{campaignId}/earning-rules` `[{"event": "order.paid", "loyalty": {"type": "PROPORTIONAL",
  /// "calculation_type": "ORDER_AMOUNT", "order": {"amount": {"every": 100, "points": 1}}}, "pending_points": …}]`:
  /// the rules, in order; emits `campaign.earning_rule.assigned` (inferred) for each.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let program = try self.program(request, in: world)
    guard let items = request.body.arrayValue, !items.isEmpty else {
      throw .invalidPayload("the body must be a non-empty array of earning rules")
    }
    var rules: [JSON] = []
    var events: [WorldEvent] = []
    for (i, item) in items.enumerated() {
      let event = item["event"]?.stringValue ?? "order.paid"
      guard event == "order.paid" else { throw notSimulated("[\(i)].event '\(event)'") }
      let (every, points) = try proportional(item["loyalty"], at: i)
      let pendingDays = try self.pendingDays(item, at: i)
      let made = try world.assignEarningRule(
        campaignID: program.id, every: every, points: points, pendingDays: pendingDays, channel: .api)
      rules.append(.object(made.value.fullJSON))
      events += made.events
    }
    return APIAnswer(body: .array(rules), events: events)
  }

  /// `PUT /v1/loyalties/{campaignId}/earning-rules/{earningRuleId}` `{"pending_points": {"period_value": 7}}` (or
  /// `null`: immediate points); emits `campaign.earning_rule.updated` (inferred).
  static func update(_ rule: EarningRule, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<EarningRule>
  {
    let pendingDays = request.body["pending_points"] == nil ? rule.pendingDays : try self.pendingDays(request.body)
    return try world.updateEarningRule(rule.id, pendingDays: pendingDays, channel: .api)
  }

  /// `POST …/earning-rules/{earningRuleId}/enable`; emits `campaign.earning_rule.enabled` (inferred).
  static func enable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST …/earning-rules/{earningRuleId}/disable`; emits `campaign.earning_rule.disabled` (inferred).
  static func disable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(VoucherifyError)
    -> APIAnswer
  {
    let rule = try rules.entity(request, world)
    let changed = try world.setEarningRuleActive(rule.id, active, channel: .api)
    return APIAnswer(body: .object(changed.value.fullJSON), events: changed.events)
  }

  /// `every` cents and `points` of a `PROPORTIONAL` order-amount `loyalty` block.
  private static func proportional(_ loyalty: JSON?, at i: Int) throws(VoucherifyError) -> (Int, Int) {
    guard let loyalty else { throw .invalidPayload("[\(i)].loyalty is required") }
    let type = loyalty["type"]?.stringValue ?? ""
    guard type == "PROPORTIONAL" else { throw notSimulated("[\(i)].loyalty.type '\(type)'") }
    let ratio = loyalty["order"]?["amount"] ?? loyalty["order"]?["total_amount"]
    guard let every = ratio?["every"]?.intValue, let points = ratio?["points"]?.intValue, every > 0, points > 0 else {
      throw .invalidPayload("[\(i)].loyalty.order.amount needs `every` and `points`, both positive integers")
    }
    return (every, points)
  }

  /// The days of a body's `pending_points` (`period_type` DAY, `period_value` 1 to 90); `nil` when absent or null.
  private static func pendingDays(_ body: JSON, at i: Int? = nil) throws(VoucherifyError) -> Int? {
    guard let pending = body["pending_points"], pending != .null else { return nil }
    let at = i.map { "[\($0)]." } ?? ""
    guard let days = pending["period_value"]?.intValue, (1...90).contains(days) else {
      throw .invalidPayload("\(at)pending_points.period_value must be an integer from 1 to 90")
    }
    return days
  }

  /// The loyalty program `campaignId` names, or Voucherify's 404.
  static func program(_ request: APIRequest, in world: World) throws(VoucherifyError) -> Campaign {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    guard campaign.campaignType == .loyaltyProgram else {
      throw VoucherifyError.notFound("loyalty_program", id: request.parameter("campaignId"))
    }
    return campaign
  }

  private static func notSimulated(_ what: String) -> VoucherifyError {
    VoucherifyError.notSimulated(
      "\(what) is not simulated by sendout serve: earning rules earn on order.paid, PROPORTIONAL to the amount"
    )
  }
}

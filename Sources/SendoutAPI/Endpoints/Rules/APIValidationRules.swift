import SendoutCore

/// Business validation rules and their assignments through the mock API. The world's rules are a minimum order
/// amount (`order.amount` `$more_than`) and optionally a segment (`customer.segment` `$is`); a rule of other
/// conditions answers 501. Emits `business_validation_rule.*` as the scenario steps do.
enum APIValidationRules {
  /// The rules: listed by `created_at`, `name` or `updated_at`; their world operations emit
  /// `business_validation_rule.*`.
  static let rules = APIResource<ValidationRule>(
    object: "validation_rules", idParameter: "validationRuleId", table: \.validationRules,
    json: { rule, _ in rule.json },
    listing: .init(order: [
      "created_at": { $0.createdAt < $1.createdAt }, "name": { $0.name < $1.name },
      "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
    ]),
    create: create, update: update,
    delete: { rule, world throws(VoucherifyError) in try world.deleteValidationRule(rule.id, channel: .api).events })

  /// Assignments listed by `created_at`.
  private static let byCreation: [String: APIResource<ValidationRuleAssignment>.Order] = [
    "created_at": { $0.createdAt < $1.createdAt }
  ]

  /// The assignments (`GET /v1/validation-rules-assignments[?related_object_id=…&rule=…]`), by `created_at`.
  static let assignments = APIResource<ValidationRuleAssignment>(
    object: "validation_rules_assignment", idParameter: "assignmentId", table: \.ruleAssignments,
    json: { assignment, _ in assignment.json },
    listing: .init(
      order: byCreation,
      filter: { request, _ in
        let (related, ruleID) = (request.query["related_object_id"], request.query["rule"])
        return { a in (related.map { $0 == a.relatedObjectID } ?? true) && (ruleID.map { $0 == a.ruleID } ?? true) }
      }))

  /// One rule's assignments (`/v1/validation-rules/{validationRuleId}/assignments[/{assignmentId}]`); their world
  /// operations emit `business_validation_rule.assignment.*`.
  static let ruleAssignments = APIResource<ValidationRuleAssignment>(
    object: "validation_rules_assignment", idParameter: "assignmentId", table: \.ruleAssignments,
    json: { assignment, _ in assignment.json },
    parent: .init(id: { request, world throws(VoucherifyError) in try rules.entity(request, world).id }, key: \.ruleID),
    listing: .init(order: byCreation), create: assign,
    delete: { assignment, world throws(VoucherifyError) in
      try world.unassignValidationRule(assignment.id, channel: .api).events
    })

  /// The operations, by `operationId`.
  static let endpoints = APIEndpoints.union([
    rules.endpoints([
      "list-validation-rules": .list, "create-validation-rules": .create, "get-validation-rule": .get,
      "update-validation-rule": .update, "delete-validation-rules": .delete,
    ]),
    assignments.endpoints(["list-validation-rules-assignments": .list]),
    ruleAssignments.endpoints([
      "list-validation-rule-assignments": .list, "create-validation-rule-assignment": .create,
      "delete-validation-rule-assignment": .delete,
    ]),
  ])

  private static let key = "invalid_validation_rules"

  /// `POST /v1/validation-rules` `{name, rules: {"1": {name: "order.amount", conditions: {"$more_than": [N]}},
  /// "2": {name: "customer.segment", conditions: {"$is": [SEGMENT]}}}}`; emits `business_validation_rule.created`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> Emitted<ValidationRule> {
    let name = try request.required("name", errorKey: key)
    let (minimum, segmentID) = try conditions(request, world)
    return world.createValidationRule(
      name: name, minimumOrderAmount: minimum ?? 0, segmentID: segmentID, channel: .api)
  }

  /// `PUT /v1/validation-rules/{validationRuleId}`: a new `order.amount` minimum; emits
  /// `business_validation_rule.updated`.
  static func update(_ current: ValidationRule, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<ValidationRule>
  {
    let (minimum, segmentID) = try conditions(request, world)
    if segmentID != nil && segmentID != current.segmentID {
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "changing a rule's `customer.segment` is not simulated by sendout serve")
    }
    return try world.updateValidationRule(
      current.id, minimumOrderAmount: minimum ?? current.minimumOrderAmount, channel: .api)
  }

  /// `POST /v1/validation-rules/{validationRuleId}/assignments` `{related_object_type, related_object_id}` (a
  /// campaign, voucher or earning rule; a campaign by name or a voucher by code too); emits
  /// `business_validation_rule.assignment.created`.
  static func assign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<ValidationRuleAssignment>
  {
    let id = try rules.entity(request, world).id
    let type = try request.choice(
      at: "related_object_type",
      ["voucher", "promotion_tier", "campaign", "earning_rule", "distribution", "reward_assignment"], errorKey: key)
    let related = try request.required("related_object_id", errorKey: key)
    let objectID: String
    switch type {
    case "campaign"?: objectID = try APIEndpoints.campaign(related, in: world).id
    case "voucher"?: objectID = try APIEndpoints.voucher(related, in: world).id
    case "earning_rule"?, nil: objectID = related
    case let other?:
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "assigning a validation rule to a \(other) is not simulated: campaign, voucher or earning_rule")
    }
    if world.ruleAssignments.contains(where: { $0.ruleID == id && $0.relatedObjectID == objectID }) {
      throw VoucherifyError(
        status: 409, key: "duplicate_found", message: "Duplicated resource found",
        details: "rule \(id) is already assigned to \(objectID)", resourceID: objectID)
    }
    return try world.assignValidationRule(id, to: objectID, channel: .api)
  }

  /// The minimum order amount and the segment of a body's `rules`; other conditions answer 501.
  private static func conditions(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> (Int?, String?) {
    guard let rules = request.object(at: "rules") else { return (nil, nil) }
    var minimum: Int?
    var segment: String?
    for member in rules.members where member.key != "logic" {
      let path = "rules.\(member.key)"
      let name = try request.required("\(path).name", errorKey: key)
      switch name {
      case "order.amount":
        let atLeast = try request.int(at: "\(path).conditions.$more_than_or_equal.0", errorKey: key)
        minimum = try request.int(at: "\(path).conditions.$more_than.0", errorKey: key) ?? atLeast
      case "customer.segment":
        segment = try request.string(at: "\(path).conditions.$is.0", errorKey: key)
        if let id = segment, world.segments[id: id] == nil { throw VoucherifyError.notFound("segment", id: id) }
      default:
        throw VoucherifyError(
          status: 501, key: "not_implemented", message: "Not implemented",
          details:
            "the rule `\(path).name` '\(name)' is not simulated: order.amount ($more_than) or customer.segment ($is)")
      }
      if name == "order.amount", minimum == nil {
        throw VoucherifyError(
          status: 400, key: key, message: "Invalid validation rules",
          details: "`\(path).conditions` needs {\"$more_than\": [cents]}")
      }
    }
    return (minimum, segment)
  }
}

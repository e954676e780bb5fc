import SendoutCore

/// Business validation rules and their assignments through the mock API. A rule's `rules` are kept as sent and
/// compiled once (`RuleSet`); validations and redemptions enforce them. Any rule the API accepts can be created,
/// but one with a condition the mock does not evaluate answers 501 naming it when assigned (docs/serve-fidelity.md,
/// "Validation rules"). Emits `business_validation_rule.*` as the scenario steps do.
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

  /// `POST /v1/validation-rules` `{name, rules: {"1": {name, property, conditions: {"$more_than": [N]}, rules},
  /// …, logic: "1 and 2"}, error: {message}}`; emits `business_validation_rule.created`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> Emitted<ValidationRule> {
    let name = try request.required("name", errorKey: key)
    return try world.createValidationRule(
      name: name, rules: request.object(at: "rules") ?? [:], errorMessage: request.string(at: "error.message"),
      applicableTo: try applicableTo(request), channel: .api)
  }

  /// `PUT /v1/validation-rules/{validationRuleId}`: a new name, `rules` or `error.message`; an assigned rule cannot
  /// take a condition the mock does not evaluate (501); emits `business_validation_rule.updated`.
  static func update(_ current: ValidationRule, _ request: APIRequest, _ world: inout World) throws(VoucherifyError)
    -> Emitted<ValidationRule>
  {
    try world.updateValidationRule(
      current.id, name: request.string(at: "name"), rules: request.object(at: "rules"),
      errorMessage: request.string(at: "error.message"), applicableTo: try applicableTo(request), channel: .api)
  }

  /// `applicable_to` (what item-level discounts apply to), `nil` when absent; a malformed entry is a 400.
  private static func applicableTo(_ request: APIRequest) throws(VoucherifyError) -> ApplicableTo? {
    guard let json = try request.object(at: "applicable_to", errorKey: key) else { return nil }
    return try ApplicableTo.parse(json)
  }

  /// The rules `validation_rules` names (`POST /v1/campaigns`: at most one id, as the spec's `maxItems`), each
  /// known (404) and evaluated by the mock (501), checked before anything is created.
  static func named(_ request: APIRequest, in world: World) throws(VoucherifyError) -> [String] {
    guard let list = request.body["validation_rules"], list != .null else { return [] }
    var ids: [String] = []
    for (i, value) in (list.arrayValue ?? [list]).enumerated() {
      guard let id = value.stringValue else {
        throw APIRequest.invalid("validation_rules.\(i)", "a validation rule id (val_…)", value, errorKey: key)
      }
      guard let rule = world.validationRules[id: id] else { throw VoucherifyError.notFound("validation rule", id: id) }
      if let what = rule.compiled.unsupported { throw RuleSet.notEvaluated(what) }
      ids.append(id)
    }
    return ids
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
    case "earning_rule"?, "promotion_tier"?, nil: objectID = related
    case let other?:
      throw VoucherifyError.notSimulated(
        "assigning a validation rule to a \(other) is not simulated: campaign, voucher, promotion_tier or earning_rule"
      )
    }
    if world.ruleAssignments.contains(where: { $0.ruleID == id && $0.relatedObjectID == objectID }) {
      throw VoucherifyError(
        status: 409, key: "duplicate_found", message: "Duplicated resource found",
        details: "rule \(id) is already assigned to \(objectID)", resourceID: objectID)
    }
    return try world.assignValidationRule(id, to: objectID, channel: .api)
  }
}

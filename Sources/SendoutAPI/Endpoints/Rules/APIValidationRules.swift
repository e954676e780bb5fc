import SendoutCore

/// Business validation rules and their assignments through the mock API. The world's rules are a minimum order
/// amount (`order.amount` `$more_than`) and optionally a segment (`customer.segment` `$is`); a rule of other
/// conditions answers 501. Emits `business_validation_rule.*` as the scenario steps do.
enum APIValidationRules {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-validation-rules": list, "create-validation-rules": create, "get-validation-rule": get,
    "update-validation-rule": update, "delete-validation-rules": delete,
    "list-validation-rules-assignments": listAssignments, "list-validation-rule-assignments": listRuleAssignments,
    "create-validation-rule-assignment": assign, "delete-validation-rule-assignment": unassign,
  ]

  private static let key = "invalid_validation_rules"

  /// `GET /v1/validation-rules[?order=…&limit=…&page=…]`.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let ordered = try APIList.sorted(
      Array(world.validationRules), request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt }, "name": { $0.name < $1.name },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
    let page = try APIList.page(ordered, request)
    return APIAnswer(body: APIList.body("data", page.map { .object($0.json) }, total: ordered.count))
  }

  /// `POST /v1/validation-rules` `{name, rules: {"1": {name: "order.amount", conditions: {"$more_than": [N]}},
  /// "2": {name: "customer.segment", conditions: {"$is": [SEGMENT]}}}}`; emits `business_validation_rule.created`.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let name = try request.required("name", errorKey: key)
    let (minimum, segmentID) = try conditions(request, world)
    let created = world.createValidationRule(
      name: name, minimumOrderAmount: minimum ?? 0, segmentID: segmentID, channel: .api)
    return APIAnswer(body: .object(created.value.json), events: created.events)
  }

  /// `GET /v1/validation-rules/{validationRuleId}`.
  static func get(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    APIAnswer(body: .object(try rule(request, world).json))
  }

  /// `PUT /v1/validation-rules/{validationRuleId}`: a new `order.amount` minimum; emits
  /// `business_validation_rule.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let current = try rule(request, world)
    let (minimum, segmentID) = try conditions(request, world)
    if segmentID != nil && segmentID != current.segmentID {
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "changing a rule's `customer.segment` is not simulated by sendout serve")
    }
    let updated = try world.updateValidationRule(
      current.id, minimumOrderAmount: minimum ?? current.minimumOrderAmount, channel: .api)
    return APIAnswer(body: .object(updated.value.json), events: updated.events)
  }

  /// `DELETE /v1/validation-rules/{validationRuleId}`: 204; emits `business_validation_rule.deleted`.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try rule(request, world).id
    let deleted = try world.deleteValidationRule(id, channel: .api)
    return APIAnswer(body: .null, events: deleted.events)
  }

  /// `GET /v1/validation-rules-assignments[?related_object_id=…&rule=…&order=…&limit=…&page=…]`.
  static func listAssignments(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let related = request.query["related_object_id"]
    let ruleID = request.query["rule"]
    return try assignments(
      request,
      world.ruleAssignments.filter { a in
        (related.map { $0 == a.relatedObjectID } ?? true) && (ruleID.map { $0 == a.ruleID } ?? true)
      })
  }

  /// `GET /v1/validation-rules/{validationRuleId}/assignments`.
  static func listRuleAssignments(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try rule(request, world).id
    return try assignments(request, world.ruleAssignments.filter { $0.ruleID == id })
  }

  /// `POST /v1/validation-rules/{validationRuleId}/assignments` `{related_object_type, related_object_id}` (a
  /// campaign, voucher or earning rule; a campaign by name or a voucher by code too); emits
  /// `business_validation_rule.assignment.created`.
  static func assign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try rule(request, world).id
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
    let assigned = try world.assignValidationRule(id, to: objectID, channel: .api)
    return APIAnswer(body: .object(assigned.value.json), events: assigned.events)
  }

  /// `DELETE /v1/validation-rules/{validationRuleId}/assignments/{assignmentId}`: 204; emits
  /// `business_validation_rule.assignment.deleted`.
  static func unassign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let ruleID = try rule(request, world).id
    let id = request.parameter("assignmentId")
    guard world.ruleAssignments[id: id]?.ruleID == ruleID else {
      throw VoucherifyError.notFound("validation_rules_assignment", id: id)
    }
    let removed = try world.unassignValidationRule(id, channel: .api)
    return APIAnswer(body: .null, events: removed.events)
  }

  private static func assignments(_ request: APIRequest, _ items: [ValidationRuleAssignment]) throws(VoucherifyError)
    -> APIAnswer
  {
    let ordered = try APIList.sorted(items, request, by: ["created_at": { $0.createdAt < $1.createdAt }])
    let page = try APIList.page(ordered, request)
    return APIAnswer(body: APIList.body("data", page.map { .object($0.json) }, total: ordered.count))
  }

  private static func rule(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> ValidationRule {
    let id = request.parameter("validationRuleId")
    guard let rule = world.validationRules[id: id] else { throw VoucherifyError.notFound("validation_rules", id: id) }
    return rule
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

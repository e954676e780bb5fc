extension World {
  /// Creates a business validation rule of a minimum order amount, optionally in a segment (the scenario steps'
  /// rules); emits `business_validation_rule.created`.
  public mutating func createValidationRule(
    name: String, minimumOrderAmount: Int, segmentID: String? = nil, channel: EventChannel = .userPortal
  ) -> Emitted<ValidationRule> {
    let (rules, compiled) = ValidationRule.minimumAmount(minimumOrderAmount, segmentID: segmentID)
    let r = ValidationRule(
      id: "", name: name, rules: rules, compiled: compiled, errorMessage: nil,
      productIDs: products.prefix(1).map(\.id), contextType: Self.ruleContext, createdAt: now)
    return insertValidationRule(r, channel: channel)
  }

  /// Creates a business validation rule of `rules` (compiled now: 400 `invalid_validation_rules` when malformed);
  /// emits `business_validation_rule.created`.
  public mutating func createValidationRule(
    name: String, rules: JSONObject, errorMessage: String?, productIDs: [String] = [],
    applicableTo: ApplicableTo? = nil, channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<ValidationRule> {
    var r = try ValidationRule(
      id: "", name: name, rules: rules, errorMessage: errorMessage, productIDs: productIDs,
      contextType: Self.ruleContext, createdAt: now)
    r.setApplicableTo(applicableTo)
    return insertValidationRule(r, channel: channel)
  }

  /// The `context_type` of the rules the world makes.
  private static let ruleContext = "campaign.discount_coupons.discount.apply_to_order"

  /// Stores `rule` under a new id; emits `business_validation_rule.created`.
  mutating func insertValidationRule(_ rule: ValidationRule, channel: EventChannel) -> Emitted<ValidationRule> {
    var r = rule
    begin(channel)
    r.id = make(.validationRule)
    r.createdAt = now
    validationRules.append(r)
    emit("business_validation_rule.created", entity: r.id, ["rule": .object(r.json), "created_at": .time(now)])
    return finish(r)
  }

  /// Changes a rule's minimum order amount (its clause 1); emits `business_validation_rule.updated`.
  public mutating func updateValidationRule(_ id: String, minimumOrderAmount: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ValidationRule>
  {
    var rules = try entity(in: validationRules, id, "validation rule").rules
    rules["1"] = ["name": "order.amount", "conditions": ["$more_than": [.int(minimumOrderAmount)]], "rules": [:]]
    return try updateValidationRule(id, name: nil, rules: rules, errorMessage: nil, channel: channel)
  }

  /// Changes a rule's name, `rules` (compiled now) or error message (`nil`: unchanged); emits
  /// `business_validation_rule.updated`. A rule that is assigned cannot take a condition the mock does not
  /// evaluate (501 naming it).
  public mutating func updateValidationRule(
    _ id: String, name: String?, rules: JSONObject?, errorMessage: String?, applicableTo: ApplicableTo? = nil,
    channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<ValidationRule> {
    let i = try position(in: validationRules, id, "validation rule")
    var r = validationRules[i]
    if rules != nil || applicableTo != nil {
      r.rules = rules ?? r.rules
      r.compiled = try RuleSet.compile(r.rules)
      r.setApplicableTo(applicableTo ?? r.applicableTo)
    }
    if let what = r.compiled.unsupported, ruleAssignments.contains(where: { $0.ruleID == id }) {
      throw RuleSet.notEvaluated(what)
    }
    r.name = name ?? r.name
    r.errorMessage = errorMessage ?? r.errorMessage
    begin(channel)
    r.updatedAt = now
    validationRules[i] = r
    emit("business_validation_rule.updated", entity: id, ["rule": .object(r.json), "updated_at": .time(now)])
    return finish(r)
  }

  /// Deletes a rule; emits `business_validation_rule.deleted`.
  public mutating func deleteValidationRule(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ValidationRule>
  {
    let i = try position(in: validationRules, id, "validation rule")
    begin(channel)
    validationRules[i].deleted = true
    emit(
      "business_validation_rule.deleted", entity: id,
      ["rule": .object(validationRules[i].json), "deleted_at": .time(now)])
    return finish(validationRules.remove(at: i))
  }

  /// Attaches a rule to a campaign, voucher or earning rule; emits `business_validation_rule.assignment.created`.
  public mutating func assignValidationRule(_ ruleID: String, to objectID: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ValidationRuleAssignment>
  {
    let rule = try entity(in: validationRules, ruleID, "validation rule")
    if let what = rule.compiled.unsupported { throw RuleSet.notEvaluated(what) }
    let type = try relatedType(objectID)
    begin(channel)
    let a = ValidationRuleAssignment(
      id: make(.validationRuleAssignment), ruleID: ruleID, relatedObjectID: objectID, relatedObjectType: type,
      createdAt: now)
    ruleAssignments.append(a)
    if let vi = vouchers.position(of: objectID) { vouchers[vi].ruleAssignments.append(a) }
    try emitAssignment("business_validation_rule.assignment.created", a)
    return finish(a)
  }

  /// Detaches a rule; emits `business_validation_rule.assignment.deleted`.
  public mutating func unassignValidationRule(_ assignmentID: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ValidationRuleAssignment>
  {
    let i = try position(in: ruleAssignments, assignmentID, "validation rule assignment")
    begin(channel)
    ruleAssignments[i].updatedAt = now
    if let vi = vouchers.position(of: ruleAssignments[i].relatedObjectID) {
      vouchers[vi].ruleAssignments.removeAll { $0.id == assignmentID }
    }
    try emitAssignment("business_validation_rule.assignment.deleted", ruleAssignments[i])
    return finish(ruleAssignments.remove(at: i))
  }

  private func relatedType(_ id: String) throws(VoucherifyError) -> String {
    if campaigns[id: id] != nil { return "campaign" }
    if vouchers[id: id] != nil { return "voucher" }
    if promotionTiers[id: id] != nil { return "promotion_tier" }
    if earningRules[id: id] != nil { return "earning_rule" }
    throw .notFound("campaign, voucher, promotion tier or earning rule", id: id)
  }

  private mutating func emitAssignment(_ type: String, _ a: ValidationRuleAssignment) throws(VoucherifyError) {
    let rule = try entity(in: validationRules, a.ruleID, "validation rule")
    let voucher = vouchers[id: a.relatedObjectID]
    let earning = earningRules[id: a.relatedObjectID]
    let tier = promotionTiers[id: a.relatedObjectID]
    let campaignID = voucher?.campaignID ?? earning?.campaignID ?? tier?.campaignID ?? a.relatedObjectID
    let data: JSONObject = [
      "rule": .object(rule.json), "voucher": voucher.map { .object($0.simpleJSON) } ?? "",
      "campaign": .object(try self.campaign(campaignID).simpleJSON), "assignment": .object(a.json),
      "distribution": .null,
      "earning_rule": earning.map { .object($0.simpleJSON) } ?? .null,
      "promotion_tier": tier.map { .object($0.simpleJSON) } ?? .null,
    ]
    emit(type, entity: rule.id, JSONObject(data.members.filter { $0.value != "" }))
  }
}

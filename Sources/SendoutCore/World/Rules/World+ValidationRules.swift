extension World {
  /// Creates a business validation rule (minimum order amount, optionally a segment); emits
  /// `business_validation_rule.created`.
  public mutating func createValidationRule(
    name: String, minimumOrderAmount: Int, segmentID: String? = nil, channel: EventChannel = .userPortal
  ) -> Emitted<ValidationRule> {
    begin(channel)
    let r = ValidationRule(
      id: make(.validationRule), name: name, minimumOrderAmount: minimumOrderAmount, segmentID: segmentID,
      productIDs: products.prefix(1).map(\.id), contextType: "campaign.discount_coupons.discount.apply_to_order",
      createdAt: now)
    validationRules.append(r)
    emit("business_validation_rule.created", entity: r.id, ["rule": .object(r.json), "created_at": .time(now)])
    return finish(r)
  }

  /// Changes a rule's minimum order amount; emits `business_validation_rule.updated`.
  public mutating func updateValidationRule(_ id: String, minimumOrderAmount: Int, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<ValidationRule>
  {
    let i = try position(in: validationRules, id, "validation rule")
    begin(channel)
    validationRules[i].minimumOrderAmount = minimumOrderAmount
    validationRules[i].updatedAt = now
    emit(
      "business_validation_rule.updated", entity: id,
      ["rule": .object(validationRules[i].json), "updated_at": .time(now)])
    return finish(validationRules[i])
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
    _ = try position(in: validationRules, ruleID, "validation rule")
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
    if earningRules[id: id] != nil { return "earning_rule" }
    throw .notFound("campaign, voucher or earning rule", id: id)
  }

  private mutating func emitAssignment(_ type: String, _ a: ValidationRuleAssignment) throws(VoucherifyError) {
    let rule = try entity(in: validationRules, a.ruleID, "validation rule")
    let voucher = vouchers[id: a.relatedObjectID]
    let earning = earningRules[id: a.relatedObjectID]
    let campaignID = voucher?.campaignID ?? earning?.campaignID ?? a.relatedObjectID
    let data: JSONObject = [
      "rule": .object(rule.json), "voucher": voucher.map { .object($0.simpleJSON) } ?? "",
      "campaign": .object(try self.campaign(campaignID).simpleJSON), "assignment": .object(a.json),
      "distribution": .null,
      "earning_rule": earning.map { .object($0.simpleJSON) } ?? .null, "promotion_tier": .null,
    ]
    emit(type, entity: rule.id, JSONObject(data.members.filter { $0.value != "" }))
  }
}

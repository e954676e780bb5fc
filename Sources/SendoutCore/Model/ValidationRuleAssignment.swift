/// A validation rule attached to a campaign, voucher or earning rule (`asgm_…`).
public struct ValidationRuleAssignment: Sendable, Equatable {
  /// `asgm_…`.
  public var id: String
  /// The rule.
  public var ruleID: String
  /// What it is attached to.
  public var relatedObjectID: String
  /// `campaign`, `voucher` or `earning_rule`.
  public var relatedObjectType: String
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?

  /// Creates an assignment.
  public init(id: String, ruleID: String, relatedObjectID: String, relatedObjectType: String, createdAt: Timestamp) {
    self.id = id
    self.ruleID = ruleID
    self.relatedObjectID = relatedObjectID
    self.relatedObjectType = relatedObjectType
    self.createdAt = createdAt
  }

  /// `BusValRuleAssignment`.
  public var json: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "rule_id": .string(ruleID), "related_object_id": .string(relatedObjectID),
      "related_object_type": .string(relatedObjectType), "created_at": .time(createdAt),
    ]
    o.put("updated_at", updatedAt.map { .time($0) })
    o["object"] = "validation_rules_assignment"
    o["validation_status"] = "VALID"
    o["validation_omitted_rules"] = []
    return o
  }
}

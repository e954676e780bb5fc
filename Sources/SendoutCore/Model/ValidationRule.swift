/// A business validation rule (`val_…`): its `rules` as the API gave them, and compiled once (`RuleSet`) for the
/// checks of validations and redemptions.
public struct ValidationRule: Sendable, Equatable {
  /// `val_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// `rules`: numbered conditions and their `logic`, as given.
  public var rules: JSONObject
  /// `rules` compiled.
  public var compiled: RuleSet
  /// `error.message`: what a failed validation or redemption says.
  public var errorMessage: String?
  /// Products it applies to.
  public var productIDs: [String]
  /// Where it can be used, e.g. `campaign.discount_coupons.discount.apply_to_order`.
  public var contextType: String
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?
  /// Whether it was deleted.
  public var deleted = false
  /// `applicable_to` as the application sent it (what item-level discounts apply to); `nil`: the products of
  /// `productIDs` (the sample world's rules).
  public var applicableTo: ApplicableTo?

  /// Creates a rule of `rules`, compiled (400 `invalid_validation_rules` when malformed).
  public init(
    id: String, name: String, rules: JSONObject, errorMessage: String?, productIDs: [String], contextType: String,
    createdAt: Timestamp
  ) throws(VoucherifyError) {
    self.init(
      id: id, name: name, rules: rules, compiled: try RuleSet.compile(rules), errorMessage: errorMessage,
      productIDs: productIDs, contextType: contextType, createdAt: createdAt)
  }

  /// Creates a rule of `rules` already compiled as `compiled`.
  init(
    id: String, name: String, rules: JSONObject, compiled: RuleSet, errorMessage: String?, productIDs: [String],
    contextType: String, createdAt: Timestamp
  ) {
    self.id = id
    self.name = name
    self.rules = rules
    self.compiled = compiled
    self.errorMessage = errorMessage
    self.productIDs = productIDs
    self.contextType = contextType
    self.createdAt = createdAt
  }

  /// The message of the scenario rules' segment clause.
  private static let segmentMessage = "Customer is not in the required segment"

  /// A minimum order amount rule (`order.amount` `$more_than`), optionally in a segment (the scenario steps'
  /// rules): its `rules` and their compiled form, built together (no JSON to refuse).
  static func minimumAmount(_ minimum: Int, segmentID: String?) -> (JSONObject, RuleSet) {
    var clauses = [
      "1": RuleClause(subject: .orderAmount, tests: [.moreThan(Double(minimum))], nested: nil, errorMessage: nil)
    ]
    if let seg = segmentID {
      clauses["2"] = RuleClause(
        subject: .customerSegment, tests: [.oneOf([.text(seg)])], nested: nil, errorMessage: Self.segmentMessage)
    }
    let logic: RuleLogic = segmentID == nil ? .clause("1") : .and(.clause("1"), .clause("2"))
    return (
      minimumAmountRules(minimum, segmentID: segmentID), RuleSet(clauses: clauses, logic: logic, unsupported: nil)
    )
  }

  /// The `rules` JSON of `minimumAmount`.
  private static func minimumAmountRules(_ minimum: Int, segmentID: String?) -> JSONObject {
    var o: JSONObject = [
      "1": ["name": "order.amount", "conditions": ["$more_than": [.int(minimum)]], "rules": [:]]
    ]
    if let seg = segmentID {
      o["2"] = [
        "name": "customer.segment", "conditions": ["$is": [.string(seg)]], "rules": [:],
        "error": ["message": .string(segmentMessage)],
      ]
    }
    o["logic"] = segmentID == nil ? "1" : "1 and 2"
    return o
  }

  /// `ValidationRule`.
  public var json: JSONObject {
    let included: [JSON] = productIDs.map {
      ["id": .string($0), "effect": "APPLY_TO_EVERY", "object": "product", "strict": false]
    }
    var o: JSONObject = [
      "id": .string(id), "name": .string(name), "rules": .object(rules),
      "applicable_to": applicableTo.map { .object($0.json) }
        ?? ["excluded": [], "included": .array(included), "included_all": .bool(included.isEmpty)],
      "created_at": .time(createdAt),
    ]
    o.put("error", errorMessage.map { JSON.object(["message": .string($0)]) })
    o["updated_at"] = .time(updatedAt)
    o["type"] = "expression"
    o["context_type"] = .string(contextType)
    o["object"] = "validation_rules"
    return o
  }
}

extension ValidationRule {
  /// Sets `applicable_to`; a setting of it the mock does not evaluate becomes the rule's `unsupported` (501 when
  /// assigned), unless its `rules` already hold one.
  mutating func setApplicableTo(_ applicable: ApplicableTo?) {
    applicableTo = applicable
    compiled.unsupported = compiled.unsupported ?? applicable?.unsupported
  }
}

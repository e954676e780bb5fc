/// A business validation rule (`val_…`): a minimum order amount, optionally restricted to a segment.
public struct ValidationRule: Sendable, Equatable {
  /// `val_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Minimum order amount in cents.
  public var minimumOrderAmount: Int
  /// Segment the customer must be in.
  public var segmentID: String?
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

  /// Creates a rule.
  public init(
    id: String, name: String, minimumOrderAmount: Int, segmentID: String?, productIDs: [String], contextType: String,
    createdAt: Timestamp
  ) {
    self.id = id
    self.name = name
    self.minimumOrderAmount = minimumOrderAmount
    self.segmentID = segmentID
    self.productIDs = productIDs
    self.contextType = contextType
    self.createdAt = createdAt
  }

  /// `rules`: numbered conditions and their `logic`.
  var rulesJSON: JSONObject {
    var o: JSONObject = [
      "1": ["name": "order.amount", "conditions": ["$more_than": [.int(minimumOrderAmount)]], "rules": [:]]
    ]
    if let seg = segmentID {
      o["2"] = [
        "name": "customer.segment", "conditions": ["$is": [.string(seg)]], "rules": [:],
        "error": ["message": "Customer is not in the required segment"],
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
      "id": .string(id), "name": .string(name), "rules": .object(rulesJSON),
      "applicable_to": ["excluded": [], "included": .array(included), "included_all": .bool(included.isEmpty)],
      "created_at": .time(createdAt),
    ]
    o["updated_at"] = .time(updatedAt)
    o["type"] = "expression"
    o["context_type"] = .string(contextType)
    o["object"] = "validation_rules"
    return o
  }
}

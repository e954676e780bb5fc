/// A loyalty earning rule (`ern_…`): `points` for every `every` cents of a paid order's total.
public struct EarningRule: Sendable, Equatable {
  /// `ern_…`.
  public var id: String
  /// Its loyalty campaign.
  public var campaignID: String
  /// The triggering event, e.g. `order.paid`.
  public var event: String
  /// Display text.
  public var banner: String
  /// Cents per step.
  public var every: Int
  /// Points per step.
  public var points: Int
  /// Whether points wait (pending) before they count, in days; `nil` = immediate.
  public var pendingDays: Int?
  /// `auto_…` automation id.
  public var automationID: String
  /// Validation rule limiting it.
  public var validationRuleID: String?
  /// Whether it is active.
  public var active = true
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?

  /// Creates an earning rule.
  public init(
    id: String, campaignID: String, event: String = "order.paid", banner: String, every: Int, points: Int,
    pendingDays: Int? = nil, automationID: String, createdAt: Timestamp
  ) {
    self.id = id
    self.campaignID = campaignID
    self.event = event
    self.banner = banner
    self.every = every
    self.points = points
    self.pendingDays = pendingDays
    self.automationID = automationID
    self.createdAt = createdAt
  }

  /// Points earned for an order total of `amount` cents.
  public func points(forOrderTotal amount: Int) -> Int {
    every > 0 ? (max(0, amount) / every).multipliedSaturated(by: points) : 0
  }

  /// The `loyalty` block.
  var loyaltyJSON: JSONObject {
    [
      "type": "PROPORTIONAL", "calculation_type": "ORDER_TOTAL_AMOUNT",
      "order": ["total_amount": ["every": .int(every), "points": .int(points)]],
    ]
  }

  /// `SimpleEarningRule`.
  public var simpleJSON: JSONObject {
    var o: JSONObject = ["id": .string(id), "campaign_id": .string(campaignID)]
    o.put("validation_rule_id", validationRuleID.map { .string($0) })
    o["parameters"] = ["event": .string(event), "banner": .string(banner), "loyalty": .object(loyaltyJSON)]
    o["automation_id"] = .string(automationID)
    o["active"] = .bool(active)
    o["metadata"] = [:]
    return o
  }

  /// `EarningRule`.
  public var fullJSON: JSONObject {
    [
      "id": .string(id), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
      "validation_rule_id": .str(validationRuleID), "loyalty": .object(loyaltyJSON), "event": .string(event),
      "source": ["banner": .string(banner), "object_id": .string(campaignID), "object_type": "campaign"],
      "active": .bool(active), "object": "earning_rule", "automation_id": .string(automationID), "metadata": [:],
    ]
  }
}

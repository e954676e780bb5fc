/// A project's stacking rules (`stk_…`, Management API): how many redeemables a validation or redemption may name
/// and apply, and the rest of Voucherify's settings, as set over the defaults.
public struct StackingRules: Sendable, Equatable, Identifiable {
  /// `stk_…`; empty for a project's default rules (they have no id).
  public var id: String
  /// The project they belong to.
  public var projectID: String
  /// Every setting, in `defaults`' order.
  public var settings: JSONObject
  /// When they were created.
  public var createdAt: Timestamp?
  /// When they last changed.
  public var updatedAt: Timestamp?

  /// Voucherify's default `redeemables_limit` (also the spec's `redeemables.maxItems`).
  public static let defaultRedeemablesLimit = 30
  /// Voucherify's default `applicable_redeemables_limit`.
  public static let defaultApplicableLimit = 5

  /// Voucherify's defaults (docs.voucherify.io/orchestrate/stacking-rules; the SDKs' `StackingRules` defaults).
  public static let defaults: JSONObject = [
    "exclusive_categories": [], "joint_categories": [], "redeemables_limit": .int(defaultRedeemablesLimit),
    "applicable_redeemables_limit": .int(defaultApplicableLimit),
    "applicable_redeemables_per_category_limit": 1, "applicable_redeemables_category_limits": [:],
    "applicable_exclusive_redeemables_limit": 1, "applicable_exclusive_redeemables_per_category_limit": 1,
    "discount_calculation_mode": "INITIAL_AMOUNT", "initial_amount_mode_categories": [],
    "discounted_amount_mode_categories": [], "redeemables_application_mode": "ALL",
    "redeemables_sorting_rule": "REQUESTED_ORDER", "redeemables_products_application_mode": "STACK",
    "redeemables_no_effect_rule": "REDEEM_ANYWAY", "no_effect_skip_categories": [],
    "no_effect_redeem_anyway_categories": [], "redeemables_rollback_order_mode": "WITH_ORDER",
  ]

  /// The spec's range of each integer setting.
  public static let ranges: [String: ClosedRange<Int>] = [
    "redeemables_limit": 1...30, "applicable_redeemables_limit": 1...30,
    "applicable_redeemables_per_category_limit": 1...30, "applicable_exclusive_redeemables_limit": 1...5,
    "applicable_exclusive_redeemables_per_category_limit": 1...30,
  ]

  /// The settings validations and redemptions apply; any other must keep its default (a change is refused).
  public static let enforced: Set<String> = [
    "redeemables_limit", "applicable_redeemables_limit", "redeemables_application_mode",
  ]

  /// A project's default rules.
  public static func defaults(of projectID: String) -> StackingRules {
    StackingRules(id: "", projectID: projectID, settings: defaults)
  }

  /// How many redeemables one request may name.
  public var redeemablesLimit: Int { settings["redeemables_limit"]?.intValue ?? Self.defaultRedeemablesLimit }
  /// How many of them may apply; the rest are skipped.
  public var applicableLimit: Int { settings["applicable_redeemables_limit"]?.intValue ?? Self.defaultApplicableLimit }

  /// Whether `redeemables_application_mode` is `PARTIAL`: the redeemables that fail are left out and the rest
  /// apply (`ALL`, the default: one failure fails the whole request).
  public var appliesPartially: Bool { settings["redeemables_application_mode"] == "PARTIAL" }

  /// `ManagementProjectsStackingRules`: the defaults have no id nor times.
  public var json: JSONObject {
    var o: JSONObject = id.isEmpty ? [:] : ["id": .string(id)]
    o.merge(settings)
    if !id.isEmpty {
      o["created_at"] = .time(createdAt)
      o["updated_at"] = .time(updatedAt)
    }
    return o
  }
}

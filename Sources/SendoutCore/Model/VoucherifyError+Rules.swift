/// The refusals of Voucherify's own rules, by their real keys. Sources: the spec's "Failed Redemptions" list
/// (`GET /v1/redemptions`: `resource_not_found`, `voucher_not_active`, `voucher_expired`, `voucher_disabled`,
/// `quantity_exceeded`, `gift_amount_exceeded`, with its lowercase `failure_message`s), its redemption examples
/// (`loyalty_card_points_exceeded` / "loyalty card points exceeded"), and the errors reference
/// (https://docs.voucherify.io/reference/errors: a violated rule is a 400).
extension VoucherifyError {
  /// A rule's 400 about `details` (a code or id).
  private static func rule(_ key: String, _ message: String, _ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: key, message: message, details: details)
  }

  /// 404 `resource_not_found`: the voucher was deleted (its code stays known).
  public static func resourceNotFound(_ code: String) -> VoucherifyError {
    VoucherifyError(status: 404, key: "resource_not_found", message: "Resource not found", details: code)
  }

  /// 400 `voucher_disabled`: the voucher is `active: false`.
  public static func voucherDisabled(_ code: String) -> VoucherifyError {
    rule("voucher_disabled", "voucher is disabled", code)
  }

  /// 400 `campaign_disabled`: the voucher's campaign is inactive.
  public static func campaignDisabled(_ code: String) -> VoucherifyError {
    rule("campaign_disabled", "campaign is disabled", code)
  }

  /// 400 `voucher_expired`: after the expiration date.
  public static func voucherExpired(_ code: String) -> VoucherifyError {
    rule("voucher_expired", "voucher expired", code)
  }

  /// 400 `voucher_not_active`: before the start date.
  public static func voucherNotActive(_ code: String) -> VoucherifyError {
    rule("voucher_not_active", "voucher not active", code)
  }

  /// 400 `quantity_exceeded`: the redemption limit is used up.
  public static func quantityExceeded(_ code: String) -> VoucherifyError {
    rule("quantity_exceeded", "quantity exceeded", code)
  }

  /// 400 `gift_amount_exceeded`: the gift card's balance does not cover the credits asked.
  public static func giftAmountExceeded(_ code: String) -> VoucherifyError {
    rule("gift_amount_exceeded", "gift amount exceeded", code)
  }

  /// 400 `loyalty_card_points_exceeded`: the card's balance does not cover the reward.
  public static func loyaltyCardPointsExceeded(_ details: String) -> VoucherifyError {
    rule("loyalty_card_points_exceeded", "loyalty card points exceeded", details)
  }

  /// 400 `missing_reward`: a loyalty card redeemed without a reward.
  public static func missingReward(_ code: String) -> VoucherifyError {
    rule("missing_reward", "Missing reward", code)
  }

  /// 400 `promotion_inactive`: the tier or its campaign is disabled.
  public static func promotionInactive(_ tierID: String) -> VoucherifyError {
    rule("promotion_inactive", "Inactive Promotion", tierID)
  }
}

/// The refusals of a failed validation rule, by the keys of the spec's "Failed Redemptions" list
/// (`customer_rules_violated` "customer did not match the segment", `order_rules_violated` "order did not match
/// validation rules") with the messages of its `rf_…` example ("customer does not match validation rules") and of
/// Voucherify's validation-rules guide (400 "order does not match validation rules", `details`: the code).
extension VoucherifyError {
  /// 400 for redeemable `code` refused by rule `ruleID`: about the customer or the order, with the rule's message.
  public static func rulesViolated(_ code: String, customer: Bool, ruleID: String, ruleMessage: String?)
    -> VoucherifyError
  {
    let about = customer ? "customer" : "order"
    var error = VoucherifyError(
      status: 400, key: "\(about)_rules_violated", message: "\(about) does not match validation rules", details: code,
      resourceID: ruleID, resourceType: "validation_rules")
    error.ruleMessage = ruleMessage
    return error
  }

  /// Whether it is a validation rule's refusal (`rulesViolated`).
  public var isRuleViolation: Bool { key == "customer_rules_violated" || key == "order_rules_violated" }
}

/// Which conditions of a validation rule a check reads (`RuleFacts.reach`); a condition it skips holds.
///
/// Voucherify's check-eligibility reference: "The Qualifications endpoint ignores the rules checking: limit of total
/// redeemed discount amount per campaign, limit of total redemptions count per campaign, redemptions per customer,
/// redemptions per customer in a campaign, total amount before discount"; its scenario `AUDIENCE_ONLY` "validates the
/// rules based on the customer profile only" (the checking-eligibility guide shows the order's conditions as
/// `validation_omitted_rules`).
public enum RuleReach: Sendable, Equatable {
  /// Every condition: validation and redemption.
  case everything
  /// A qualification: all but the redemption counts and the amount before discount.
  case qualification
  /// A qualification of the customer alone (`AUDIENCE_ONLY`): the customer's conditions, counts excepted.
  case audience

  /// Whether a condition on `subject` is skipped (holds).
  public func skips(_ subject: RuleSubject) -> Bool {
    switch (self, subject) {
    case (.everything, _): false
    case (_, .redemptionsPerCustomer), (_, .campaignRedemptionsPerCustomer), (_, .campaignRedemptions),
      (_, .orderInitialAmount):
      true
    case (.qualification, _): false
    case (.audience, _): !subject.isAboutCustomer
    }
  }
}

/// What a stacked redemption did: the evaluation it applied, and the redemptions it stored.
public struct StackRedemption: Sendable {
  /// What each redeemable did (the same as a validation of the same request would have said).
  public var evaluation: StackEvaluation
  /// The parent redemption, when more than one redeemable applied.
  public var parent: Redemption?
  /// One redemption per applied redeemable (`redemption` = the parent's id); or the one failed redemption.
  public var redemptions: [Redemption]
  /// The order the redeemables applied to; `nil` when the redemption failed.
  public var orderID: String?

  /// Creates a result.
  public init(evaluation: StackEvaluation, parent: Redemption?, redemptions: [Redemption], orderID: String?) {
    self.evaluation = evaluation
    self.parent = parent
    self.redemptions = redemptions
    self.orderID = orderID
  }

  /// Whether the redeemables were redeemed.
  public var succeeded: Bool { orderID != nil }
}

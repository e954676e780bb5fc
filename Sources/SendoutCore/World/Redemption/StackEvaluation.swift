/// What a stack of redeemables would do to an order of `orderAmount` cents: each redeemable's outcome, in the
/// order sent, each applying to what the previous ones left. Validation answers it; redemption applies it.
public struct StackEvaluation: Sendable, Equatable {
  /// The order amount before discounts, in cents.
  public var orderAmount: Int
  /// One outcome per redeemable, in the order sent.
  public var outcomes: [StackOutcome]
  /// Whether it was made in application mode `PARTIAL` (an inapplicable redeemable is left out, not fatal).
  public var partial: Bool

  /// Creates an evaluation.
  public init(orderAmount: Int, outcomes: [StackOutcome], partial: Bool = false) {
    self.orderAmount = orderAmount
    self.outcomes = outcomes
    self.partial = partial
  }

  /// Whether the stack can be redeemed: every redeemable applies (none inapplicable), or in `PARTIAL` mode one
  /// applies at least (the inapplicable ones are left out).
  public var valid: Bool { firstFailure == nil || leavesOutFailures }
  /// Whether the inapplicable redeemables are left out and the applicable ones redeemed (`PARTIAL` mode, one
  /// applicable at least); otherwise one inapplicable redeemable fails the whole stack.
  public var leavesOutFailures: Bool { partial && outcomes.contains(where: \.applicable) }
  /// The first inapplicable redeemable's failure.
  public var firstFailure: VoucherifyError? { outcomes.lazy.compactMap(\.failure).first }
  /// The discount of the applicable redeemables, in cents.
  public var discount: Int { outcomes.lazy.map { $0.applicable ? $0.discount : 0 }.saturatedSum }
}

/// What a stack of redeemables would do to an order of `orderAmount` cents: each redeemable's outcome, in the
/// order sent, each applying to what the previous ones left. Validation answers it; redemption applies it.
public struct StackEvaluation: Sendable, Equatable {
  /// The order amount before discounts, in cents.
  public var orderAmount: Int
  /// One outcome per redeemable, in the order sent.
  public var outcomes: [StackOutcome]

  /// Creates an evaluation.
  public init(orderAmount: Int, outcomes: [StackOutcome]) {
    self.orderAmount = orderAmount
    self.outcomes = outcomes
  }

  /// Whether every redeemable applies (none inapplicable).
  public var valid: Bool { firstFailure == nil }
  /// The first inapplicable redeemable's failure.
  public var firstFailure: VoucherifyError? { outcomes.lazy.compactMap(\.failure).first }
  /// The discount of the applicable redeemables, in cents.
  public var discount: Int { outcomes.lazy.map { $0.applicable ? $0.discount : 0 }.saturatedSum }
}

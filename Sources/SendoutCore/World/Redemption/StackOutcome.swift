/// What one redeemable of a stack does to an order: applied with a discount, inapplicable with a failure, or
/// skipped (a preceding one failed, or the applicable limit was reached).
public struct StackOutcome: Sendable, Equatable {
  /// Why a redeemable is skipped (the spec's `skipped_redeemables[].result.details.key`).
  public enum Skip: String, Sendable {
    /// Another redeemable is inapplicable, so none applies (application mode `ALL`).
    case precedingValidationFailed = "preceding_validation_failed"
    /// More redeemables apply than the stacking rules allow.
    case applicableRedeemablesLimitExceeded = "applicable_redeemables_limit_exceeded"
  }

  /// The redeemable as sent.
  public var redeemable: StackRedeemable
  /// The voucher it names, when known.
  public var voucherID: String?
  /// The promotion tier it names, when known.
  public var tierID: String?
  /// Why it cannot apply; `nil` when it applies or is skipped.
  public var failure: VoucherifyError?
  /// Why it is skipped.
  public var skip: Skip?
  /// The order total (cents) before this redeemable applies.
  public var orderTotalBefore: Int
  /// Cents it takes off the order (for a gift card: the credits it spends); 0 unless applicable.
  public var discount = 0
  /// An item-level discount's cents off each order line (`RuleFacts.items`, by position); empty for another one.
  public var itemDiscounts: [Int] = []

  /// Creates an outcome.
  public init(redeemable: StackRedeemable, orderTotalBefore: Int) {
    self.redeemable = redeemable
    self.orderTotalBefore = orderTotalBefore
  }

  /// Whether it applies to the order.
  public var applicable: Bool { failure == nil && skip == nil }
}

/// Why a redeemable cannot apply, as Voucherify's `Error`: status, `key`, `message` and `details`.
public struct StackFailure: Sendable, Equatable {
  /// 400, or 404 for an unknown code or tier.
  public var status: Int
  /// `voucher_disabled`, `quantity_exceeded`, `not_found`, …
  public var key: String
  /// Voucherify's message for the key.
  public var message: String
  /// The code or id concerned.
  public var details: String

  /// Creates a failure.
  public init(status: Int, key: String, message: String, details: String) {
    self.status = status
    self.key = key
    self.message = message
    self.details = details
  }
}

/// How many validations of a campaign's redeemables succeeded and failed on one day (`GET …/summary` reads them).
public struct ValidationTally: Sendable, Equatable {
  /// Redeemables validated `APPLICABLE`.
  public var succeeded = 0
  /// Redeemables validated `INAPPLICABLE`.
  public var failed = 0
}

/// One giving card's part of a loyalty points transfer (`LoyaltiesTransferPoints`: `code`, `points`, `reason`,
/// `source_id`).
public struct PointsTransfer: Sendable, Equatable {
  /// The card the points come from.
  public var voucherID: String
  /// How many points it gives.
  public var points: Int
  /// Why (the transactions' `reason`).
  public var reason: String?
  /// The caller's id of the transfer (the transactions' `source_id`).
  public var sourceID: String?

  /// Creates a part.
  public init(voucherID: String, points: Int, reason: String? = nil, sourceID: String? = nil) {
    self.voucherID = voucherID
    self.points = points
    self.reason = reason
    self.sourceID = sourceID
  }
}

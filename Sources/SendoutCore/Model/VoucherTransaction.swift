/// A change of a gift card's credits or a loyalty card's points (`vtx_…`).
public struct VoucherTransaction: Sendable, Equatable {
  /// `vtx_…`.
  public var id: String
  /// Caller's idempotency key.
  public var sourceID: String?
  /// The card.
  public var voucherID: String
  /// Its campaign.
  public var campaignID: String
  /// `voucherify-web-ui`, `API` or `Automation`.
  public var source: String
  /// Why.
  public var reason: String?
  /// `POINTS_ADDITION`, `POINTS_ACCRUAL`, `CREDITS_ADDITION`, …
  public var type: String
  /// `details`: the balance after, plus context (order, event, earning rule, …).
  public var details: JSONObject
  /// The transaction this one reverses.
  public var relatedTransactionID: String?
  /// When.
  public var createdAt: Timestamp

  /// Creates a transaction.
  public init(
    id: String, sourceID: String?, voucherID: String, campaignID: String, source: String, reason: String?,
    type: String, details: JSONObject, createdAt: Timestamp
  ) {
    self.id = id
    self.sourceID = sourceID
    self.voucherID = voucherID
    self.campaignID = campaignID
    self.source = source
    self.reason = reason
    self.type = type
    self.details = details
    self.createdAt = createdAt
  }

  /// `VoucherTransaction`.
  public var json: JSONObject {
    [
      "id": .string(id), "source_id": .str(sourceID), "voucher_id": .string(voucherID),
      "campaign_id": .string(campaignID), "source": .string(source), "reason": .str(reason), "type": .string(type),
      "details": .object(details), "related_transaction_id": .str(relatedTransactionID),
      "created_at": .time(createdAt),
    ]
  }
}

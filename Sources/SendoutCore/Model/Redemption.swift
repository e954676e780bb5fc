/// A redemption (`r_…`/`rf_…`) or a rollback of one (`rr_…`/`rrf_…`).
public struct Redemption: Sendable, Equatable {
  /// Redemption or rollback.
  public enum Kind: String, Sendable {
    /// `object: redemption`.
    case redemption
    /// `object: redemption_rollback`.
    case rollback = "redemption_rollback"
  }

  /// `r_…`, `rf_…`, `rr_…` or `rrf_…`.
  public var id: String
  /// Redemption or rollback.
  public var kind: Kind
  /// Whether it succeeded.
  public var succeeded: Bool
  /// When.
  public var date: Timestamp
  /// Who redeemed (`nil`: a redemption that names no customer, which Voucherify allows).
  public var customerID: String?
  /// The customer's tracking id.
  public var trackingID: String
  /// The order it applied to.
  public var orderID: String?
  /// The voucher redeemed.
  public var voucherID: String?
  /// The promotion tier redeemed.
  public var promotionTierID: String?
  /// Gift credits or points used.
  public var amount: Int?
  /// The discount it gave, in cents.
  public var discount = 0
  /// Why it failed (`voucher_expired`, `quantity_exceeded`, …).
  public var failureCode: String?
  /// The failure, for people.
  public var failureMessage: String?
  /// The rollback reason.
  public var reason: String?
  /// For rollbacks: the redemption rolled back.
  public var parentID: String?
  /// Set once a rollback succeeded.
  public var rolledBack = false
  /// Custom attributes.
  public var metadata: JSONObject = [:]
  /// `user_…` or `API` key channel that redeemed.
  public var channelID: String
  /// `USER` or `API`.
  public var channelType: String

  /// Creates a redemption record.
  public init(
    id: String, kind: Kind, succeeded: Bool, date: Timestamp, customerID: String?, trackingID: String,
    channelID: String, channelType: String
  ) {
    self.id = id
    self.kind = kind
    self.succeeded = succeeded
    self.date = date
    self.customerID = customerID
    self.trackingID = trackingID
    self.channelID = channelID
    self.channelType = channelType
  }

  /// `SUCCEEDED`, `FAILED` or `ROLLED BACK`.
  public var status: String { !succeeded ? "FAILED" : rolledBack ? "ROLLED BACK" : "SUCCEEDED" }

  /// `SimpleRedemption` / `RedemptionInternal`, from the already rendered related objects.
  public func json(order: JSONObject?, customer: JSONObject?, voucher: JSONObject?, promotionTier: JSONObject? = nil)
    -> JSONObject
  {
    var o: JSONObject = [
      "id": .string(id), "customer_id": .str(customerID), "tracking_id": .string(trackingID), "date": .time(date),
    ]
    o.put("amount", amount.map { .int($0) })
    o.put("order", order.map { .object($0) })
    o["customer"] = customer.map { .object($0) } ?? .null
    o["result"] = succeeded ? "SUCCESS" : "FAILURE"
    o["status"] = .string(status)
    o.put("failure_code", failureCode.map { .string($0) })
    o.put("failure_message", failureMessage.map { .string($0) })
    o.put("voucher", voucher.map { .object($0) })
    o.put("promotion_tier", promotionTier.map { .object($0) })
    o.put("redemption", parentID.map { .string($0) })
    o.put("reason", reason.map { .string($0) })
    o["metadata"] = .object(metadata)
    o["channel"] = ["channel_id": .string(channelID), "channel_type": .string(channelType)]
    o["object"] = .string(kind.rawValue)
    return o
  }
}

/// An order (`ord_…`). `total_amount = amount − discount_amount − items_discount_amount`, all in cents.
public struct Order: Sendable, Equatable {
  /// `CREATED`, `PAID`, `CANCELED` or `FULFILLED`.
  public enum Status: String, Sendable {
    /// Placed, not paid.
    case created = "CREATED"
    /// Paid.
    case paid = "PAID"
    /// Canceled.
    case canceled = "CANCELED"
    /// Shipped.
    case fulfilled = "FULFILLED"
  }

  /// A redemption applied to the order (`redemptions.<id>`).
  public struct AppliedRedemption: Sendable, Equatable {
    /// `r_…`.
    public var id: String
    /// When.
    public var date: Timestamp
    /// `voucher` or `promotion_tier`.
    public var relatedObjectType: String
    /// `v_…` or `promo_…`.
    public var relatedObjectID: String
    /// `camp_…`.
    public var relatedObjectParentID: String
  }

  /// `ord_…`.
  public var id: String
  /// The merchant's order number (`nil` when none was given).
  public var sourceID: String?
  /// Lifecycle status.
  public var status: Status
  /// Who placed it (`nil`: an order without a customer, which Voucherify allows).
  public var customerID: String?
  /// Who referred the customer, for referral redemptions.
  public var referrerID: String?
  /// The lines.
  public var items: [OrderItem]
  /// The order amount the application gave (else the sum of the lines).
  public var givenAmount: Int?
  /// Order-level discount, in cents.
  public var discountAmount = 0
  /// Custom attributes.
  public var metadata: JSONObject
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?
  /// Redemptions applied to it.
  public var redemptions: [AppliedRedemption] = []

  /// Creates an order.
  public init(
    id: String, sourceID: String?, status: Status = .created, customerID: String?, items: [OrderItem],
    metadata: JSONObject, createdAt: Timestamp
  ) {
    self.id = id
    self.sourceID = sourceID
    self.status = status
    self.customerID = customerID
    self.items = items
    self.metadata = metadata
    self.createdAt = createdAt
  }

  /// The given amount, else the sum of the lines, before discounts.
  public var amount: Int { givenAmount ?? items.lazy.map { $0.amount ?? 0 }.saturatedSum }
  /// Sum of the lines' own discounts.
  public var itemsDiscountAmount: Int { items.lazy.map(\.discountAmount).saturatedSum }
  /// Order-level plus item-level discounts.
  public var totalDiscountAmount: Int { discountAmount.addingSaturated(itemsDiscountAmount) }
  /// What the customer pays.
  public var totalAmount: Int { amount.subtractingSaturated(totalDiscountAmount) }
}

/// A code of a campaign: a discount coupon, a gift card with a credit balance or a loyalty card with points.
public struct Voucher: Sendable, Equatable {
  /// `v_…`.
  public var id: String
  /// The code customers type.
  public var code: String
  /// `camp_…` of its campaign.
  public var campaignID: String
  /// Its campaign's name.
  public var campaignName: String
  /// Its campaign's type.
  public var campaignType: CampaignType
  /// Its category (the campaign's).
  public var category: Category
  /// The discount it gives (discount coupons, referral codes).
  public var discount: Discount?
  /// Gift credit loaded in total, in cents.
  public var giftAmount = 0
  /// Gift credit left, in cents.
  public var giftBalance = 0
  /// Loyalty points earned in total.
  public var loyaltyPoints = 0
  /// Loyalty points available.
  public var loyaltyBalance = 0
  /// Loyalty points waiting to activate.
  public var pendingPoints = 0
  /// The day (`YYYY-MM-DD`) the card's next points expire, `nil` when none are due (`next_expiration_date`).
  public var nextExpirationDate: String?
  /// The points expiring that day (`next_expiration_points`).
  public var nextExpirationPoints: Int?
  /// The validation rules assigned to this voucher itself (`validation_rules_assignments`).
  public var ruleAssignments: [ValidationRuleAssignment] = []
  /// How many times it may be redeemed (`nil` = unlimited).
  public var redemptionQuantity: Int?
  /// How many times it was redeemed.
  public var redeemedQuantity = 0
  /// Gift credit spent, in cents.
  public var redeemedAmount = 0
  /// Loyalty points spent.
  public var redeemedPoints = 0
  /// The customer holding it, once published.
  public var holderID: String?
  /// For referral codes: the referrer.
  public var referrerID: String?
  /// Whether it can be used.
  public var active = true
  /// When it becomes valid.
  public var startDate: Timestamp
  /// When it expires.
  public var expirationDate: Timestamp
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?
  /// Custom attributes.
  public var metadata: JSONObject = [:]
  /// QR code asset id (UUID).
  public var qrID = ""
  /// Barcode asset id (UUID).
  public var barcodeID = ""
  /// How many publications it appears in.
  public var publishCount = 0
  /// Whether it was deleted.
  public var deleted = false
  /// `additional_info`, as the application sent it.
  public var additionalInfo: String?

  /// Creates a voucher from its campaign's template.
  public init(id: String, code: String, campaign: Campaign, createdAt: Timestamp, assets: (String, String)) {
    self.id = id
    self.code = code
    self.campaignID = campaign.id
    self.campaignName = campaign.name
    self.campaignType = campaign.campaignType
    self.category = campaign.category
    self.discount = campaign.discount
    self.giftAmount = campaign.giftAmount ?? 0
    self.giftBalance = campaign.giftAmount ?? 0
    self.loyaltyPoints = campaign.loyaltyPoints ?? 0
    self.loyaltyBalance = campaign.loyaltyPoints ?? 0
    self.redemptionQuantity = campaign.redemptionQuantity
    self.startDate = campaign.startDate
    self.expirationDate = campaign.expirationDate
    self.createdAt = createdAt
    self.qrID = assets.0
    self.barcodeID = assets.1
  }

  /// `DISCOUNT_VOUCHER`, `GIFT_VOUCHER` or `LOYALTY_CARD`.
  public var type: String { campaignType.voucherType }

  /// Whether another redemption is allowed by quantity.
  public var hasQuantityLeft: Bool { redemptionQuantity.map { redeemedQuantity < $0 } ?? true }
}

/// What to create in `World.createCampaign(_:)`; unset fields get realistic defaults for the campaign type.
public struct CampaignSpec: Sendable {
  /// The campaign type.
  public var type: CampaignType
  /// Display name; generated when `nil`.
  public var name: String?
  /// Discount of each code (coupons, referral codes).
  public var discount: Discount?
  /// Initial credits of each gift card, in cents.
  public var giftAmount: Int?
  /// Initial points of each loyalty card.
  public var loyaltyPoints: Int?
  /// Redemptions allowed per code (`nil` = unlimited).
  public var redemptionQuantity: Int?
  /// Code pattern.
  public var codeConfig: CodeConfig?
  /// Codes generated up front.
  public var vouchersCount: Int
  /// Description; generated when `nil`.
  public var description: String?
  /// Metadata; generated when `nil`.
  public var metadata: JSONObject?
  /// When it starts and ends; generated when `nil`.
  public var startDate: Timestamp?
  /// When it ends; 180 days after the start when `nil`.
  public var expirationDate: Timestamp?
  /// `type`, `auto_join`, `join_once`, the category and the settings kept as sent; the type's defaults when unset.
  public var options = CampaignOptions()
  /// `Campaign.valueSettings`: kept in the voucher template's value object as given.
  public var valueSettings: JSONObject = [:]

  /// Creates a spec.
  public init(
    type: CampaignType, name: String? = nil, discount: Discount? = nil, giftAmount: Int? = nil,
    loyaltyPoints: Int? = nil, redemptionQuantity: Int? = nil, codeConfig: CodeConfig? = nil, vouchersCount: Int = 0
  ) {
    self.type = type
    self.name = name
    self.discount = discount
    self.giftAmount = giftAmount
    self.loyaltyPoints = loyaltyPoints
    self.redemptionQuantity = redemptionQuantity
    self.codeConfig = codeConfig
    self.vouchersCount = vouchersCount
  }
}

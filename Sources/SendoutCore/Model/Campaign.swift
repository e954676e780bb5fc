/// A campaign of any type with the template its vouchers are generated from.
public struct Campaign: Sendable, Equatable {
  /// `camp_…`.
  public var id: String
  /// Unique display name.
  public var name: String
  /// Free-text description.
  public var description: String
  /// What kind of campaign.
  public var campaignType: CampaignType
  /// `AUTO_UPDATE`, `STATIC` or `STANDALONE`.
  public var type: String
  /// The discount each code gives (discount coupons, referral codes).
  public var discount: Discount?
  /// Initial credit of each gift card, in cents.
  public var giftAmount: Int?
  /// Initial points of each loyalty card.
  public var loyaltyPoints: Int?
  /// How many times each code may be redeemed (`nil` = unlimited).
  public var redemptionQuantity: Int?
  /// How codes are generated.
  public var codeConfig: CodeConfig
  /// Whether customers join automatically.
  public var autoJoin = false
  /// Whether a customer may get only one code.
  public var joinOnce = false
  /// Whether the campaign is active.
  public var active = true
  /// Its category.
  public var category: Category
  /// Custom attributes.
  public var metadata: JSONObject
  /// When it starts.
  public var startDate: Timestamp
  /// When it ends.
  public var expirationDate: Timestamp
  /// When it was created.
  public var createdAt: Timestamp
  /// When it last changed.
  public var updatedAt: Timestamp?
  /// How many codes it holds.
  public var vouchersCount = 0
  /// Redemptions of its codes so far.
  public var redeemedQuantity = 0
  /// For referral programs: the referrer's reward, in gift credits (cents).
  public var referrerRewardCredits: Int?
  /// Whether it was deleted.
  public var deleted = false
  /// Settings the application sent that the world keeps and answers back as given, in place of the defaults
  /// (`validity_timeframe`, `validity_day_of_week`, `validity_hours`, `activity_duration_after_publishing`,
  /// `use_voucher_metadata_schema`, `loyalty_tiers_expiration`); docs/serve-fidelity.md says which are evaluated.
  public var settings: JSONObject = [:]
  /// Members the application sent for the voucher template's value object (a loyalty card's `expiration_rules`).
  public var valueSettings: JSONObject = [:]

  /// Creates a campaign.
  public init(
    id: String, name: String, description: String, campaignType: CampaignType, codeConfig: CodeConfig,
    category: Category, metadata: JSONObject, startDate: Timestamp, expirationDate: Timestamp, createdAt: Timestamp
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.campaignType = campaignType
    self.type = campaignType == .promotion ? "STATIC" : "AUTO_UPDATE"
    self.codeConfig = codeConfig
    self.category = category
    self.metadata = metadata
    self.startDate = startDate
    self.expirationDate = expirationDate
    self.createdAt = createdAt
  }

  /// Whether its codes are referral codes.
  public var isReferral: Bool { campaignType == .referralProgram }

  /// The `discount`, `gift` or `loyalty_card` member the campaign's voucher template carries.
  var valueMember: (String, JSON)? {
    switch campaignType {
    case .giftVouchers:
      let amount = giftAmount ?? 0
      return ("gift", ["amount": .int(amount), "balance": .int(amount), "effect": "APPLY_TO_ORDER"])
    case .loyaltyProgram:
      var card: JSONObject = ["points": .int(loyaltyPoints ?? 0)]
      for m in valueSettings.members { card[m.key] = m.value }
      return ("loyalty_card", .object(card))
    case .promotion: return nil
    default: return discount.map { ("discount", .object($0.json)) }
    }
  }
}

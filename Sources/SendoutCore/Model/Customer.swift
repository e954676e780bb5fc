/// A customer profile with the running summary Voucherify keeps (orders, redemptions, loyalty, referrals). A profile
/// field is `nil` (`null` in JSON) when whoever created the customer did not give it.
public struct Customer: Sendable, Equatable {
  /// `cust_…`.
  public var id: String
  /// The merchant's own id (`source_id`).
  public var sourceID: String?
  /// First and last name.
  public var name: String?
  /// Email address.
  public var email: String?
  /// Phone number.
  public var phone: String?
  /// Birth date, `YYYY-MM-DD`.
  public var birthdate: String?
  /// Free-text description.
  public var description: String?
  /// Postal address.
  public var address: Address?
  /// Custom attributes.
  public var metadata: JSONObject
  /// When the profile was created.
  public var createdAt: Timestamp
  /// When the profile last changed.
  public var updatedAt: Timestamp?
  /// Order totals, in cents.
  public var orders = OrderSummary()
  /// Redemption counters.
  public var redemptions = RedemptionSummary()
  /// Sum of the customer's loyalty card balances.
  public var loyaltyPoints = 0
  /// Sum of the customer's gift card balances, in cents (`summary.redemptions.gift.amount_to_go`).
  public var giftBalance = 0
  /// How many customers this one referred.
  public var referredCustomers = 0
  /// Referrals this customer received (as referee).
  public var referrals: [Referral] = []

  /// One referral the customer received.
  public struct Referral: Sendable, Equatable {
    /// The referral campaign.
    public var campaignID: String
    /// Who referred the customer.
    public var referrerID: String
    /// The redemption that converted it.
    public var redemptionID: String
    /// When.
    public var date: Timestamp
  }

  /// Running order totals (`summary.orders`).
  public struct OrderSummary: Sendable, Equatable {
    /// Number of orders.
    public var totalCount = 0
    /// Sum of order totals, in cents.
    public var totalAmount = 0
    /// Total of the last order, in cents.
    public var lastOrderAmount = 0
    /// When the last order was placed.
    public var lastOrderDate: Timestamp?
  }

  /// Running redemption counters (`summary.redemptions`).
  public struct RedemptionSummary: Sendable, Equatable {
    /// Successful redemptions.
    public var succeeded = 0
    /// Failed redemptions.
    public var failed = 0
    /// Rolled-back redemptions.
    public var rolledBack = 0
    /// Failed rollbacks.
    public var rollbackFailed = 0
    /// Gift credits spent, in cents.
    public var giftRedeemedAmount = 0
    /// Loyalty points spent.
    public var loyaltyRedeemedPoints = 0
  }

  /// Creates a customer.
  public init(
    id: String, sourceID: String?, name: String?, email: String?, phone: String?, birthdate: String?,
    description: String?, address: Address?, metadata: JSONObject, createdAt: Timestamp
  ) {
    self.id = id
    self.sourceID = sourceID
    self.name = name
    self.email = email
    self.phone = phone
    self.birthdate = birthdate
    self.description = description
    self.address = address
    self.metadata = metadata
    self.createdAt = createdAt
  }
}

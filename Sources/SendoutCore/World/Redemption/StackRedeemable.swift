/// One redeemable of a stacked validation or redemption (`POST /v1/validations`, `POST /v1/redemptions`), as the
/// client named it.
public struct StackRedeemable: Sendable, Equatable {
  /// What the redeemable names.
  public enum Kind: String, Sendable {
    /// A code: discount coupon, gift card, loyalty card or referral code.
    case voucher
    /// A promotion tier (`promo_…`).
    case promotionTier = "promotion_tier"
  }

  /// Voucher or promotion tier.
  public var kind: Kind
  /// The code (or `v_…` id) of a voucher, the `promo_…` id of a tier, as sent.
  public var id: String
  /// `gift.credits`: the gift card credits to spend, in cents; `nil`: as many as the order needs.
  public var giftCredits: Int?
  /// Whether a loyalty card came with a `reward` (paying with points).
  public var hasReward: Bool

  /// Creates a redeemable.
  public init(kind: Kind, id: String, giftCredits: Int? = nil, hasReward: Bool = false) {
    self.kind = kind
    self.id = id
    self.giftCredits = giftCredits
    self.hasReward = hasReward
  }
}

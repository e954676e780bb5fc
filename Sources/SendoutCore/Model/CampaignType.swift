/// The five kinds of Voucherify campaign (`campaign_type`).
public enum CampaignType: String, Sendable, CaseIterable, Hashable {
  /// Discount coupons.
  case discountCoupons = "DISCOUNT_COUPONS"
  /// Gift cards with a credit balance.
  case giftVouchers = "GIFT_VOUCHERS"
  /// Loyalty cards with points.
  case loyaltyProgram = "LOYALTY_PROGRAM"
  /// Referral codes.
  case referralProgram = "REFERRAL_PROGRAM"
  /// Cart-level promotions (tiers, no codes).
  case promotion = "PROMOTION"

  /// The `voucher.type` of the campaign's codes (`DISCOUNT_VOUCHER`, `GIFT_VOUCHER`, `LOYALTY_CARD`).
  public var voucherType: String {
    switch self {
    case .giftVouchers: "GIFT_VOUCHER"
    case .loyaltyProgram: "LOYALTY_CARD"
    default: "DISCOUNT_VOUCHER"
    }
  }
}

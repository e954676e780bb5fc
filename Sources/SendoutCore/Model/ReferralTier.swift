/// A referrer reward tier of a referral program (`reftr_…`).
public struct ReferralTier: Sendable, Equatable {
  /// `reftr_…`.
  public var id: String
  /// The referral campaign.
  public var campaignID: String
  /// Display text.
  public var banner: String
  /// Gift credits the referrer earns per referral, in cents.
  public var credits: Int

  /// Creates a tier.
  public init(id: String, campaignID: String, banner: String, credits: Int) {
    self.id = id
    self.campaignID = campaignID
    self.banner = banner
    self.credits = credits
  }

  /// `SimpleReferralTier`.
  public var json: JSONObject {
    [
      "id": .string(id), "campaign_id": .string(campaignID), "banner": .string(banner),
      "parameters": ["referral_count": 1, "rewards": [["type": "GIFT_VOUCHER", "amount": .int(credits)]]],
    ]
  }
}

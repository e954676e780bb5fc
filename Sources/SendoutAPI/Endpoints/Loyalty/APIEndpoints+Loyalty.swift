import SendoutCore

extension APIEndpoints {
  /// The loyalty program whose id or name is `key`, or Voucherify's 404 (a campaign of another type included).
  static func loyaltyProgram(_ key: String, in world: World) throws(VoucherifyError) -> Campaign {
    let campaign = try campaign(key, in: world)
    guard campaign.campaignType == .loyaltyProgram else { throw VoucherifyError.notFound("loyalty_program", id: key) }
    return campaign
  }

  /// The tier `loyaltyTierId` of the loyalty program `campaignId` names, or Voucherify's 404 (the program's first).
  static func loyaltyTier(_ request: APIRequest, in world: World) throws(VoucherifyError) -> LoyaltyTier {
    let program = try loyaltyProgram(request.parameter("campaignId"), in: world)
    let id = request.parameter("loyaltyTierId")
    guard let tier = world.loyaltyTiers[id: id], tier.campaignID == program.id else {
      throw VoucherifyError.notFound("loyalty_tier", id: id)
    }
    return tier
  }
}

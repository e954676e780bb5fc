extension World {
  /// Redemption `id` as the REST API answers a member's reward redemption (`MembersRedemption`): the redemption with
  /// `reward` after its order.
  public func redemptionJSON(_ id: String, reward: JSONObject) throws(VoucherifyError) -> JSONObject {
    try internalRedemptionJSON(try redemption(id), reward: reward)
  }
}

extension World {
  /// Redemption `id` as the REST API answers a member's reward redemption (`MembersRedemption`): the redemption with
  /// `reward` after its order, and the REST members `restRedemptionJSON` adds.
  public func redemptionJSON(_ id: String, reward: JSONObject) throws(VoucherifyError) -> JSONObject {
    let r = try redemption(id)
    return restRedemptionJSON(r, try internalRedemptionJSON(r, reward: reward))
  }
}

extension World {
  /// Deletes a promotion stack: its tiers stay, no longer grouped. Voucherify lists no `campaign.promotion_stack`
  /// deletion among its webhook events (only `.created` and `.updated`), so none is emitted.
  public mutating func deletePromotionStack(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<PromotionStack>
  {
    let i = try position(in: promotionStacks, id, "promotion stack")
    begin(channel)
    return finish(promotionStacks.remove(at: i))
  }
}

/// Campaign operations of the REST API beyond the scenario steps: a deletion that takes the campaign's codes
/// with it.
extension World {
  /// Deletes a campaign (`campaign.deleted`) and its codes with it, without an event per code; `force` also frees
  /// the codes for new vouchers, as a permanent deletion does.
  public mutating func deleteCampaign(_ id: String, force: Bool, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    let deleted = try deleteCampaign(id, channel: channel)
    for voucherID in voucherIDs(inCampaign: id) {
      guard let i = vouchers.position(of: voucherID), !vouchers[i].deleted else { continue }
      vouchers[i].deleted = true
      vouchers[i].updatedAt = now
      if force { freeCode(ofVoucher: voucherID) }
    }
    return deleted
  }
}

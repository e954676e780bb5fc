extension World {
  /// Adds one code to a campaign; emits `voucher.created`.
  public mutating func createVoucher(campaignID: String, channel: EventChannel = .api) throws(VoucherifyError)
    -> Emitted<Voucher>
  {
    _ = try position(in: campaigns, campaignID, "campaign")
    begin(channel)
    let v = try generateVoucher(campaignID: campaignID)
    try emitVoucher("voucher.created", v.id)
    return finish(v)
  }

  /// Changes a voucher's metadata; emits `voucher.updated`.
  public mutating func updateVoucher(_ id: String, metadata: JSONObject, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Voucher>
  {
    let i = try position(in: vouchers, id, "voucher")
    begin(channel)
    for m in metadata.members { vouchers[i].metadata[m.key] = m.value }
    vouchers[i].updatedAt = now
    try emitVoucher("voucher.updated", id)
    return finish(vouchers[i])
  }

  /// Enables or disables a voucher; emits `voucher.enabled` / `voucher.disabled`.
  public mutating func setVoucherActive(_ id: String, _ active: Bool, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<Voucher>
  {
    let i = try position(in: vouchers, id, "voucher")
    begin(channel)
    vouchers[i].active = active
    vouchers[i].updatedAt = now
    try emitVoucher(active ? "voucher.enabled" : "voucher.disabled", id)
    return finish(vouchers[i])
  }

  /// Deletes a voucher; emits `voucher.deleted`.
  public mutating func deleteVoucher(_ id: String, channel: EventChannel = .userPortal) throws(VoucherifyError)
    -> Emitted<Voucher>
  {
    let i = try position(in: vouchers, id, "voucher")
    begin(channel)
    vouchers[i].deleted = true
    vouchers[i].updatedAt = now
    try emitVoucher("voucher.deleted", id)
    return finish(vouchers[i])
  }

  /// Emits a voucher lifecycle event: the full voucher and its campaign.
  private mutating func emitVoucher(_ type: String, _ id: String) throws(VoucherifyError) {
    let v = try self.voucher(id)
    emit(
      type, entity: id,
      ["voucher": .object(v.fullJSON), "campaign": .object(try self.campaign(v.campaignID).simpleJSON)])
  }
}

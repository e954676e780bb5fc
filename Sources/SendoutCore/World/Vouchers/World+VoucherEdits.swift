/// The voucher operations of the REST API that scenario steps do not need: a code of your own, a profile
/// update, and a permanent deletion that frees the code.
extension World {
  /// Adds a code to a campaign, `code` or one drawn from the campaign's pattern, with `changes` applied; emits
  /// `voucher.created`. A code in use (or in the bin) is invalid.
  public mutating func createVoucher(
    campaignID: String, code: String?, _ changes: VoucherChanges, channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<Voucher> {
    let ci = try position(in: campaigns, campaignID, "campaign")
    guard campaigns[ci].campaignType != .promotion else {
      throw .invalidPayload("promotion campaign '\(campaigns[ci].name)' has no codes")
    }
    if let code, codeExists(code) { throw .duplicateFound("voucher", code, "code '\(code)' already exists") }
    try checkCategory(changes)
    begin(channel)
    var v: Voucher
    if let code {
      tick()
      v = Voucher(
        id: make(.voucher), code: code, campaign: campaigns[ci], createdAt: now, assets: (make(.asset), make(.asset)))
      addVoucher(v)
      campaigns[ci].vouchersCount += 1
    } else {
      v = try generateVoucher(campaignID: campaignID)
    }
    let vi = try position(in: vouchers, v.id, "voucher")
    changes.apply(to: &vouchers[vi])
    applyCategory(changes, toVoucherAt: vi)
    v = vouchers[vi]
    emitVoucherChange("voucher.created", v)
    return finish(v)
  }

  /// Changes a voucher (active, validity dates, redemption quantity, metadata, additional info, discount,
  /// category); emits `voucher.updated`.
  public mutating func editVoucher(_ id: String, _ changes: VoucherChanges, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Voucher>
  {
    let i = try position(in: vouchers, id, "voucher")
    try checkCategory(changes)
    begin(channel)
    changes.apply(to: &vouchers[i])
    applyCategory(changes, toVoucherAt: i)
    vouchers[i].updatedAt = now
    emitVoucherChange("voucher.updated", vouchers[i])
    return finish(vouchers[i])
  }

  /// Deletes a voucher (`voucher.deleted`); `force` also frees its code for a new voucher, as a permanent
  /// deletion does (without it the voucher goes to the bin and keeps its code until its entry is deleted).
  public mutating func deleteVoucher(_ id: String, force: Bool, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Voucher>
  {
    var deleted = try deleteVoucher(id, channel: channel)
    if force {
      freeCode(ofVoucher: id)
    } else {
      moveToBin("voucher", id: id, name: deleted.value.code, parentID: deleted.value.campaignID, channel: channel)
    }
    deleted.value = try voucher(id)
    return deleted
  }

  /// A category id `changes` names that does not exist is a 404 (checked before anything changes).
  private func checkCategory(_ changes: VoucherChanges) throws(VoucherifyError) {
    if let id = changes.categoryID, categories[id: id] == nil { throw .notFound("category", id: id) }
  }

  /// Gives voucher `i` the category `changes` names by id, or by name (a new one of that name when none has it).
  private mutating func applyCategory(_ changes: VoucherChanges, toVoucherAt i: Int) {
    if let id = changes.categoryID, let c = categories[id: id] {
      vouchers[i].category = c
    } else if let name = changes.categoryName {
      vouchers[i].category = category(named: name)
    }
  }

  /// Emits a voucher lifecycle event: the full voucher and its campaign.
  private mutating func emitVoucherChange(_ type: String, _ v: Voucher) {
    var data: JSONObject = ["voucher": .object(v.fullJSON)]
    if let c = campaigns[id: v.campaignID] { data["campaign"] = .object(c.simpleJSON) }
    emit(type, entity: v.id, data)
  }
}

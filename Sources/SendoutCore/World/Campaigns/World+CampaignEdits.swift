/// Campaign operations of the REST API beyond the scenario steps: a deletion that takes the campaign's codes
/// with it.
extension World {
  /// Deletes a campaign (`campaign.deleted`) and its codes with it, without an event per code; `force` also frees
  /// the codes for new vouchers, as a permanent deletion does (without it the campaign goes to the bin, one entry
  /// with its codes).
  public mutating func deleteCampaign(_ id: String, force: Bool, channel: EventChannel = .api)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    let deleted = try deleteCampaign(id, channel: channel)
    if !force { moveToBin("campaign", id: id, name: deleted.value.name, parentID: nil, channel: channel) }
    for voucherID in voucherIDs(inCampaign: id) {
      guard let i = vouchers.position(of: voucherID), !vouchers[i].deleted else { continue }
      vouchers[i].deleted = true
      vouchers[i].updatedAt = now
      if force { freeCode(ofVoucher: voucherID) }
    }
    return deleted
  }

  /// Applies `edit` to a campaign (a category it names must exist, checked before anything changes); emits
  /// `campaign.updated`.
  public mutating func updateCampaign(_ id: String, _ edit: CampaignEdit, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    let i = try position(in: campaigns, id, "campaign")
    let byID = try ifPresent(edit.options.categoryID) { (cid) throws(VoucherifyError) -> Category in
      guard let c = categories[id: cid] else { throw VoucherifyError.notFound("category", id: cid) }
      return c
    }
    begin(channel)
    var c = campaigns[i]
    if let description = edit.description { c.description = description }
    for m in edit.metadata.members { c.metadata[m.key] = m.value }
    for key in edit.unsetMetadata { c.metadata[key] = nil }
    if let start = edit.startDate { c.startDate = start }
    if let end = edit.expirationDate { c.expirationDate = end }
    if let generation = edit.options.generation { c.type = generation }
    if let autoJoin = edit.options.autoJoin { c.autoJoin = autoJoin }
    if let joinOnce = edit.options.joinOnce { c.joinOnce = joinOnce }
    if let byID {
      c.category = byID
    } else if let name = edit.options.categoryName {
      c.category = category(named: name)
    }
    for m in edit.options.settings.members { c.settings[m.key] = m.value }
    c.updatedAt = now
    campaigns[i] = c
    emit("campaign.updated", entity: id, ["campaign": .object(c.fullJSON)])
    return finish(c)
  }

  /// The category named `name`, added when the world has none of that name (Voucherify creates a campaign's category
  /// from its name).
  mutating func category(named name: String) -> Category {
    categories.first { $0.name == name } ?? addCategory(name: name)
  }
}

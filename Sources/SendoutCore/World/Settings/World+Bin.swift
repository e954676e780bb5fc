extension World {
  /// Puts a deleted resource in the bin (a delete without `force`), named by the channel's user when a dashboard
  /// user deleted it.
  mutating func moveToBin(_ type: String, id: String, name: String, parentID: String?, channel: EventChannel) {
    binEntries.append(
      BinEntry(
        id: make(.binEntry), createdAt: now, deletedByUserID: channel == .userPortal ? userID : nil, resourceID: id,
        resourceType: type, resourceName: name, resourceParentID: parentID))
  }

  /// Deletes bin entry `id` for good (no event): a voucher's code, or a campaign's codes, are free for new vouchers,
  /// and a product's (with its SKUs') or a SKU's source id for new ones, as a delete with `force` leaves them.
  public mutating func deleteBinEntry(_ id: String) throws(VoucherifyError) {
    let i = try position(in: binEntries, id, "bin_entry")
    let entry = binEntries.remove(at: i)
    tick()
    switch entry.resourceType {
    case "voucher": freeCode(ofVoucher: entry.resourceID)
    case "campaign": for voucherID in voucherIDs(inCampaign: entry.resourceID) { freeCode(ofVoucher: voucherID) }
    case "product":
      if let p = binnedProducts.position(of: entry.resourceID) { _ = binnedProducts.remove(at: p) }
      while let s = binnedSKUs.firstIndex(where: { $0.productID == entry.resourceID }) { _ = binnedSKUs.remove(at: s) }
    case "sku": if let s = binnedSKUs.position(of: entry.resourceID) { _ = binnedSKUs.remove(at: s) }
    default: break
    }
  }
}

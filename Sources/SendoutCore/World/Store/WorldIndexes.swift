/// Lookups the world keeps beside its tables so that operations cost the same in a world of 100 vouchers
/// and of a million: vouchers by code, a campaign's codes in creation order with a cursor at the first one
/// that may still be free, and each customer's codes per campaign.
struct WorldIndexes: Sendable {
  /// Voucher id by code (codes are unique across the project).
  var voucherIDByCode: [String: String] = [:]
  /// Customer id by `source_id` (the API's upsert key).
  var customerIDBySourceID: [String: String] = [:]
  /// A campaign's voucher ids in creation order.
  var campaignVoucherIDs: [String: [String]] = [:]
  /// Per campaign, the first slot in `campaignVoucherIDs` that may hold a free code: every code before it
  /// is held or deleted. Moves back when a holder is removed.
  var firstFreeSlot: [String: Int] = [:]
  /// A voucher's slot in its campaign's list.
  var slotOfVoucher: [String: Int] = [:]
  /// The voucher ids a customer has held in a campaign (key: campaign id, a space, customer id).
  var voucherIDsByHolder: [String: [String]] = [:]

  /// The key of `voucherIDsByHolder`.
  static func holderKey(campaignID: String, customerID: String) -> String { campaignID + " " + customerID }
}

extension World {
  /// Appends a new voucher and indexes its code and campaign slot.
  mutating func addVoucher(_ v: Voucher) {
    vouchers.append(v)
    indexes.voucherIDByCode[v.code] = v.id
    indexes.slotOfVoucher[v.id] = indexes.campaignVoucherIDs[v.campaignID, default: []].count
    indexes.campaignVoucherIDs[v.campaignID, default: []].append(v.id)
  }

  /// Whether a voucher with `code` exists.
  func codeExists(_ code: String) -> Bool { indexes.voucherIDByCode[code] != nil }

  /// Sets or clears the holder of the voucher at `position`, keeping the holder and free-code indexes.
  mutating func setHolder(ofVoucherAt position: Int, to customerID: String?) {
    let v = vouchers[position]
    vouchers[position].holderID = customerID
    if let customerID {
      indexes.voucherIDsByHolder[WorldIndexes.holderKey(campaignID: v.campaignID, customerID: customerID), default: []]
        .append(v.id)
    } else if let slot = indexes.slotOfVoucher[v.id] {
      indexes.firstFreeSlot[v.campaignID] = min(indexes.firstFreeSlot[v.campaignID] ?? 0, slot)
    }
  }

  /// The first code of `campaignID`, in creation order, that is unpublished, active and not deleted.
  mutating func firstFreeVoucherID(in campaignID: String) -> String? {
    let ids = indexes.campaignVoucherIDs[campaignID] ?? []
    var slot = indexes.firstFreeSlot[campaignID] ?? 0
    var settled = true  // every code before `slot` is held or deleted
    var found: String?
    while slot < ids.count {
      guard let v = vouchers[id: ids[slot]] else { break }
      if v.holderID == nil && !v.deleted {
        if v.active {
          found = v.id
          break
        }
        settled = false  // a disabled code may be enabled again: keep the cursor before it
      }
      if settled { indexes.firstFreeSlot[campaignID] = slot + 1 }
      slot += 1
    }
    return found
  }

  /// The vouchers of `campaignID` that `customerID` holds now, in creation order.
  func vouchers(heldBy customerID: String, in campaignID: String) -> [Voucher] {
    let ids = indexes.voucherIDsByHolder[WorldIndexes.holderKey(campaignID: campaignID, customerID: customerID)] ?? []
    return ids.compactMap { vouchers[id: $0] }.filter { $0.holderID == customerID }
      .sorted { (vouchers.position(of: $0.id) ?? 0) < (vouchers.position(of: $1.id) ?? 0) }
  }
}

/// Lookups the world keeps beside its tables so that operations cost the same in a world of 100 vouchers
/// and of a million: vouchers by code, customers by source id, and a cursor at the first code of each campaign
/// that may still be free. (Relations such as a customer's codes live in the tables: `World+Relations`.)
struct WorldIndexes: Sendable {
  /// Voucher id by code (codes are unique across the project).
  var voucherIDByCode: [String: String] = [:]
  /// Customer id by `source_id` (the API's upsert key).
  var customerIDBySourceID: [String: String] = [:]
  /// Per campaign, the first slot in its codes (`World.voucherIDs(inCampaign:)`) that may hold a free code: every
  /// code before it is held or deleted. Moves back when a holder is removed.
  var firstFreeSlot: [String: Int] = [:]
  /// A voucher's slot in its campaign's codes.
  var slotOfVoucher: [String: Int] = [:]
}

extension World {
  /// Appends a new voucher and indexes its code and campaign slot.
  mutating func addVoucher(_ v: Voucher) {
    indexes.voucherIDByCode[v.code] = v.id
    indexes.slotOfVoucher[v.id] = vouchers.count(.campaign, v.campaignID)
    vouchers.append(v)
  }

  /// Frees voucher `id`'s code for a new voucher (a permanent deletion), unless another voucher holds it now.
  mutating func freeCode(ofVoucher id: String) {
    guard let v = vouchers[id: id], indexes.voucherIDByCode[v.code] == id else { return }
    indexes.voucherIDByCode[v.code] = nil
  }

  /// Appends a new customer and indexes its `source_id`.
  mutating func addCustomer(_ c: Customer) {
    customers.append(c)
    if let key = c.sourceID { indexes.customerIDBySourceID[key] = c.id }
  }

  /// Removes the customer at `position` and its `source_id` from the index (unless another customer holds it).
  mutating func removeCustomer(at position: Int) -> Customer {
    let removed = customers.remove(at: position)
    if let key = removed.sourceID, indexes.customerIDBySourceID[key] == removed.id {
      indexes.customerIDBySourceID[key] = nil
    }
    return removed
  }

  /// Whether a voucher with `code` exists.
  func codeExists(_ code: String) -> Bool { indexes.voucherIDByCode[code] != nil }

  /// Sets or clears the holder of the voucher at `position`, moving the free-code cursor back when a code is freed
  /// (the table keeps the holder relation itself).
  mutating func setHolder(ofVoucherAt position: Int, to customerID: String?) {
    let v = vouchers[position]
    if v.campaignType == .giftVouchers, v.holderID != customerID {
      if let old = v.holderID, let ci = customers.position(of: old) {
        customers[ci].giftBalance.subtractSaturating(v.giftBalance)
      }
      if let new = customerID, let ci = customers.position(of: new) {
        customers[ci].giftBalance.addSaturating(v.giftBalance)
      }
    }
    vouchers[position].holderID = customerID
    if customerID == nil, let slot = indexes.slotOfVoucher[v.id] {
      indexes.firstFreeSlot[v.campaignID] = min(indexes.firstFreeSlot[v.campaignID] ?? 0, slot)
    }
  }

  /// Sets the balance of the gift card at `position`, and its holder's sum of gift card balances with it.
  mutating func setGiftBalance(ofVoucherAt position: Int, to balance: Int) {
    if let holder = vouchers[position].holderID, let ci = customers.position(of: holder) {
      customers[ci].giftBalance.addSaturating(balance.subtractingSaturated(vouchers[position].giftBalance))
    }
    vouchers[position].giftBalance = balance
  }

  /// The first code of `campaignID`, in creation order, that is unpublished, active and not deleted.
  mutating func firstFreeVoucherID(in campaignID: String) -> String? {
    let ids = voucherIDs(inCampaign: campaignID)
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
}

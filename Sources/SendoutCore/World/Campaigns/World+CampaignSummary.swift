extension World {
  /// Counts one validated redeemable of `campaignID` today, as `APPLICABLE` (`succeeded`) or `INAPPLICABLE`.
  public mutating func countValidation(campaignID: String, succeeded: Bool) {
    let day = String(now.iso8601.prefix(10))
    if succeeded {
      validationTallies[campaignID, default: [:]][day, default: ValidationTally()].succeeded += 1
    } else {
      validationTallies[campaignID, default: [:]][day, default: ValidationTally()].failed += 1
    }
  }

  /// The campaign's `campaign_summary` (`GET /v1/campaigns/{campaignId}/summary`) over the days `from` to `to`
  /// (`YYYY-MM-DD`, both included; open when `nil`), counted from what the world recorded: redemptions and rollbacks
  /// of its codes or promotion tiers (their discounts and order amounts), validations, codes created and deleted,
  /// publications, and by type the gift credits, loyalty points and pending points moved, or referred customers.
  public func campaignSummary(_ campaignID: String, from: String?, to: String?) throws(VoucherifyError) -> JSONObject {
    let campaign = try self.campaign(campaignID)
    let within = { (t: Timestamp) -> Bool in
      let day = String(t.iso8601.prefix(10))
      return (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }
    let codes = voucherIDs(inCampaign: campaignID).compactMap { vouchers[id: $0] }
    let tierIDs = Set(promotionTiers.filter { $0.campaignID == campaignID }.map(\.id))
    let own =
      codes.flatMap { redemptions(ofVoucher: $0.id) }
      + (tierIDs.isEmpty  // a promotion's tiers: read through all redemptions (a summary is a rare read)
        ? [] : redemptions.filter { $0.voucherID == nil && $0.promotionTierID.map(tierIDs.contains) == true })
    let made = own.filter { $0.kind == .redemption && within($0.date) }
    let undone = own.filter { $0.kind == .rollback && within($0.date) }
    let succeeded = made.filter(\.succeeded)
    let rolledBack = undone.filter(\.succeeded).compactMap { $0.parentID.flatMap { redemptions[id: $0] } }
    let orderAmount = { (r: Redemption) -> Int in r.orderID.flatMap { orders[id: $0]?.amount } ?? 0 }
    let tally = (validationTallies[campaignID] ?? [:]).filter { day, _ in
      (from.map { day >= $0 } ?? true) && (to.map { day <= $0 } ?? true)
    }.values
    var o: JSONObject = [
      "object": "campaign_summary", "campaign": .object(campaign.restJSON), "redemptions": .int(made.count),
      "redemptions_succeeded": .int(succeeded.count), "redemptions_failed": .int(made.count - succeeded.count),
      "rollbacks": .int(undone.count), "rollbacks_succeeded": .int(rolledBack.count),
      "rollbacks_failed": .int(undone.count - undone.filter(\.succeeded).count),
      "validations": .int(tally.reduce(0) { $0 + $1.succeeded + $1.failed }),
      "validations_succeeded": .int(tally.reduce(0) { $0 + $1.succeeded }),
      "validations_failed": .int(tally.reduce(0) { $0 + $1.failed }),
      "orders_amount": .int(succeeded.map(orderAmount).saturatedSum),
      "orders_rolledback_amount": .int(rolledBack.map(orderAmount).saturatedSum),
    ]
    var more: [JSONObject] = campaign.campaignType == .promotion ? [] : [codeCounts(codes, campaignID, within)]
    switch campaign.campaignType {
    case .giftVouchers: more.append(giftCounts(codes, campaignID, within))
    case .loyaltyProgram: more.append(loyaltyCounts(codes, campaignID, within))
    case .referralProgram:
      let referred = holders.filter { $0.campaignID == campaignID && $0.role == "REFEREE" && within($0.createdAt) }
      o["referred_customers"] = .int(Set(referred.map(\.customerID)).count)
    default:
      o["discounted_amount"] = .int(succeeded.map(\.discount).saturatedSum)
      o["rolledback_discounted_amount"] = .int(rolledBack.map(\.discount).saturatedSum)
    }
    for member in more.flatMap(\.members) { o[member.key] = member.value }
    return o
  }

  /// Codes created and deleted (a deleted code's last change is its deletion), and publications of them.
  private func codeCounts(_ codes: [Voucher], _ campaignID: String, _ within: (Timestamp) -> Bool) -> JSONObject {
    let published = publications.filter { p in
      within(p.createdAt) && p.voucherIDs.contains { vouchers[id: $0]?.campaignID == campaignID }
    }
    return [
      "vouchers_created": .int(codes.filter { within($0.createdAt) }.count),
      "vouchers_deleted": .int(codes.filter { $0.deleted && within($0.updatedAt ?? $0.createdAt) }.count),
      "publications": .int(published.count), "publications_succeeded": .int(published.count),
      "publications_failed": 0,
    ]
  }

  /// The sum of `key` (`details.balance.points` or `.amount`) over the campaign's transactions of `types`.
  private func moved(_ campaignID: String, _ types: Set<String>, _ key: String, _ within: (Timestamp) -> Bool) -> Int {
    transactions(ofCampaign: campaignID).filter { types.contains($0.type) && within($0.createdAt) }
      .map { $0.details["balance"]?[key]?.intValue ?? 0 }.saturatedSum
  }

  /// A gift card campaign's credits: those its cards were created with (the amount now less what was added since),
  /// added, subtracted, deleted with a card, redeemed and rolled back.
  private func giftCounts(_ codes: [Voucher], _ campaignID: String, _ within: (Timestamp) -> Bool) -> JSONObject {
    let changes = transactions(ofCampaign: campaignID).filter { $0.type == "CREDITS_ADDITION" }
    let amount = { (t: VoucherTransaction) in t.details["balance"]?["amount"]?.intValue ?? 0 }
    let initial = { (v: Voucher) in
      v.giftAmount.subtractingSaturated(changes.filter { $0.voucherID == v.id }.map(amount).saturatedSum)
    }
    let timed = changes.filter { within($0.createdAt) }.map(amount)
    return [
      "created_vouchers_amount": .int(codes.filter { within($0.createdAt) }.map(initial).saturatedSum),
      "amount_added": .int(timed.filter { $0 > 0 }.saturatedSum),
      "amount_deleted": .int(
        codes.filter { $0.deleted && within($0.updatedAt ?? $0.createdAt) }.map(\.giftBalance)
          .saturatedSum),
      "amount_redeemed": .int(-moved(campaignID, ["CREDITS_REDEMPTION"], "amount", within)),
      "amount_rolledback": .int(moved(campaignID, ["CREDITS_REFUND"], "amount", within)),
      "amount_subtracted": .int(-timed.filter { $0 < 0 }.saturatedSum),
    ]
  }
}

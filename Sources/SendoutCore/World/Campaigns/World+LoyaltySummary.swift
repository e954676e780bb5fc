extension World {
  /// A loyalty program's points in its `campaign_summary`, from its cards' transactions (`details.balance.points`
  /// is each change) and pending points: those its cards were created with (the points now less every addition
  /// since), added and subtracted by hand, earned by rules, paid for rewards and refunded, expired, transferred, and
  /// pending points by what became of them (a pending entry counts at its points now, adjustments included).
  func loyaltyCounts(_ codes: [Voucher], _ campaignID: String, _ within: @escaping (Timestamp) -> Bool) -> JSONObject {
    let all = transactions(ofCampaign: campaignID)
    let points = { (t: VoucherTransaction) in t.details["balance"]?["points"]?.intValue ?? 0 }
    let initial = { (v: Voucher) in
      v.loyaltyPoints.subtractingSaturated(
        all.filter { $0.voucherID == v.id }.map(points).filter { $0 > 0 }.saturatedSum)
    }
    let sum = { (types: Set<String>) in
      all.filter { types.contains($0.type) && within($0.createdAt) }.map { abs(points($0)) }.saturatedSum
    }
    let pending = pendingPoints.filter { $0.campaignID == campaignID && within($0.createdAt) }
    let pendingSum = { (state: String?) in
      pending.filter { state == nil || $0.state == state }.map(\.points).saturatedSum
    }
    return [
      "created_vouchers_points": .int(codes.filter { within($0.createdAt) }.map(initial).saturatedSum),
      "points_deleted": .int(
        codes.filter { $0.deleted && within($0.updatedAt ?? $0.createdAt) }.map(\.loyaltyBalance)
          .saturatedSum),
      "points_subtracted": .int(sum(["POINTS_REMOVAL"])), "points_added": .int(sum(["POINTS_ADDITION"])),
      "points_rewarded": .int(sum(["POINTS_ACCRUAL", "PENDING_POINTS_ACTIVATION"])),
      "points_redeemed": .int(sum(["POINTS_REDEMPTION"])), "points_rolledback": .int(sum(["POINTS_REFUND"])),
      "points_expired": .int(sum(["POINTS_EXPIRATION"])), "points_transferred_out": .int(sum(["POINTS_TRANSFER_OUT"])),
      "points_transferred_in": .int(sum(["POINTS_TRANSFER_IN"])), "pending_points_added": .int(pendingSum(nil)),
      "pending_points_subtracted": 0, "pending_points_activated": .int(pendingSum("ACTIVATED")),
      "pending_points_canceled": .int(pendingSum("CANCELED")),
    ]
  }
}

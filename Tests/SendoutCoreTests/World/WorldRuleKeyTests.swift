import Testing

@testable import SendoutCore

/// The rules the world itself checks throw Voucherify's key and status (issue 18, item 3), where they were a
/// generic 400 `invalid_payload`; the scenario runner's line for the user stays "Operation not possible: …".
@Suite struct WorldRuleKeyTests {
  typealias Operation = @Sendable (inout World) throws(VoucherifyError) -> Void

  /// `value`, or an error no rule throws (the row then fails on its key).
  static func given<T>(_ value: T?) throws(VoucherifyError) -> T {
    guard let value else { throw VoucherifyError(status: 0, key: "fixture_missing", message: "no such fixture") }
    return value
  }

  static let rules: [(String, Int, Operation)] = [
    (
      "promotion_inactive", 400,
      { w throws(VoucherifyError) in
        let tier = w.promotionTiers[0].id
        _ = try w.setPromotionTierActive(tier, false)
        _ = try w.redeemPromotion(tierID: tier, customerID: w.customers[0].id)
      }
    ),
    (
      "duplicate_found", 409,
      { w throws(VoucherifyError) in
        let coupon = try given(w.vouchers.first { $0.campaignType == .discountCoupons })
        _ = try w.createVoucher(campaignID: coupon.campaignID, code: coupon.code, VoucherChanges())
      }
    ),
    (
      "missing_reward", 400,
      { w throws(VoucherifyError) in
        let card = try given(w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID != nil })
        _ = try w.redeem(voucherID: card.id, customerID: card.holderID ?? "")
      }
    ),
    (
      "loyalty_card_points_exceeded", 400,
      { w throws(VoucherifyError) in
        let card = try given(w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID != nil })
        let assignment = try given(w.rewardAssignments.first { $0.campaignID == card.campaignID })
        _ = try w.redeemReward(voucherID: card.id, assignmentID: assignment.id)
      }
    ),
    ("not_found", 404, { w throws(VoucherifyError) in _ = try w.voucher("v_nope") }),
  ]

  @Test(arguments: rules.indices)
  func eachRuleThrowsItsKey(_ index: Int) throws {
    let (key, status, operation) = Self.rules[index]
    var w = try World.sample(seed: 3, start: SingleEventRequest.defaultStart)
    let loyalty = try #require(w.firstCampaign(.loyaltyProgram)).id
    _ = try w.publish(campaignID: loyalty, customerID: w.customers[0].id)
    do throws(VoucherifyError) {
      try operation(&w)
      Issue.record("\(key): the operation ran")
    } catch {
      #expect(error.key == key && error.status == status, "\(error)")
      #expect(error.line.hasPrefix(key == "not_found" ? "No voucher with id" : "Operation not possible: "))
    }
  }
}

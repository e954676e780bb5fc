import Testing

@testable import SendoutCore

@Suite struct WorldStateTests {
  static let start = SingleEventRequest.defaultStart

  func world() throws(VoucherifyError) -> World { try World.sample(seed: 11, start: Self.start) }

  @Test func publishThenRedeemThenRollback() throws {
    var w = try world()
    let customer = w.customers[0].id
    let campaign = w.firstCampaign(.discountCoupons)!.id
    let pub = try w.publish(campaignID: campaign, customerID: customer)
    #expect(pub.events.map(\.type) == ["voucher.published", "publication.succeeded", "customer.publication.succeeded"])
    let voucherID = pub.value.voucherIDs[0]
    #expect(try w.voucher(voucherID).holderID == customer)
    let r = try w.redeem(voucherID: voucherID, customerID: customer)
    #expect(r.value.succeeded)
    #expect(r.events.first?.type == "redemption.succeeded")
    #expect(r.events.first!.createdAt > pub.events.last!.createdAt)
    #expect(try w.voucher(voucherID).redeemedQuantity == 1)
    #expect(r.last("redemption.succeeded")?.fullData["voucher"]?["redemption"]?["redeemed_quantity"] == 1)
    let rb = try w.rollback(redemptionID: r.value.id)
    #expect(rb.value.succeeded && rb.value.id.hasPrefix("rr_"))
    #expect(try w.voucher(voucherID).redeemedQuantity == 0)
    #expect(try w.redemption(r.value.id).status == "ROLLED BACK")
    let again = try w.rollback(redemptionID: r.value.id)
    #expect(again.events.map(\.type) == ["redemption.rollback.failed"])
    #expect(again.value.id.hasPrefix("rrf_"))
  }

  @Test func exhaustedVoucherFails() throws {
    var w = try world()
    let customer = w.customers[1].id
    let v = try w.publish(campaignID: w.firstCampaign(.discountCoupons)!.id, customerID: customer).value.voucherIDs[0]
    _ = try w.redeem(voucherID: v, customerID: customer)
    let failed = try w.redeem(voucherID: v, customerID: customer)
    #expect(failed.events.map(\.type) == ["redemption.failed"])
    #expect(failed.value.failureCode == "quantity_exceeded" && failed.value.id.hasPrefix("rf_"))
    #expect(try w.voucher(v).redeemedQuantity == 1)
    #expect(try w.customer(customer).redemptions.failed == 1)
  }

  @Test func disabledAndExpiredVouchersFail() throws {
    var w = try world()
    let customer = w.customers[0].id
    let welcome = w.campaigns.first { $0.name == "Welcome Offer" }!.id
    let v = try w.publish(campaignID: welcome, customerID: customer).value.voucherIDs[0]
    _ = try w.setVoucherActive(v, false)
    #expect(try w.redeem(voucherID: v, customerID: customer).value.failureCode == "voucher_disabled")
    _ = try w.setVoucherActive(v, true)
    w.advance(milliseconds: 86_400_000 * 400)
    #expect(try w.redeem(voucherID: v, customerID: customer).value.failureCode == "voucher_expired")
  }

  @Test(arguments: [(20000, 3000), (10000, 1000), (40000, 3000)])
  func percentFormulaDiscount(orderAmount: Int, discount: Int) throws {
    var w = try world()
    let p = w.addProduct(name: "Test item", sourceID: "test-item", price: orderAmount)
    let customer = w.customers[0].id
    let v = try w.publish(campaignID: w.firstCampaign(.discountCoupons)!.id, customerID: customer).value.voucherIDs[0]
    let r = try w.redeem(voucherID: v, customerID: customer, lines: [OrderLine(productID: p.id)])
    let order = try w.order(r.value.orderID!)
    #expect(order.amount == orderAmount)
    #expect(order.discountAmount == discount)
    #expect(order.totalAmount == orderAmount - discount)
    let json = r.last("redemption.succeeded")!.fullData["order"]!
    #expect(json["total_discount_amount"]?.intValue == discount)
    #expect(json["total_amount"]?.intValue == orderAmount - discount)
  }

  @Test func loyaltyBalancesAddUp() throws {
    var w = try world()
    let customer = w.customers[2].id
    let loyalty = w.firstCampaign(.loyaltyProgram)!.id
    let card = try w.publish(campaignID: loyalty, customerID: customer).value.voucherIDs[0]
    let added = try w.addLoyaltyPoints(voucherID: card, points: 150)
    #expect(added.events.map(\.type).contains("customer.loyalty.tier.joined"))
    let p = w.addProduct(name: "Big item", sourceID: "big", price: 50000)
    let paid = try w.payOrder(
      w.createOrder(customerID: customer, lines: [OrderLine(productID: p.id, quantity: 2)]).value.id)
    // 1000.00 paid, 10 points per 10.00 → 1000 points; 150 + 1000 crosses into Silver.
    #expect(try w.voucher(card).loyaltyBalance == 1150)
    #expect(try w.customer(customer).loyaltyPoints == 1150)
    #expect(paid.events.map(\.type).contains("customer.rewarded.loyalty_points"))
    #expect(paid.events.map(\.type).contains("customer.loyalty.tier.upgraded"))
    let rewarded = paid.last("customer.rewarded.loyalty_points")!
    #expect(rewarded.fullData["balance"]?["balance"]?.intValue == 1150)
    let expired = try w.expirePoints(voucherID: card)
    #expect(expired.last("voucher.loyalty_card.points_expired")?.fullData["points"]?.intValue == 150)
    #expect(try w.voucher(card).loyaltyBalance == 1000)
  }

  @Test func giftCreditsAndRollbackRestoreBalance() throws {
    var w = try world()
    let customer = w.customers[0].id
    let card = try w.publish(campaignID: w.firstCampaign(.giftVouchers)!.id, customerID: customer).value.voucherIDs[0]
    _ = try w.addGiftCredits(voucherID: card, amount: 2500)
    #expect(try w.voucher(card).giftBalance == 7500)
    let r = try w.redeem(
      voucherID: card, customerID: customer, lines: [OrderLine(productID: w.products[0].id, quantity: 1)])
    let used = try #require(r.value.amount)
    #expect(try w.voucher(card).giftBalance == 7500 - used)
    _ = try w.rollback(redemptionID: r.value.id)
    #expect(try w.voucher(card).giftBalance == 7500)
  }

  @Test func pendingPointsLifecycle() throws {
    var w = try world()
    let customer = w.customers[0].id
    try w.setEarningRule(w.earningRules[0].id, pendingDays: 7)
    let card = try w.publish(campaignID: w.firstCampaign(.loyaltyProgram)!.id, customerID: customer).value.voucherIDs[0]
    let p = w.addProduct(name: "Item", sourceID: "item", price: 30000)
    _ = try w.payOrder(w.createOrder(customerID: customer, lines: [OrderLine(productID: p.id)]).value.id)
    #expect(try w.voucher(card).pendingPoints == 300)
    #expect(try w.voucher(card).loyaltyBalance == 0)
    let activated = try w.activatePendingPoints(w.pendingPoints[0].id)
    #expect(activated.events.first?.type == "voucher.loyalty_card.pending_points.activated")
    #expect(try w.voucher(card).pendingPoints == 0)
    #expect(try w.voucher(card).loyaltyBalance == 300)
  }

  @Test func referralRewardsTheReferrer() throws {
    var w = try world()
    let referrer = w.customers[0].id
    let friend = w.customers[1].id
    let code = try w.publish(campaignID: w.firstCampaign(.referralProgram)!.id, customerID: referrer).value.voucherIDs[
      0]
    let r = try w.redeem(voucherID: code, customerID: friend)
    let rewarded = try #require(r.last("customer.rewarded"))
    #expect(rewarded.entityID == referrer)
    #expect(rewarded.fullData["referral_tier"]?.isNull == false)
    #expect(try w.order(r.value.orderID!).referrerID == referrer)
    #expect(try w.customer(referrer).referredCustomers == 1)
  }

  @Test func oneRequestSharesAGroupID() throws {
    var w = try world()
    let pub = try w.publish(campaignID: w.firstCampaign(.discountCoupons)!.id, customerID: w.customers[0].id)
    #expect(Set(pub.events.map(\.groupID)).count == 1)
    #expect(pub.events.map(\.createdAt) == pub.events.map(\.createdAt).sorted())
  }
}

import Testing

@testable import SendoutCore

@Suite struct WorldOperationTests {
  static let start = SingleEventRequest.defaultStart

  @Test func sampleWorldIsDeterministicAndSeeded() throws(VoucherifyError) {
    let a = try World.sample(seed: 5, start: Self.start)
    let b = try World.sample(seed: 5, start: Self.start)
    let c = try World.sample(seed: 6, start: Self.start)
    #expect(a.log == b.log)
    #expect(a.customers.map(\.id) == b.customers.map(\.id))
    #expect(a.customers.map(\.id) != c.customers.map(\.id))
    #expect(a.log.map(\.createdAt) == a.log.map(\.createdAt).sorted())
    #expect(CampaignType.allCases.allSatisfy { a.firstCampaign($0) != nil })
  }

  @Test func unitDiscountAddsFreeItemsAndRollsBack() throws {
    var w = try World.sample(seed: 8, start: Self.start)
    let p = w.addProduct(name: "Sticker", sourceID: "sticker", price: 300)
    let campaign = try w.createCampaign(
      CampaignSpec(type: .discountCoupons, discount: .unit(off: 2, productID: p.id), vouchersCount: 1))
    let customer = w.customers[0].id
    let v = try w.publish(campaignID: campaign.value.id, customerID: customer).value.voucherIDs[0]
    let r = try w.redeem(voucherID: v, customerID: customer, lines: [OrderLine(productID: p.id, quantity: 1)])
    var order = try w.order(r.value.orderID!)
    #expect(order.items[0].quantity == 3 && order.items[0].discountQuantity == 2)
    #expect(order.itemsDiscountAmount == 600 && order.totalAmount == 300)
    _ = try w.rollback(redemptionID: r.value.id)
    order = try w.order(r.value.orderID!)
    #expect(order.items[0].quantity == 1 && order.totalAmount == 300 && order.itemsDiscountAmount == 0)
  }

  @Test func promotionTierRedemption() throws {
    var w = try World.sample(seed: 9, start: Self.start)
    let tier = w.promotionTiers[1]
    let p = w.addProduct(name: "Board", sourceID: "board", price: 4000)
    let r = try w.redeemPromotion(tierID: tier.id, customerID: w.customers[0].id, lines: [OrderLine(productID: p.id)])
    let e = try #require(r.last("redemption.succeeded"))
    #expect(e.fullData["promotion_tier"]?["id"]?.stringValue == tier.id)
    #expect(e.fullData["voucher"]?.isNull == true)
    #expect(e.fullData["promotion_stack"]?["tiers"]?["ids"]?.arrayValue?.count == 2)
    #expect(try w.order(r.value.orderID!).totalAmount == 3500)
    _ = try w.setPromotionTierActive(tier.id, false)
    #expect(throws: VoucherifyError.self) { try w.redeemPromotion(tierID: tier.id, customerID: w.customers[0].id) }
  }

  @Test func orderLifecycleKeepsCustomerSummary() throws {
    var w = try World.sample(seed: 10, start: Self.start)
    let customer = w.customers[3].id
    let p = w.addProduct(name: "Tent", sourceID: "tent", price: 25000)
    let created = try w.createOrder(customerID: customer, lines: [OrderLine(productID: p.id)])
    #expect(created.events.map(\.type) == ["customer.order.created"])
    let updated = try w.updateOrder(created.value.id, lines: [OrderLine(productID: p.id, quantity: 2)])
    #expect(updated.last("customer.order.updated")?.fullData["order"]?["amount"]?.intValue == 50000)
    _ = try w.payOrder(created.value.id)
    #expect(try w.customer(customer).orders.totalAmount == 50000)
    #expect(throws: VoucherifyError.invalidPayload("order '\(created.value.id)' is PAID, not CREATED")) {
      try w.payOrder(created.value.id)
    }
    let canceled = try w.cancelOrder(created.value.id)
    #expect(canceled.last("customer.order.canceled")?.fullData["order"]?["status"]?.stringValue == "CANCELED")
  }

  @Test func segmentMembership() throws {
    var w = try World.sample(seed: 12, start: Self.start)
    let (c, s) = (w.customers[0].id, w.segments[1].id)
    let entered = try w.enterSegment(customerID: c, segmentID: s)
    #expect(entered.value.memberIDs == [c])
    #expect(entered.events.map(\.channel) == ["INTERNAL"])
    #expect(throws: VoucherifyError.self) { try w.enterSegment(customerID: c, segmentID: s) }
    #expect(try w.leaveSegment(customerID: c, segmentID: s).value.memberIDs.isEmpty)
  }

  @Test(arguments: [("voucher", "v_nope"), ("customer", "cust_nope")])
  func unknownIDsAreReported(kind: String, id: String) throws(VoucherifyError) {
    var w = try World.sample(seed: 13, start: Self.start)
    let voucher = kind == "voucher" ? id : w.vouchers[0].id
    let customer = kind == "customer" ? id : w.customers[0].id
    #expect(throws: VoucherifyError.notFound(kind, id: id)) {
      try w.redeem(voucherID: voucher, customerID: customer)
    }
  }

  @Test func tierThresholdsInBothDirections() throws {
    var w = try World.sample(seed: 14, start: Self.start)
    let card = try w.publish(campaignID: w.firstCampaign(.loyaltyProgram)!.id, customerID: w.customers[0].id).value
      .voucherIDs[0]
    let steps: [(Int, String?)] = [
      (50, nil), (100, "customer.loyalty.tier.joined"), (900, "customer.loyalty.tier.upgraded"),
      (-200, "customer.loyalty.tier.downgraded"), (-800, "customer.loyalty.tier.left"),
    ]
    for (points, expected) in steps {
      let types = try w.addLoyaltyPoints(voucherID: card, points: points).events.map(\.type)
      #expect(types.last { $0.hasPrefix("customer.loyalty.tier.") } == expected, "after \(points)")
    }
    #expect(try w.voucher(card).loyaltyBalance == 50)
  }
}

import Testing

@testable import SendoutCore

/// Validation (`evaluateStack`, no change) and redemption (`redeem`, `redeemStack`) compute the same discounts
/// and the same failures for the same input.
@Suite struct StackEvaluationTests {
  static let start = SingleEventRequest.defaultStart

  func world() throws -> (World, customer: String, product: Product) {
    var w = try World.sample(seed: 11, start: Self.start)
    let p = w.addProduct(name: "Stack test item", sourceID: "stack-test", price: 20_000)
    return (w, w.customers[0].id, p)
  }

  func code(_ w: inout World, _ campaign: String, for customer: String) throws -> Voucher {
    let c = try #require(w.campaigns.first { $0.name == campaign || $0.campaignType.rawValue == campaign })
    let published = try w.publish(campaignID: c.id, customerID: customer).value.voucherIDs[0]
    return try w.voucher(published)
  }

  @Test(arguments: [20_000, 700, 123_456])
  func aSingleCodeIsValidatedWithTheDiscountItIsRedeemedWith(amount: Int) throws {
    var (w, customer, _) = try world()
    let p = w.addProduct(name: "Item \(amount)", sourceID: "item-\(amount)", price: amount)
    for campaign in ["Welcome Offer", CampaignType.giftVouchers.rawValue, CampaignType.discountCoupons.rawValue] {
      let v = try code(&w, campaign, for: customer)
      let evaluation = w.evaluateStack([StackRedeemable(kind: .voucher, id: v.code)], orderAmount: amount)
      #expect(evaluation.valid)
      let redeemed = try w.redeem(voucherID: v.id, customerID: customer, lines: [OrderLine(productID: p.id)]).value
      #expect(redeemed.succeeded)
      #expect(evaluation.discount == redeemed.discount, "\(campaign) on \(amount)")
      #expect(evaluation.outcomes[0].discount == redeemed.discount)
    }
  }

  @Test func aStackIsRedeemedExactlyAsItWasValidatedAndValidationChangesNothing() throws {
    var (w, customer, p) = try world()
    let welcome = try code(&w, "Welcome Offer", for: customer)
    let gift = try code(&w, CampaignType.giftVouchers.rawValue, for: customer)
    let tier = try #require(w.promotionTiers.first { $0.name.hasPrefix("10%") })
    let items = [
      StackRedeemable(kind: .voucher, id: welcome.code), StackRedeemable(kind: .promotionTier, id: tier.id),
      StackRedeemable(kind: .voucher, id: gift.code, giftCredits: 2_500),
    ]
    let (redemptionsBefore, nowBefore) = (w.redemptions.count, w.now)
    let evaluation = w.evaluateStack(items, orderAmount: p.price)
    #expect(w.redemptions.count == redemptionsBefore && w.now == nowBefore)
    #expect(try w.voucher(welcome.id).redeemedQuantity == 0)
    // 10.00 off 200.00; 10 % of the 190.00 left; then 25.00 of gift credits.
    #expect(evaluation.outcomes.map(\.discount) == [1_000, 1_900, 2_500])
    #expect(evaluation.valid && evaluation.discount == 5_400)

    let redeemed = try w.redeemStack(items, customerID: customer, lines: [OrderLine(productID: p.id)])
    let result = redeemed.value
    #expect(result.succeeded && result.evaluation == evaluation)
    let parent = try #require(result.parent)
    #expect(result.redemptions.map(\.discount) == [1_000, 1_900, 2_500])
    #expect(result.redemptions.allSatisfy { $0.parentID == parent.id && $0.orderID == result.orderID })
    let order = try w.order(try #require(result.orderID))
    #expect(order.totalDiscountAmount == evaluation.discount && order.totalAmount == p.price - 5_400)
    #expect(try w.voucher(gift.id).giftBalance == gift.giftBalance - 2_500)
    #expect(try w.voucher(welcome.id).redeemedQuantity == 1)
    let types = redeemed.events.map(\.type)
    #expect(types.filter { $0 == "redemption.succeeded" }.count == 3, "\(types)")
    #expect(types.filter { $0 == "customer.order.paid" }.count == 1, "\(types)")

    let rolled = try w.rollbackStack(parentID: parent.id, reason: "returned")
    #expect(rolled.value.parent?.parentID == parent.id && rolled.value.parent?.succeeded == true)
    #expect(rolled.value.rollbacks.map(\.parentID) == result.redemptions.map(\.id))
    #expect(rolled.events.filter { $0.type == "redemption.rollback.succeeded" }.count == 3)
    #expect(try w.voucher(gift.id).giftBalance == gift.giftBalance)
    #expect(try w.voucher(welcome.id).redeemedQuantity == 0)
    #expect(try w.order(try #require(result.orderID)).status == .canceled)
    let again = try w.rollbackStack(parentID: parent.id)
    #expect(again.value.parent?.failureCode == "already_rolled_back")
  }

  @Test func oneInapplicableRedeemableFailsTheWholeStackWithItsKey() throws {
    var (w, customer, p) = try world()
    let good = try code(&w, "Welcome Offer", for: customer)
    let bad = try code(&w, CampaignType.discountCoupons.rawValue, for: customer)
    _ = try w.setVoucherActive(bad.id, false)
    let extra = try code(&w, "Welcome Offer", for: customer)
    let items = [good, bad, extra].map { StackRedeemable(kind: .voucher, id: $0.code) }
    let evaluation = w.evaluateStack(items, orderAmount: p.price)
    #expect(!evaluation.valid && evaluation.firstFailure?.key == "voucher_disabled")
    #expect(evaluation.outcomes[0].applicable && evaluation.outcomes[2].skip == .precedingValidationFailed)
    let redeemed = try w.redeemStack(items, customerID: customer, lines: [OrderLine(productID: p.id)])
    #expect(!redeemed.value.succeeded)
    #expect(redeemed.value.redemptions.map(\.failureCode) == ["voucher_disabled"])
    #expect(redeemed.events.map(\.type) == ["redemption.failed"])
    #expect(try w.voucher(good.id).redeemedQuantity == 0)
    let unknown = [StackRedeemable(kind: .voucher, id: "NO-SUCH-CODE")]
    #expect(w.evaluateStack(unknown, orderAmount: 100).firstFailure?.status == 404)
    // The spec's failed-redemption codes include `resource_not_found` ("voucher with given code does not exist"):
    // an unknown code is stored as a failed redemption, without a webhook (there is no voucher to describe).
    let missing = try w.redeemStack(unknown, customerID: customer, lines: [OrderLine(productID: p.id)])
    #expect(missing.value.redemptions.map(\.failureCode) == ["resource_not_found"])
    #expect(missing.value.redemptions.first?.id.hasPrefix("rf_") == true && missing.events.isEmpty)
  }

  @Test func onlyFiveRedeemablesApplyTheRestAreSkipped() throws {
    var (w, customer, _) = try world()
    var items: [StackRedeemable] = []
    for _ in 0..<7 {
      items.append(StackRedeemable(kind: .voucher, id: try code(&w, "Welcome Offer", for: customer).code))
    }
    let evaluation = w.evaluateStack(items, orderAmount: 100_000)
    #expect(evaluation.valid)
    #expect(evaluation.outcomes.filter(\.applicable).count == World.stackApplicableLimit)
    #expect(evaluation.outcomes.suffix(2).allSatisfy { $0.skip == .applicableRedeemablesLimitExceeded })
    #expect(evaluation.discount == 5_000)
  }
}

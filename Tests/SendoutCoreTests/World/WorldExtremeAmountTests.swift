import Testing

@testable import SendoutCore

/// World operations fed extreme numbers (the ones scenario steps and the mock API both run): each is refused with the
/// world's `invalid` error before it changes anything, or computes without trapping. Before the checked arithmetic,
/// each of these trapped ("arithmetic overflow", SIGILL) and took the process down.
@Suite struct WorldExtremeAmountTests {
  static let start = SingleEventRequest.defaultStart
  static let max = AmountLimits.maxAmount
  static let extremes = [Int.max, Int.min, Int.max / 2, -1, 0, AmountLimits.maxAmount, AmountLimits.maxAmount + 1]

  /// A sample world with a product at `price` and the first card of each kind.
  static func world(price: Int = 100) throws -> (World, product: String, gift: String, loyalty: String) {
    var w = try World.sample(seed: 21, start: start)
    let product = w.addProduct(name: "Extreme", sourceID: "extreme", price: price).id
    let customer = w.customers[0].id
    let gift = try w.publish(campaignID: try #require(w.firstCampaign(.giftVouchers)).id, customerID: customer)
      .value.voucherIDs[0]
    let loyalty = try w.publish(campaignID: try #require(w.firstCampaign(.loyaltyProgram)).id, customerID: customer)
      .value.voucherIDs[0]
    return (w, product, gift, loyalty)
  }

  @Test(arguments: extremes)
  func orderLinesBeyondTheCapAreRefusedBeforeAnythingChanges(_ quantity: Int) throws {
    var (w, product, _, _) = try Self.world(price: Self.max)
    let before = (w.orders.count, w.now)
    let customer = w.customers[0].id
    let lines = [OrderLine(productID: product, quantity: quantity)]
    if quantity == 1 {
      #expect(try w.createOrder(customerID: customer, lines: lines).value.amount == Self.max)
      return
    }
    #expect(throws: VoucherifyError.self) { try w.createOrder(customerID: customer, lines: lines) }
    #expect(throws: VoucherifyError.self) { try w.redeemStack([], customerID: customer, lines: lines) }
    let coupon = try #require(w.vouchers.first { $0.campaignType == .discountCoupons }).id
    #expect(throws: VoucherifyError.self) { try w.redeem(voucherID: coupon, customerID: customer, lines: lines) }
    let tier = w.promotionTiers[0].id
    #expect(throws: VoucherifyError.self) {
      try w.redeemPromotion(tierID: tier, customerID: customer, lines: lines)
    }
    #expect(w.orders.count == before.0 && w.now == before.1)
  }

  @Test func twoLinesAtTheCapAndTooManyLinesAreRefused() throws {
    var (w, product, _, _) = try Self.world(price: Self.max)
    let customer = w.customers[0].id
    let two = [OrderLine(productID: product), OrderLine(productID: product)]
    #expect(
      throws: VoucherifyError.invalidPayload(
        "the order amount must be an integer from 0 to \(Self.max), got \(2 * Self.max)")
    ) {
      try w.createOrder(customerID: customer, lines: two)
    }
    let cheap = w.addProduct(name: "Cheap", sourceID: "cheap", price: 1).id
    let many = Array(repeating: OrderLine(productID: cheap), count: AmountLimits.maxOrderItems + 1)
    #expect(throws: VoucherifyError.invalidPayload("an order has at most 500 items, got 501")) {
      try w.createOrder(customerID: customer, lines: many)
    }
  }

  /// A customer's order total: orders at the cap add up (no single order can overflow it any more).
  @Test func ordersAtTheCapPayAndAddUp() throws {
    var (w, product, _, _) = try Self.world(price: Self.max)
    let customer = w.customers[0].id
    let before = try w.customer(customer).orders.totalAmount
    for _ in 0..<3 {
      let o = try w.createOrder(customerID: customer, lines: [OrderLine(productID: product)]).value
      _ = try w.payOrder(o.id)
    }
    #expect(try w.customer(customer).orders.totalAmount == before + 3 * Self.max)
  }

  @Test(arguments: extremes)
  func giftCreditsStayWithinTheCap(_ amount: Int) throws {
    var (w, _, gift, _) = try Self.world()
    let card = try w.voucher(gift)
    if (1...(Self.max - card.giftBalance)).contains(amount) {
      #expect(try w.addGiftCredits(voucherID: gift, amount: amount).value.voucherID == gift)
      #expect(throws: VoucherifyError.self) { try w.addGiftCredits(voucherID: gift, amount: Self.max) }
      return
    }
    #expect(throws: VoucherifyError.self) { try w.addGiftCredits(voucherID: gift, amount: amount) }
    #expect(
      try w.voucher(gift).giftBalance == card.giftBalance
        && w.transactions.count == (try Self.world().0).transactions.count)
  }

  @Test(arguments: extremes)
  func loyaltyPointsStayWithinTheCap(_ points: Int) throws {
    var (w, _, _, loyalty) = try Self.world()
    let card = try w.voucher(loyalty)
    if points > 0 && points <= Self.max - card.loyaltyPoints {
      _ = try w.addLoyaltyPoints(voucherID: loyalty, points: points)
      #expect(throws: VoucherifyError.self) { try w.addLoyaltyPoints(voucherID: loyalty, points: Self.max) }
      return
    }
    #expect(throws: VoucherifyError.self) { try w.addLoyaltyPoints(voucherID: loyalty, points: points) }
    #expect(try w.voucher(loyalty).loyaltyBalance == card.loyaltyBalance)
  }

  @Test(arguments: [Int.max, Int.min, -1, AmountLimits.maxAmount + 1])
  func configuredAmountsBeyondTheCapAreRefused(_ value: Int) throws {
    var (w, _, _, loyalty) = try Self.world()
    let campaigns = w.campaigns.count
    #expect(throws: VoucherifyError.self) {
      try w.createCampaign(CampaignSpec(type: .giftVouchers, giftAmount: value))
    }
    #expect(throws: VoucherifyError.self) {
      try w.createCampaign(CampaignSpec(type: .loyaltyProgram, loyaltyPoints: value))
    }
    #expect(w.campaigns.count == campaigns)
    let referral = try #require(w.firstCampaign(.referralProgram)).id
    #expect(throws: VoucherifyError.self) { try w.createReferralTier(campaignID: referral, credits: value) }
    let program = try w.voucher(loyalty).campaignID
    if let reward = w.rewards.first?.id, value > 0 {
      #expect(throws: VoucherifyError.self) { try w.assignReward(reward, campaignID: program, points: value) }
    }
  }

  /// Earning on a paid order with a rule worth `Int.max` points per cent: refused, not a trap.
  @Test func earningBeyondTheCapIsAnError() throws {
    var (w, product, _, loyalty) = try Self.world(price: Self.max)
    let card = try w.voucher(loyalty)
    let holder = try #require(card.holderID)
    _ = w.addEarningRule(campaignID: card.campaignID, every: 1, points: Int.max)
    let o = try w.createOrder(customerID: holder, lines: [OrderLine(productID: product)]).value
    let before = try w.customer(holder).orders
    #expect(throws: VoucherifyError.self) { try w.payOrder(o.id) }
    #expect(try w.order(o.id).status == .created && w.customer(holder).orders == before, "refused before any change")
    let coupon = try #require(w.vouchers.first { $0.campaignType == .discountCoupons }).id
    let redemptions = w.redemptions.count
    #expect(throws: VoucherifyError.self) {
      try w.redeem(voucherID: coupon, customerID: holder, lines: [OrderLine(productID: product)])
    }
    #expect(w.redemptions.count == redemptions)
  }

  /// Free units at the cap on a product at the cap: the order's sums saturate, stacked discounts too; no trap.
  @Test func unitDiscountsAtTheCapDoNotTrap() throws {
    var (w, product, _, _) = try Self.world(price: Self.max)
    let customer = w.customers[0].id
    let campaign = try w.createCampaign(
      CampaignSpec(type: .discountCoupons, discount: .unit(off: Self.max, productID: product), vouchersCount: 2)
    ).value
    let codes = w.vouchers.filter { $0.campaignID == campaign.id }.map(\.code)
    let stack = codes.map { StackRedeemable(kind: .voucher, id: $0, giftCredits: nil, hasReward: false) }
    #expect(w.evaluateStack(stack, orderAmount: Self.max).discount == Int.max)
    let r = try w.redeemStack(stack, customerID: customer, lines: [OrderLine(productID: product)])
    let order = try w.order(try #require(r.value.orderID))
    #expect(order.amount == Int.max && order.totalAmount >= 0)
    _ = try w.customer(customer).fullJSON
  }

  /// A referee's redemption that would reward the referrer's gift card past the cap: refused before it changes
  /// anything (it used to fail half-way, the redemption stored, the reward not given).
  @Test func referralRewardBeyondTheCapIsRefusedFirst() throws {
    var (w, product, gift, _) = try Self.world()
    let referrer = w.customers[0].id
    let referee = w.customers[1].id
    let card = try w.voucher(gift)
    _ = try w.addGiftCredits(voucherID: gift, amount: Self.max - card.giftAmount)
    let referral = try #require(w.firstCampaign(.referralProgram)).id
    let code = try w.publish(campaignID: referral, customerID: referrer).value.voucherIDs[0]
    let redemptions = w.redemptions.count
    let lines = [OrderLine(productID: product)]
    #expect(throws: VoucherifyError.self) { try w.redeem(voucherID: code, customerID: referee, lines: lines) }
    let stack = [StackRedeemable(kind: .voucher, id: try w.voucher(code).code)]
    #expect(throws: VoucherifyError.self) { try w.redeemStack(stack + stack, customerID: referee, lines: lines) }
    #expect(w.redemptions.count == redemptions && w.orders.last?.customerID != referee)
  }

  @Test func pendingPointsStayWithinTheCap() throws {
    var w = try World.sample(seed: 21, start: Self.start)
    guard let pending = w.pendingPoints.first(where: { $0.state == "PENDING" }) else { return }
    #expect(throws: VoucherifyError.self) { try w.updatePendingPoints(pending.id, points: Int.max) }
    #expect(w.pendingPoints[id: pending.id]?.points == pending.points)
  }

  @Test(arguments: [Int.max, Int.min, -1, 0, AmountLimits.maxAmount])
  func discountsNeverTrapNorGoNegative(_ value: Int) {
    let discounts: [Discount] = [
      .amount(off: value), .fixed(amount: value), .unit(off: value, productID: "p"),
      .percent(off: 10, amountLimit: value, formula: nil),
      .percent(off: 10, amountLimit: nil, formula: "ORDER_AMOUNT*99999999999999999999999999"),
      .percent(off: 10, amountLimit: nil, formula: "9" + String(repeating: "9", count: 400) + "-ORDER_AMOUNT"),
      .percent(off: .infinity, amountLimit: nil, formula: nil),
      .percent(off: -.infinity, amountLimit: nil, formula: nil),
      .percent(off: .nan, amountLimit: nil, formula: nil), .percent(off: 1e308, amountLimit: nil, formula: nil),
    ]
    for discount in discounts {
      for order in [Int.max, Int.min, 0, 1, AmountLimits.maxAmount] {
        let d = discount.discount(orderAmount: order, unitPrice: value)
        #expect(d >= 0, "\(discount) on \(order)")
        if case .unit = discount { continue }
        #expect(d <= Swift.max(0, order), "\(discount) on \(order)")
      }
      _ = discount.json
    }
  }

  @Test func modelSumsSaturateInsteadOfTrapping() {
    let huge = Product(id: "p", sourceID: "p", name: "p", price: Int.max, createdAt: Self.start)
    let items = [OrderItem(id: "a", product: huge, quantity: 2), OrderItem(id: "b", product: huge, quantity: Int.max)]
    let order = Order(
      id: "o", sourceID: "o", status: .created, customerID: "c", items: items, metadata: [:], createdAt: Self.start)
    #expect(order.amount == Int.max && order.totalAmount == Int.max)
    #expect(
      EarningRule(
        id: "r", campaignID: "c", banner: "b", every: 1, points: Int.max, automationID: "a", createdAt: Self.start
      )
      .points(forOrderTotal: Int.max) == Int.max)
    #expect([Int.max, 1].saturatedSum == Int.max && [Int.min, -1].saturatedSum == Int.min)
    #expect(Int.min.subtractingSaturated(1) == Int.min && Int.max.multipliedSaturated(by: -2) == Int.min)
    #expect(Int(roundingChecked: .nan) == nil && Int(roundingChecked: 9.3e18) == nil && Int(roundingChecked: 2.5) == 3)
  }
}

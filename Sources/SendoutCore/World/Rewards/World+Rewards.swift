extension World {
  /// Spends a loyalty card's points on a reward: records a points redemption (`POINTS_REDEMPTION`, holding
  /// `metadata` and the `order` the call gave, stored as a redemption stores it) and a pending reward redemption.
  /// Emits the card transaction, `customer.rewarded`, `customer.reward_redemptions.created` and `.pending`, then the
  /// order's events as a voucher redemption's (`customer.order.created`/`.updated`, `.paid`).
  public mutating func redeemReward(
    voucherID: String, assignmentID: String, order: OrderFields? = nil, metadata: JSONObject = [:],
    channel: EventChannel = .api
  ) throws(VoucherifyError) -> Emitted<RewardRedemption> {
    let vi = try position(in: vouchers, voucherID, "voucher")
    let ai = try position(in: rewardAssignments, assignmentID, "reward assignment")
    let a = rewardAssignments[ai]
    guard let holder = vouchers[vi].holderID else { throw .invalidPayload("card '\(vouchers[vi].code)' has no holder") }
    guard vouchers[vi].loyaltyBalance >= a.points else {
      throw .loyaltyCardPointsExceeded(
        "card '\(vouchers[vi].code)' has \(vouchers[vi].loyaltyBalance) points, the reward costs \(a.points)")
    }
    let rwi = try position(in: rewards, a.rewardID, "reward")
    if let order {
      _ = try existingOrder(order)
      try checkEarning(orderTotal: try orderAmount(of: order), customerID: holder)
    }
    begin(channel)
    var r = Redemption(
      id: make(.redemption), kind: .redemption, succeeded: true, date: now, customerID: holder,
      trackingID: make(.tracking), channelID: appID, channelType: "API")
    r.voucherID = voucherID
    r.amount = a.points
    r.metadata = metadata
    var placed: PlacedOrder?
    if let order {
      let p = try placeRedemptionOrder(order, customerID: holder, lines: [])
      placed = p
      tick()
      r.date = now
      r.orderID = orders[p.index].id
      noteRedemption(r.id, of: vouchers[vi], onOrder: p.index)
    }
    vouchers[vi].redeemedQuantity += 1
    vouchers[vi].redeemedPoints.addSaturating(a.points)
    campaigns[try position(in: campaigns, vouchers[vi].campaignID, "campaign")].redeemedQuantity += 1
    redemptions.append(r)
    let ci = try position(in: customers, holder, "customer")
    customers[ci].redemptions.succeeded += 1
    customers[ci].redemptions.loyaltyRedeemedPoints.addSaturating(a.points)
    rewards[rwi].redeemed += 1
    try changePoints(vi, by: -a.points, PointsContext(type: "POINTS_REDEMPTION", reason: nil, source: "API"))
    let related = rewardObject(rewards[rwi], customerID: holder)
    let resultJSON = rewards[rwi].resultJSON(assignmentID: a.id, related: related.map { ($0.0, $0.1) })
    let v = vouchers[vi]
    let rr = RewardRedemption(
      id: make(.rewardRedemption), state: "PENDING", sourceID: r.id, voucherID: v.id, campaignID: v.campaignID,
      customerID: holder, assignmentID: a.id, createdAt: now)
    rewardRedemptions.append(rr)
    let inRedemption = rewards[rwi].redemptionJSON(
      customer: try simpleCustomer(holder), assignmentID: a.id, related: related.map { ($0.0, $0.1) })
    try emitRewarded(
      customerID: holder, voucher: v, redemption: r, reward: (resultJSON, inRedemption), referralTier: nil,
      balance: nil)
    for state in ["created", "pending"] {
      emit(
        "customer.reward_redemptions.\(state)", entity: holder,
        [
          "holder": .object(try simpleCustomer(holder)), "reward": .object(resultJSON),
          "source": ["id": .string(r.id), "type": "redemption"], "balance": .null, "voucher": .object(v.simpleJSON),
          "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
          "customer": .object(try simpleCustomer(holder)),
          "reward_assignment": .object(a.json), "reward_redemption": .object(rr.json),
        ])
    }
    if let placed { try settleRedemptionOrder(placed, redemptionID: r.id) }
    return finish(rr)
  }

  /// Completes a pending reward redemption; emits `customer.reward_redemptions.completed`.
  public mutating func completeRewardRedemption(_ id: String, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<RewardRedemption>
  {
    let i = try position(in: rewardRedemptions, id, "reward redemption")
    guard rewardRedemptions[i].state == "PENDING" else {
      throw .invalidPayload("reward redemption '\(id)' is \(rewardRedemptions[i].state)")
    }
    begin(channel)
    rewardRedemptions[i].state = "COMPLETED"
    rewardRedemptions[i].updatedAt = now
    let rr = rewardRedemptions[i]
    let a = try entity(in: rewardAssignments, rr.assignmentID, "reward assignment")
    let reward = try entity(in: rewards, a.rewardID, "reward")
    let v = try self.voucher(rr.voucherID)
    let given = publications.last { $0.customerID == rr.customerID }
    var related: (String, JSONObject)?
    if case .material(let p) = reward.kind {
      related = products[id: p].map { ("product", $0.simpleJSON) }
    }
    if case .campaign = reward.kind, let given {
      related = ("voucher", try self.voucher(given.voucherIDs[0]).simpleJSON)
    }
    var data: JSONObject = [
      "customer": .object(try simpleCustomer(rr.customerID)), "holder": .object(try simpleCustomer(rr.customerID)),
      "voucher": .object(v.simpleJSON), "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
      "reward_redemption": .object(rr.json), "reward": .object(reward.resultJSON(assignmentID: a.id, related: related)),
      "reward_assignment": .object(a.json), "source": ["id": .string(rr.sourceID), "type": "redemption"],
      "balance": .null,
    ]
    if case .campaign = reward.kind, let given {
      let gv = try self.voucher(given.voucherIDs[0])
      data["publication"] = .object(
        given.json(customer: try self.customer(rr.customerID).fullJSON, voucher: gv.fullJSON))
    }
    emit("customer.reward_redemptions.completed", entity: rr.customerID, data)
    return finish(rr)
  }

  /// What a reward gives the customer: the product, or a code published from the reward's campaign.
  private mutating func rewardObject(_ reward: Reward, customerID: String) -> (String, JSONObject)? {
    switch reward.kind {
    case .material(let p): return products[id: p].map { ("product", $0.simpleJSON) }
    case .campaign(let c, _):
      guard let (_, v) = try? publishVoucher(campaignID: c, customerID: customerID, channel: "Automation") else {
        return nil
      }
      return ("voucher", v.simpleJSON)
    }
  }

  /// Emits `customer.rewarded`: `reward.result` as the event's `reward`, `reward.inRedemption` inside its redemption.
  mutating func emitRewarded(
    customerID: String, voucher v: Voucher, redemption r: Redemption,
    reward: (result: JSONObject, inRedemption: JSONObject), referralTier: JSONObject?, balance: JSONObject?
  ) throws(VoucherifyError) {
    emit(
      "customer.rewarded", entity: customerID,
      [
        "customer": .object(try simpleCustomer(customerID)), "holder": .object(try simpleCustomer(customerID)),
        "voucher": .object(v.simpleJSON), "campaign": .object(try self.campaign(v.campaignID).simpleJSON),
        "redemption": .object(try internalRedemptionJSON(r, reward: reward.inRedemption)),
        "reward": .object(reward.result),
        "referral_tier": referralTier.map { .object($0) } ?? .null, "balance": balance.map { .object($0) } ?? .null,
        "custom_event": .null, "customer_event": .null,
      ])
  }

  /// Throws, before a redemption changes anything, when `customerID` redeeming voucher `voucherID` (a referral code)
  /// would reward its referrer's gift card past `AmountLimits.maxAmount` (`rewardReferrer` would fail half-way).
  func checkReferrerReward(voucherID: String, customerID: String?) throws(VoucherifyError) {
    guard let code = vouchers[id: voucherID], code.campaignType == .referralProgram, let referrer = code.holderID,
      referrer != customerID, let tier = referralTiers.first(where: { $0.campaignID == code.campaignID }),
      let gift = firstCampaign(.giftVouchers), let card = vouchers(heldBy: referrer, in: gift.id).first
    else { return }
    _ = try AmountLimits.adding(tier.credits, to: card.giftAmount, "the referrer's gift card amount")
    _ = try AmountLimits.adding(tier.credits, to: card.giftBalance, "the referrer's gift card balance")
  }

  /// Rewards a referrer with gift credits when a referee redeemed their code; emits `customer.rewarded`.
  mutating func rewardReferrer(_ referrerID: String, for r: Redemption) throws(VoucherifyError) {
    guard let code = try ifPresent(r.voucherID, { (it) throws(VoucherifyError) in try self.voucher(it) }),
      let tier = referralTiers.first(where: { $0.campaignID == code.campaignID }),
      let gift = firstCampaign(.giftVouchers)
    else { return }
    let ri = try position(in: customers, referrerID, "customer")
    customers[ri].referredCustomers += 1
    var card = vouchers(heldBy: referrerID, in: gift.id).first
    if card == nil {
      card = (try? publishVoucher(campaignID: gift.id, customerID: referrerID, channel: "Automation"))?.1
    }
    guard let cardID = card?.id else { return }
    let vi = try position(in: vouchers, cardID, "voucher")
    let total = try AmountLimits.adding(tier.credits, to: vouchers[vi].giftAmount, "the gift card's amount")
    setGiftBalance(
      ofVoucherAt: vi,
      to: try AmountLimits.adding(tier.credits, to: vouchers[vi].giftBalance, "the gift card's balance"))
    vouchers[vi].giftAmount = total
    vouchers[vi].updatedAt = now
    let balance = giftBalanceJSON(vouchers[vi], amount: tier.credits, operation: "AUTOMATIC")
    _ = record(
      vouchers[vi], type: "CREDITS_ADDITION", reason: "Referral reward", details: ["balance": .object(balance)],
      source: "Automation")
    // The tier's reward and its assignment (`rew_…`, `rewa_…`: the reward ids Voucherify sends), named after the
    // tier so that no id is drawn and later ids stay as they were.
    let suffix = tier.id.dropFirst(IDFormat.referralTier.prefix.count)
    let reward: JSONObject = [
      "assignment_id": .string(IDFormat.rewardAssignment.prefix + suffix), "voucher": .object(vouchers[vi].simpleJSON),
      "id": .string(IDFormat.reward.prefix + suffix), "object": "reward", "name": .string(tier.banner),
      "type": "CAMPAIGN",
    ]
    var inRedemption: JSONObject = ["customer": .object(try simpleCustomer(referrerID))]
    for m in reward.members { inRedemption[m.key] = m.value }
    try emitRewarded(
      customerID: referrerID, voucher: code, redemption: r, reward: (reward, inRedemption), referralTier: tier.json,
      balance: balance)
  }
}

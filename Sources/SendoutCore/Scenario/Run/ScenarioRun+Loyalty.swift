extension ScenarioRun {
  /// The step result of a card operation: the card as it is now and its holder.
  func cardOutcome(_ cardID: String, _ extra: JSONObject, _ events: [WorldEvent]) throws -> StepOutcome {
    let v = try world.voucher(cardID)
    var primary = extra
    primary["voucher"] = .object(v.simpleJSON)
    primary["balance"] = .int(v.campaignType == .giftVouchers ? v.giftBalance : v.loyaltyBalance)
    if let h = v.holderID { primary["customer"] = .object(try world.customer(h).simpleJSON) }
    return StepOutcome(primary, events)
  }

  /// `loyalty_points_add`: adds (or with negative `points`, removes) points on a card.
  mutating func addPoints(_ p: inout FieldReader) throws -> StepOutcome {
    let card = try loyaltyCard(&p)
    guard let points = try p.int("points", in: -100_000_000...100_000_000) else {
      throw p.error("points", "is required: an integer, negative to remove points")
    }
    let r = try world.addLoyaltyPoints(voucherID: card, points: points, reason: try p.string("reason"))
    last["card"] = card
    return try cardOutcome(card, ["transaction": .object(r.value.json)], r.events)
  }

  /// `loyalty_points_expire`: expires the card's oldest active points bucket.
  mutating func expirePoints(_ p: inout FieldReader) throws -> StepOutcome {
    let card = try loyaltyCard(&p)
    let r = try world.expirePoints(voucherID: card)
    return try cardOutcome(card, ["bucket": .object(r.value.json)], r.events)
  }

  /// `tier_prolong`: prolongs the card holder's tier.
  mutating func prolongTier(_ p: inout FieldReader) throws -> StepOutcome {
    let card = try loyaltyCard(&p)
    let r = try world.prolongTier(voucherID: card)
    return try cardOutcome(card, ["tier": .object(r.value.referenceJSON)], r.events)
  }

  /// `pending_points_update` / `_activate` / `_cancel` (default: the latest pending points still pending).
  mutating func pendingPoints(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let open = world.pendingPoints.filter { $0.state == "PENDING" }
    let id = try select(
      &p, "pending_points", kind: "pending points", from: plain(world.pendingPoints),
      fallback: last["pending_points"].flatMap { l in open.contains { $0.id == l } ? l : nil } ?? open.last?.id)
    let r: Emitted<PendingPoints>
    switch action {
    case "update":
      guard let points = try p.int("points", in: 1...100_000_000) else {
        throw p.error("points", "is required: a positive integer")
      }
      r = try world.updatePendingPoints(id, points: points)
    case "activate": r = try world.activatePendingPoints(id)
    default: r = try world.cancelPendingPoints(id)
    }
    return try cardOutcome(r.value.voucherID, ["pending_points": .object(r.value.json)], r.events)
  }

  /// `gift_credits_add`: adds `amount` cents to a gift card (default: the latest gift card published).
  mutating func giftCredits(_ p: inout FieldReader) throws -> StepOutcome {
    let card = try select(
      &p, "voucher", kind: "gift card", from: voucherCandidates(.giftVouchers),
      fallback: last["gift"] ?? voucherCandidates(.giftVouchers).last?.id)
    guard let amount = try p.int("amount", in: 1...100_000_000) else {
      throw p.error("amount", "is required: cents, e.g. 2500")
    }
    let r = try world.addGiftCredits(voucherID: card, amount: amount, reason: try p.string("reason"))
    return try cardOutcome(card, ["transaction": .object(r.value.json)], r.events)
  }

  /// `reward_redeem`: spends a card's points on a reward (by key, reward name or assignment id).
  mutating func redeemReward(_ p: inout FieldReader) throws -> StepOutcome {
    let card = try loyaltyCard(&p)
    let campaignID = try world.voucher(card).campaignID
    let k = keyNames("reward")
    let candidates = world.rewardAssignments.filter { $0.campaignID == campaignID }.map { a in
      SelectionCandidate(id: a.id, aliases: (k[a.id] ?? []) + [world.rewards[id: a.rewardID]?.name ?? ""])
    }
    let reward = try select(&p, "reward", kind: "reward", from: candidates, fallback: candidates.first?.id)
    let r = try world.redeemReward(voucherID: card, assignmentID: reward)
    last["reward_redemption"] = r.value.id
    return try cardOutcome(card, ["reward_redemption": .object(r.value.json)], r.events)
  }

  /// `reward_complete`: completes a pending reward redemption (default: the latest).
  mutating func completeReward(_ p: inout FieldReader) throws -> StepOutcome {
    let id = try select(
      &p, "reward_redemption", kind: "reward redemption", from: plain(world.rewardRedemptions),
      fallback: last["reward_redemption"])
    let r = try world.completeRewardRedemption(id)
    return try cardOutcome(r.value.voucherID, ["reward_redemption": .object(r.value.json)], r.events)
  }
}

extension ScenarioRun {
  /// Order lines from `amount` (cents: one line at exactly that price) or `items` (`[{product, quantity}]`);
  /// neither gives random lines.
  mutating func lines(_ p: inout FieldReader) throws(ScenarioError) -> [OrderLine] {
    let amount = try p.int("amount", in: 1...100_000_000)
    let items = try p.array("items")
    if amount != nil && items != nil { throw p.error("items", "give either `amount` or `items`, not both") }
    if let amount {
      let sourceID = "item-\(amount)"
      if let existing = world.products.first(where: { $0.sourceID == sourceID }) {
        return [OrderLine(productID: existing.id)]
      }
      let product = world.addProduct(
        name: "Item \(amount / 100).\(pad2(amount % 100))", sourceID: sourceID, price: amount)
      return [OrderLine(productID: product.id)]
    }
    var out: [OrderLine] = []
    for (i, item) in (items ?? []).enumerated() {
      var r = try FieldReader(item, path: p.child("items") + ".\(i)", file: file)
      let products =
        named(world.products, kind: "product") { $0.name }
        + world.products.map {
          SelectionCandidate(id: $0.id, aliases: [$0.sourceID])
        }
      let product = try select(&r, "product", kind: "product", from: products, fallback: nil)
      out.append(OrderLine(productID: product, quantity: try r.int("quantity", in: 1...10_000) ?? 1))
      try r.finish()
    }
    return out
  }

  /// `publish`: a code of `campaign` to `customer`.
  mutating func publish(_ p: inout FieldReader) throws -> StepOutcome {
    let campaign = try self.campaign(&p)
    let customer = try self.customer(&p)
    let r = try world.publish(campaignID: campaign, customerID: customer)
    let v = try world.voucher(r.value.voucherIDs[0])
    last["voucher"] = v.id
    last["customer"] = customer
    switch v.campaignType {
    case .loyaltyProgram: last["card"] = v.id
    case .giftVouchers: last["gift"] = v.id
    case .referralProgram: last["referral"] = v.id
    default: break
    }
    return StepOutcome(
      [
        "publication": ["id": .string(r.value.id)], "voucher": .object(v.simpleJSON),
        "customer": .object(try world.customer(customer).simpleJSON),
        "campaign": .object(try world.campaign(campaign).simpleJSON),
      ], r.events)
  }

  /// `redeem`: a voucher (or a promotion tier) on an order of `amount`/`items`.
  mutating func redeem(_ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<Redemption>
    if p.object["promotion_tier"] != nil {
      let tier = try select(&p, "promotion_tier", kind: "promotion tier", from: tierCandidates(), fallback: nil)
      let customer = try self.customer(&p)
      let lines = try lines(&p)
      r = try world.redeemPromotion(tierID: tier, customerID: customer, lines: lines)
    } else {
      let voucher = try self.voucher(&p)
      let holder = try? world.voucher(voucher).holderID
      let customer = try self.customer(&p, fallback: holder ?? "next")
      let lines = try lines(&p)
      r = try world.redeem(voucherID: voucher, customerID: customer, lines: lines)
    }
    return try redemptionOutcome(r)
  }

  /// `referral`: a referral code redeemed by a new customer (the referee), rewarding the referrer.
  mutating func referral(_ p: inout FieldReader) throws -> StepOutcome {
    let code = try select(
      &p, "voucher", kind: "referral code", from: voucherCandidates(.referralProgram),
      fallback: last["referral"] ?? voucherCandidates(.referralProgram).last?.id)
    let holder = try world.voucher(code).holderID
    let others = customerCandidates().filter { $0.id != holder }
    let customer = try select(&p, "customer", kind: "customer", from: others, fallback: "next")
    let lines = try lines(&p)
    return try redemptionOutcome(try world.redeem(voucherID: code, customerID: customer, lines: lines))
  }

  /// The step result of a redemption or rollback.
  mutating func redemptionOutcome(_ r: Emitted<Redemption>) throws -> StepOutcome {
    let red = r.value
    if red.kind == .redemption && red.succeeded { last["redemption"] = red.id }
    if let o = red.orderID { last["order"] = o }
    var primary: JSONObject = [
      "redemption": [
        "id": .string(red.id), "result": red.succeeded ? "SUCCESS" : "FAILURE", "status": .string(red.status),
        "amount": red.amount.map { .int($0) } ?? .null, "discount": .int(red.discount),
        "failure_code": red.failureCode.map { .string($0) } ?? .null,
      ]
    ]
    if let v = red.voucherID { primary["voucher"] = .object(try world.voucher(v).simpleJSON) }
    if let o = red.orderID { primary["order"] = .object(try world.order(o).simpleJSON) }
    return StepOutcome(primary, r.events)
  }

  /// `rollback`: undoes a redemption (default: the latest successful one).
  mutating func rollback(_ p: inout FieldReader) throws -> StepOutcome {
    let id = try select(
      &p, "redemption", kind: "redemption", from: plain(world.redemptions), fallback: last["redemption"])
    let reason = try p.string("reason")
    let r = try world.rollback(redemptionID: id, reason: reason)
    var outcome = try redemptionOutcome(r)
    outcome.primary["rollback"] = outcome.primary["redemption"]
    return outcome
  }

  /// `order_create`, `order_update`, `order_pay`, `order_cancel`.
  mutating func order(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<Order>
    if action == "create" {
      let customer = try self.customer(&p)
      r = try world.createOrder(customerID: customer, lines: try lines(&p))
    } else {
      let candidates = world.orders.map { SelectionCandidate(id: $0.id, aliases: [$0.sourceID].compactMap { $0 }) }
      let id = try select(&p, "order", kind: "order", from: candidates, fallback: last["order"])
      switch action {
      case "update": r = try world.updateOrder(id, lines: try lines(&p))
      case "pay": r = try world.payOrder(id)
      default: r = try world.cancelOrder(id)
      }
    }
    last["order"] = r.value.id
    if let pending = world.pendingPoints.last(where: { $0.order.id == r.value.id }) {
      last["pending_points"] = pending.id
    }
    return StepOutcome(["order": .object(r.value.simpleJSON)], r.events)
  }

  /// Selectable promotion tiers.
  func tierCandidates() -> [SelectionCandidate] { named(world.promotionTiers, kind: "promotion_tier") { $0.name } }
}

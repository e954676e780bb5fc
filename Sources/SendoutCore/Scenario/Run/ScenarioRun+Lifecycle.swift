extension ScenarioRun {
  /// An optional object parameter (metadata).
  func metadata(_ p: inout FieldReader, _ key: String = "metadata") throws(ScenarioError) -> JSONObject? {
    guard let v = p.value(key) else { return nil }
    guard case .object(let o) = v else { throw p.error(key, "expected an object, found \(v.typeName)") }
    return o
  }

  /// `campaign_update`, `campaign_enable`, `campaign_disable`, `campaign_delete`.
  mutating func campaignLifecycle(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let id = try self.campaign(&p, required: true)
    let r: Emitted<Campaign>
    switch action {
    case "update":
      r = try world.updateCampaign(id, description: try p.string("description"), metadata: try metadata(&p) ?? [:])
    case "enable": r = try world.setCampaignActive(id, true)
    case "disable": r = try world.setCampaignActive(id, false)
    default: r = try world.deleteCampaign(id)
    }
    return StepOutcome(["campaign": .object(r.value.simpleJSON)], r.events)
  }

  /// `voucher_create`, `voucher_update`, `voucher_enable`, `voucher_disable`, `voucher_delete`.
  mutating func voucherLifecycle(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<Voucher>
    if action == "create" {
      r = try world.createVoucher(campaignID: try self.campaign(&p, .discountCoupons))
      last["voucher"] = r.value.id
    } else {
      let id = try self.voucher(&p)
      switch action {
      case "update": r = try world.updateVoucher(id, metadata: try metadata(&p) ?? [:])
      case "enable": r = try world.setVoucherActive(id, true)
      case "disable": r = try world.setVoucherActive(id, false)
      default: r = try world.deleteVoucher(id)
      }
    }
    return StepOutcome(["voucher": .object(r.value.simpleJSON)], r.events)
  }

  /// `customer_create`, `customer_update`, `customer_delete`.
  mutating func customerLifecycle(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<Customer>
    switch action {
    case "create":
      let key = try p.string("key")
      r = world.createCustomer(name: try p.string("name"), email: try p.string("email"), metadata: try metadata(&p))
      if let key { keys["customer:" + key] = r.value.id }
    case "update":
      let id = try self.customer(&p, fallback: nil)
      guard let m = try metadata(&p) else { throw p.error("metadata", "is required: an object of metadata to set") }
      r = try world.updateCustomer(id, metadata: m)
    default:
      r = try world.deleteCustomer(try self.customer(&p, fallback: nil))
    }
    last["customer"] = r.value.id
    return StepOutcome(["customer": .object(r.value.simpleJSON)], r.events)
  }

  /// `validation_rule_create` / `_update` / `_delete` / `_assign` / `_unassign`.
  mutating func validationRule(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let rules = named(world.validationRules, kind: "validation_rule") { $0.name }
    switch action {
    case "create":
      let key = try p.string("key")
      let segment =
        p.object["segment"] == nil
        ? nil : try select(&p, "segment", kind: "segment", from: segmentCandidates(), fallback: nil)
      let r = world.createValidationRule(
        name: try p.string("name") ?? "Orders over 50.00",
        minimumOrderAmount: try p.int("minimum_order_amount") ?? 5000, segmentID: segment)
      if let key { keys["validation_rule:" + key] = r.value.id }
      return StepOutcome(["validation_rule": .object(r.value.json)], r.events)
    case "update", "delete":
      let id = try select(&p, "validation_rule", kind: "validation rule", from: rules, fallback: nil)
      let r =
        action == "update"
        ? try world.updateValidationRule(id, minimumOrderAmount: try p.int("minimum_order_amount") ?? 5000)
        : try world.deleteValidationRule(id)
      return StepOutcome(["validation_rule": .object(r.value.json)], r.events)
    case "assign":
      let id = try select(&p, "validation_rule", kind: "validation rule", from: rules, fallback: nil)
      let target: String
      if p.object["campaign"] != nil {
        target = try self.campaign(&p, required: true)
      } else if p.object["promotion_tier"] != nil {
        target = try select(&p, "promotion_tier", kind: "promotion tier", from: tierCandidates(), fallback: nil)
      } else if p.object["earning_rule"] != nil {
        target = try select(
          &p, "earning_rule", kind: "earning rule", from: named(world.earningRules, kind: "earning_rule") { $0.banner },
          fallback: nil)
      } else {
        target = try self.voucher(&p)
      }
      let r = try world.assignValidationRule(id, to: target)
      last["assignment"] = r.value.id
      return StepOutcome(["assignment": .object(r.value.json)], r.events)
    default:
      let id = try select(
        &p, "assignment", kind: "validation rule assignment", from: plain(world.ruleAssignments),
        fallback: last["assignment"])
      let r = try world.unassignValidationRule(id)
      return StepOutcome(["assignment": .object(r.value.json)], r.events)
    }
  }

  /// `promotion_tier_create` / `_update` / `_enable` / `_disable` / `_delete`.
  mutating func promotionTier(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<PromotionTier>
    if action == "create" {
      r = try createPromotionTier(&p, campaignID: try self.campaign(&p, .promotion))
    } else {
      let id = try select(&p, "promotion_tier", kind: "promotion tier", from: tierCandidates(), fallback: nil)
      switch action {
      case "update": r = try world.updatePromotionTier(id, banner: try p.string("banner") ?? "Limited time offer")
      case "enable": r = try world.setPromotionTierActive(id, true)
      case "disable": r = try world.setPromotionTierActive(id, false)
      default: r = try world.deletePromotionTier(id)
      }
    }
    return StepOutcome(["promotion_tier": .object(r.value.simpleJSON)], r.events)
  }

  /// `loyalty_tier_create` / `_update` / `_delete`.
  mutating func loyaltyTier(_ action: String, _ p: inout FieldReader) throws -> StepOutcome {
    let r: Emitted<LoyaltyTier>
    if action == "create" {
      r = try createLoyaltyTier(&p, campaignID: try self.campaign(&p, .loyaltyProgram))
    } else {
      let tiers = named(world.loyaltyTiers, kind: "loyalty_tier") { $0.name }
      let id = try select(&p, "loyalty_tier", kind: "loyalty tier", from: tiers, fallback: nil)
      r =
        action == "update"
        ? try world.updateLoyaltyTier(id, name: try p.string("name") ?? "Renamed tier")
        : try world.deleteLoyaltyTier(id)
    }
    return StepOutcome(["loyalty_tier": .object(r.value.referenceJSON)], r.events)
  }

  /// Selectable segments.
  func segmentCandidates() -> [SelectionCandidate] { named(world.segments, kind: "segment") { $0.name } }
}

import SendoutCore

/// Campaigns created and changed through the mock API: create (with its codes), update, enable, disable, delete,
/// and codes added to a campaign. Each applies the world operation a scenario step would, so the webhooks match.
enum APICampaignWrites {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-campaign": create, "update-campaign": update, "enable-campaign": enable, "disable-campaign": disable,
    "delete-campaign": delete, "add-vouchers-to-campaign": addVouchers,
    "add-voucher-with-specific-code-to-campaign": addVoucherWithCode,
  ]

  private static let key = "invalid_campaign_params"

  /// `POST /v1/campaigns`: `name` required, `campaign_type` inferred when absent (`campaignType`); `vouchers_count`
  /// codes drawn from
  /// `voucher.code_config`; `voucher.discount` / `voucher.gift.amount` / `voucher.loyalty_card.points` /
  /// `voucher.redemption.quantity`; a promotion's `promotion.tiers`; `validation_rules` (a rule id, assigned).
  /// Emits `campaign.created`, `business_validation_rule.assignment.created` per rule,
  /// `campaign.vouchers.generation.completed` when codes were made, and `campaign.promotion_tier.created` per tier.
  static func create(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try create(request, &world, as: nil)
  }

  /// `create(_:_:)` for a campaign of type `forced` (the `/v1/loyalties` form), or of the body's type when `nil`.
  static func create(_ request: APIRequest, _ world: inout World, as forced: CampaignType?) throws(VoucherifyError)
    -> APIAnswer
  {
    let name = try request.required("name", errorKey: key)
    let type: CampaignType
    if let forced { type = forced } else { type = try campaignType(request) }
    if world.campaign(named: name) != nil {
      throw .duplicateFound("campaign", name, "A campaign named '\(name)' already exists")
    }
    var spec = CampaignSpec(type: type, name: name)
    spec.vouchersCount = request.int(at: "vouchers_count") ?? 0
    guard (0...CodeConfig.maxCodesPerCampaign).contains(spec.vouchersCount),
      type != .promotion || spec.vouchersCount == 0
    else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid campaign params",
        details:
          "`vouchers_count` must be from 0 to \(CodeConfig.maxCodesPerCampaign) (0 for a promotion), got \(spec.vouchersCount)"
      )
    }
    spec.description = request.string(at: "description")
    spec.metadata = request.object(at: "metadata") ?? [:]
    readSettings(request, into: &spec)
    spec.startDate = try request.time(at: "start_date", errorKey: key)
    spec.expirationDate = try request.time(at: "expiration_date", errorKey: key)
    spec.codeConfig = try codeConfig(request)
    if let config = spec.codeConfig { try checkRoom(config, for: spec.vouchersCount, after: 0) }
    spec.discount = try APIDiscount.parse(request, at: "voucher.discount", errorKey: key)
    spec.giftAmount = try request.int(at: "voucher.gift.amount", errorKey: key)
    spec.loyaltyPoints = request.int(at: "voucher.loyalty_card.points")
    spec.redemptionQuantity = request.int(at: "voucher.redemption.quantity")
    let tiers = try promotionTiers(request, type: type)
    let rules = try APIValidationRules.named(request, in: world)
    let created = try world.createCampaign(spec, channel: .api)
    var events = created.events
    for rule in rules { events += try world.assignValidationRule(rule, to: created.value.id, channel: .api).events }
    for (tierName, discount) in tiers {
      events += try world.createPromotionTier(
        campaignID: created.value.id, name: tierName, discount: discount, channel: .api
      ).events
    }
    return APIAnswer(body: .object(try APIEndpoints.campaign(created.value.id, in: world).restJSON), events: events)
  }

  /// `campaign_type`, optional in the spec; when absent, inferred as Voucherify does from what the body describes: a
  /// `promotion` is a `PROMOTION`, a `referral_program` a `REFERRAL_PROGRAM`, else `voucher.type` decides
  /// (`GIFT_VOUCHER` → `GIFT_VOUCHERS`, `LOYALTY_CARD` → `LOYALTY_PROGRAM`, `DISCOUNT_VOUCHER` or none →
  /// `DISCOUNT_COUPONS`).
  private static func campaignType(_ request: APIRequest) throws(VoucherifyError) -> CampaignType {
    if let given = try request.choice(at: "campaign_type", CampaignType.allCases.map(\.rawValue), errorKey: key) {
      return CampaignType(rawValue: given) ?? .discountCoupons
    }
    if request.object(at: "promotion") != nil { return .promotion }
    if request.object(at: "referral_program") != nil { return .referralProgram }
    return CampaignType.allCases.first { $0.voucherType == request.string(at: "voucher.type") } ?? .discountCoupons
  }

  /// `PUT /v1/campaigns/{campaignId}`: changes what `edit(_:)` reads (`metadata` merged); emits `campaign.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.campaign(request.parameter("campaignId"), in: world).id
    var edit = edit(request)
    edit.startDate = try request.time(at: "start_date", errorKey: key)
    edit.expirationDate = try request.time(at: "expiration_date", errorKey: key)
    let updated = try world.updateCampaign(id, edit, channel: .api)
    return APIAnswer(body: .object(updated.value.restJSON), events: updated.events)
  }

  /// `POST /v1/campaigns/{campaignId}/enable`: `{}` (the spec's body); emits `campaign.enabled`.
  static func enable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST /v1/campaigns/{campaignId}/disable`: `{}`; emits `campaign.disabled`.
  static func disable(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  /// `DELETE /v1/campaigns/{campaignId}[?force=true]`: 202 with the deletion's `async_action_id`; the campaign and
  /// its codes are gone at once. Emits `campaign.deleted`.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    let force = request.flag("force")
    let deleted = try world.deleteCampaign(campaign.id, force: force, channel: .api)
    let action = world.recordAsyncAction(
      type: "CAMPAIGN.VOUCHERS_DELETE",
      result: [
        "message": .string("Deleted \(campaign.vouchersCount) vouchers."), "done_count": .int(campaign.vouchersCount),
      ], requestID: request.requestID)
    return APIAnswer(body: ["async_action_id": .string(action.id)], events: deleted.events)
  }

  /// `POST /v1/campaigns/{campaignId}/vouchers[?vouchers_count=N]`: one code answers 200 with the voucher
  /// (`campaign.vouchers.added`); more answer 202 with an `async_action_id` and generate them
  /// (`campaign.vouchers.generation.started`/`completed`). A body `code` is that code.
  static func addVouchers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    let count = try APIEndpoints.pageParameter(
      request, "vouchers_count", default: 1, range: 1...CodeConfig.maxCodesPerCampaign)
    if count == 1, let code = request.string(at: "code") {
      return try APIVoucherWrites.create(request, &world, code: code, campaignID: campaign.id)
    }
    guard campaign.campaignType != .promotion else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid campaign params",
        details: "campaign '\(campaign.name)' is a promotion: it has tiers, not codes")
    }
    try checkRoom(campaign.codeConfig, for: count, after: campaign.vouchersCount)
    if count == 1 {
      let added = try world.addVouchers(campaignID: campaign.id, count: 1, channel: .api)
      return APIAnswer(body: .object(added.value.first?.fullJSON ?? [:]), events: added.events)
    }
    let generated = try world.generateVouchers(campaignID: campaign.id, count: count, channel: .api)
    let action = world.recordAsyncAction(
      type: "CAMPAIGN.VOUCHERS_GENERATE",
      result: ["message": .string("Generated \(count) vouchers."), "done_count": .int(count)],
      requestID: request.requestID)
    return APIAnswer(body: ["async_action_id": .string(action.id)], status: 202, events: generated.events)
  }

  /// `POST /v1/campaigns/{campaignId}/vouchers/{code}`: a code of your own in the campaign; emits `voucher.created`.
  static func addVoucherWithCode(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    return try APIVoucherWrites.create(request, &world, code: request.parameter("code"), campaignID: campaign.id)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(VoucherifyError)
    -> APIAnswer
  {
    let id = try APIEndpoints.campaign(request.parameter("campaignId"), in: world).id
    let changed = try world.setCampaignActive(id, active, channel: .api)
    return APIAnswer(body: [:], events: changed.events)
  }

  /// Refuses `count` more codes in a campaign that has `existing`: past Voucherify's 100,000 codes per campaign, or
  /// more than `config` can make (drawing codes from a spent pattern would take ever longer), before any is made.
  private static func checkRoom(_ config: CodeConfig, for count: Int, after existing: Int) throws(VoucherifyError) {
    guard existing + count <= CodeConfig.maxCodesPerCampaign else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid campaign params",
        details:
          "`vouchers_count` \(count) would give the campaign \(existing + count) codes; a campaign holds at most "
          + "\(CodeConfig.maxCodesPerCampaign)")
    }
    guard config.codeSpace >= existing + count else {
      throw VoucherifyError(
        status: 400, key: "invalid_code_config", message: "Invalid code config",
        details:
          "`voucher.code_config` can make \(config.codeSpace) codes, fewer than the \(existing + count) asked for")
    }
  }

  /// `voucher.code_config`: `pattern`, or `length` `#`s; `charset`, `prefix`, `postfix`. Sizes past
  /// `CodeConfig`'s limits are refused before a code is drawn.
  private static func codeConfig(_ request: APIRequest) throws(VoucherifyError) -> CodeConfig? {
    let path = "voucher.code_config"
    guard request.object(at: path) != nil else { return nil }
    let length = try request.int(at: "\(path).length", errorKey: key)
    if let length, length > CodeConfig.maxPatternLength {
      throw invalidCodeConfig("`\(path).length` is \(length); the limit is \(CodeConfig.maxPatternLength)")
    }
    let pattern =
      request.string(at: "\(path).pattern")
      ?? length.map { String(repeating: "#", count: max(0, $0)) }
    let charset = request.string(at: "\(path).charset") ?? CodeConfig.alphanumeric
    guard let pattern, pattern.contains("#"), !charset.isEmpty else {
      throw invalidCodeConfig(
        "`\(path)` needs a `pattern` with at least one # (or a positive `length`) and a non-empty `charset`")
    }
    let config = CodeConfig(
      pattern: pattern, charset: charset, prefix: request.string(at: "\(path).prefix") ?? "",
      postfix: request.string(at: "\(path).postfix") ?? "")
    if let (field, reason) = config.limitViolation { throw invalidCodeConfig("`\(path).\(field)` \(reason)") }
    return config
  }

  private static func invalidCodeConfig(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_code_config", message: "Invalid code config", details: details)
  }

  /// A promotion's `promotion.tiers`: each `name` and `action.discount`.
  private static func promotionTiers(_ request: APIRequest, type: CampaignType) throws(VoucherifyError)
    -> [(String, Discount)]
  {
    guard let tiers = request.array(at: "promotion.tiers") else { return [] }
    guard type == .promotion else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid campaign params",
        details: "`promotion.tiers` is only for campaign_type PROMOTION")
    }
    var out: [(String, Discount)] = []
    for i in tiers.indices {
      let name = try request.required("promotion.tiers.\(i).name", errorKey: key)
      guard let discount = try APIDiscount.parse(request, at: "promotion.tiers.\(i).action.discount", errorKey: key)
      else {
        throw VoucherifyError(
          status: 400, key: key, message: "Invalid campaign params",
          details: "`promotion.tiers.\(i).action.discount` is required")
      }
      out.append((name, discount))
    }
    return out
  }
}

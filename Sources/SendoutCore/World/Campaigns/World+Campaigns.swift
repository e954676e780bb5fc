extension World {
  /// Creates a campaign (and its first codes); emits `campaign.created`, then
  /// `campaign.vouchers.generation.completed` when codes were generated.
  public mutating func createCampaign(_ spec: CampaignSpec, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    if let amount = spec.giftAmount { try AmountLimits.check(amount, "a gift card's amount") }
    if let points = spec.loyaltyPoints { try AmountLimits.check(points, "a loyalty card's initial points") }
    if let id = spec.options.categoryID, categories[id: id] == nil {
      throw VoucherifyError.notFound("category", id: id)
    }
    begin(channel)
    let season = rng.pick(WordLists.seasons)
    let year = String(now.iso8601.prefix(4))
    let defaults: (String, String, CodeConfig) =
      switch spec.type {
      case .discountCoupons:
        (
          "\(season) Discounts \(year)", "\(season) \(year) discount",
          CodeConfig(pattern: "###", prefix: "\(season.uppercased())-\(year)-")
        )
      case .giftVouchers:
        ("Gift Cards \(year)", "Store gift cards", CodeConfig(pattern: "GIFT-####-####", charset: CodeConfig.readable))
      case .loyaltyProgram:
        (
          "Loyalty Program", "Earn points on every order",
          CodeConfig(pattern: "LOY-#####", charset: CodeConfig.readable)
        )
      case .referralProgram:
        ("Refer a Friend", "Give 10, get 10", CodeConfig(pattern: "########", charset: "0123456789", prefix: "Refer-"))
      case .promotion: ("\(season) Cart Promotion", "Automatic cart discounts", CodeConfig(pattern: ""))
      }
    let category: Category
    if let id = spec.options.categoryID, let given = categories[id: id] {
      category = given
    } else if let name = spec.options.categoryName {
      category = self.category(named: name)
    } else {
      category = categories.isEmpty ? addCategory(name: WordLists.categories[0]) : rng.pick(categories)
    }
    let start = spec.startDate ?? now.adding(days: -rng.int(in: 1...10))
    var c = Campaign(
      id: make(.campaign), name: spec.name ?? defaults.0, description: spec.description ?? defaults.1,
      campaignType: spec.type, codeConfig: spec.codeConfig ?? defaults.2, category: category,
      metadata: spec.metadata ?? ["region": .string(rng.pick(WordLists.regions))], startDate: start,
      expirationDate: spec.expirationDate ?? start.adding(days: 180), createdAt: now)
    switch spec.type {
    case .discountCoupons:
      c.discount = spec.discount ?? .percent(off: 10, amountLimit: 3000, formula: "IF(ORDER_AMOUNT > 150;15;10)")
    case .referralProgram:
      c.discount = spec.discount ?? .amount(off: 1000)
      c.referrerRewardCredits = 1000
    case .giftVouchers: c.giftAmount = spec.giftAmount ?? 5000
    case .loyaltyProgram: c.loyaltyPoints = spec.loyaltyPoints ?? 0
    case .promotion: break
    }
    c.redemptionQuantity = spec.redemptionQuantity ?? (spec.type == .discountCoupons ? 1 : nil)
    c.autoJoin = spec.options.autoJoin ?? (spec.type == .loyaltyProgram)
    c.joinOnce = spec.options.joinOnce ?? (spec.type == .loyaltyProgram || spec.type == .referralProgram)
    if let generation = spec.options.generation { c.type = generation }
    c.settings = spec.options.settings
    c.valueSettings = spec.valueSettings
    campaigns.append(c)
    emit("campaign.created", entity: c.id, ["campaign": .object(c.fullJSON), "created_at": .time(now)])
    if spec.vouchersCount > 0 {
      for _ in 0..<spec.vouchersCount { _ = try generateVoucher(campaignID: c.id) }
      let ci = try position(in: campaigns, c.id, "campaign")
      campaigns[ci].updatedAt = now  // the generation updates the campaign (its vouchers_count)
      emit(
        "campaign.vouchers.generation.completed", entity: c.id,
        ["count": .int(spec.vouchersCount), "campaign": .object(campaigns[ci].simpleJSON), "completed_at": .time(now)])
    }
    return finish(try self.campaign(c.id))
  }

  /// Random draws for a unique code before `generateVoucher` numbers a drawn one instead.
  static let maxCodeDraws = 1000

  /// A new code in a campaign, without events (generation and publication report it themselves).
  mutating func generateVoucher(campaignID: String) throws(VoucherifyError) -> Voucher {
    tick()
    let ci = try position(in: campaigns, campaignID, "campaign")
    let config = campaigns[ci].codeConfig
    var code = config.generate(using: &rng)
    var draws = 1
    let space = config.codeSpace
    let maxDraws = space < World.maxCodeDraws / 4 ? max(16, space * 4) : World.maxCodeDraws
    while codeExists(code) {
      // A pattern space too small for every code (shared with other campaigns, or published beyond it):
      // after enough draws, number the code instead of drawing forever. Scenarios check the space up front.
      if draws >= maxDraws {
        var n = vouchers.count + 1
        while codeExists("\(code)-\(n)") { n += 1 }
        code = "\(code)-\(n)"
        break
      }
      code = config.generate(using: &rng)
      draws += 1
    }
    let v = Voucher(
      id: make(.voucher), code: code, campaign: campaigns[ci], createdAt: now, assets: (make(.asset), make(.asset)))
    addVoucher(v)
    campaigns[ci].vouchersCount += 1
    return v
  }

  /// Changes a campaign's description or metadata; emits `campaign.updated`.
  public mutating func updateCampaign(
    _ id: String, description: String? = nil, metadata: JSONObject = [:], channel: EventChannel = .userPortal
  ) throws(VoucherifyError) -> Emitted<Campaign> {
    var edit = CampaignEdit()
    edit.description = description
    edit.metadata = metadata
    return try updateCampaign(id, edit, channel: channel)
  }

  /// Enables or disables a campaign; emits `campaign.enabled` / `campaign.disabled`.
  public mutating func setCampaignActive(_ id: String, _ active: Bool, channel: EventChannel = .userPortal)
    throws(VoucherifyError) -> Emitted<Campaign>
  {
    let i = try position(in: campaigns, id, "campaign")
    begin(channel)
    campaigns[i].active = active
    campaigns[i].updatedAt = now
    emit(active ? "campaign.enabled" : "campaign.disabled", entity: id, ["campaign": .object(campaigns[i].fullJSON)])
    return finish(campaigns[i])
  }

  /// Deletes a campaign; emits `campaign.deleted`.
  public mutating func deleteCampaign(_ id: String, channel: EventChannel = .userPortal) throws(VoucherifyError)
    -> Emitted<Campaign>
  {
    let i = try position(in: campaigns, id, "campaign")
    begin(channel)
    campaigns[i].deleted = true
    campaigns[i].active = false
    campaigns[i].updatedAt = now
    emit("campaign.deleted", entity: id, ["campaign": .object(campaigns[i].fullJSON), "deleted_at": .time(now)])
    return finish(campaigns[i])
  }
}

extension World {
  /// A template of `source`'s setup as it is now (id, name and time still to set): a discount or gift card
  /// campaign's type, description, metadata and voucher definition, or a promotion tier's discount, metadata and
  /// banner as a `DISCOUNT_COUPONS` campaign; with the validation rules assigned to it.
  func templateSetup(_ source: TemplateSource) throws(VoucherifyError) -> CampaignTemplate {
    switch source {
    case .campaign(let id):
      let campaign = try self.campaign(id)
      guard campaign.campaignType == .discountCoupons || campaign.campaignType == .giftVouchers else {
        throw .invalidPayload(
          "`campaign_id` names a \(campaign.campaignType.rawValue) campaign; templates are made from "
            + "DISCOUNT_COUPONS or GIFT_VOUCHERS campaigns")
      }
      var voucher: JSONObject = ["type": .string(campaign.campaignType.voucherType)]
      for member in campaign.valueMembers { voucher[member.key] = member.value }
      voucher["redemption"] = ["quantity": campaign.redemptionQuantity.map(JSON.int) ?? .null]
      voucher["code_config"] = .object(campaign.codeConfig.json)
      let setup: JSONObject = [
        "campaign_type": .string(campaign.campaignType.rawValue), "description": .string(campaign.description),
        "metadata": .object(campaign.metadata), "voucher": .object(voucher),
      ]
      return template(campaign.campaignType, campaign.id, setup, banner: nil)
    case .promotionTier(let id):
      let tier = try entity(in: promotionTiers, id, "promotion_tier")
      let setup: JSONObject = [
        "campaign_type": .string(CampaignType.discountCoupons.rawValue), "metadata": .object(tier.metadata),
        "voucher": [
          "type": .string(CampaignType.discountCoupons.voucherType), "discount": .object(tier.discount.json),
        ],
      ]
      return template(.discountCoupons, tier.id, setup, banner: tier.banner)
    }
  }

  /// Copies template `id` of project `from` (`nil`: the served one) into project `to` as `name` (no event): the
  /// copy keeps the setup and rules, made in the destination when the copy is used.
  public mutating func copyCampaignTemplate(
    _ id: String, from source: String?, to destination: String, name: String, description: String?
  ) throws(VoucherifyError) -> CampaignTemplate {
    let found =
      source == nil
      ? campaignTemplates[id: id]
      : foreignTemplates[id: id].flatMap {
        $0.projectID == source ? $0 : nil
      }
    guard let original = found else { throw .notFound("campaign_template", id: id) }
    let target = try entity(in: projects, destination, "project")
    let projectID = target.served ? nil : target.id
    try checkTemplateName(name, except: nil, in: projectID)
    tick()
    var copy = original
    copy.id = make(.campaignTemplate)
    copy.name = name
    copy.description = description ?? original.description
    copy.createdAt = now
    copy.updatedAt = nil
    copy.projectID = projectID
    if projectID == nil { campaignTemplates.append(copy) } else { foreignTemplates.append(copy) }
    return copy
  }

  /// A new validation rule like `rule` (a template's rule made for a campaign or tier made from it); emits
  /// `business_validation_rule.created`.
  public mutating func copyValidationRule(_ rule: ValidationRule, channel: EventChannel) -> Emitted<ValidationRule> {
    var copy = rule
    copy.updatedAt = nil
    copy.deleted = false
    return insertValidationRule(copy, channel: channel)
  }

  private func template(_ type: CampaignType, _ sourceID: String, _ setup: JSONObject, banner: String?)
    -> CampaignTemplate
  {
    var made = CampaignTemplate(
      id: "", name: "", description: nil, campaignType: type, sourceID: sourceID, createdAt: now)
    made.setup = setup
    made.banner = banner
    made.rules = ruleAssignments.members(.related, sourceID).compactMap { validationRules[id: $0.ruleID] }
    return made
  }
}

extension World {
  /// What a campaign template is made from: a campaign's id or a promotion tier's.
  public enum TemplateSource: Sendable {
    /// A discount or gift card campaign.
    case campaign(String)
    /// A promotion tier (the template is a `DISCOUNT_COUPONS` one).
    case promotionTier(String)
  }

  /// Creates a campaign template from a discount or gift card campaign, or a promotion tier (no event). A name
  /// already taken, or a campaign of another type, is Voucherify's 400.
  public mutating func createCampaignTemplate(name: String, description: String?, from source: TemplateSource)
    throws(VoucherifyError) -> CampaignTemplate
  {
    try checkTemplateName(name, except: nil)
    var template = try templateSetup(source)
    tick()
    template.id = make(.campaignTemplate)
    template.name = name
    template.description = description
    template.createdAt = now
    campaignTemplates.append(template)
    return template
  }

  /// Renames or redescribes a campaign template (no event).
  public mutating func updateCampaignTemplate(_ id: String, name: String?, description: String?)
    throws(VoucherifyError) -> CampaignTemplate
  {
    let i = try position(in: campaignTemplates, id, "campaign_template")
    if let name { try checkTemplateName(name, except: id) }
    tick()
    if let name { campaignTemplates[i].name = name }
    if let description { campaignTemplates[i].description = description }
    campaignTemplates[i].updatedAt = now
    return campaignTemplates[i]
  }

  /// Deletes a campaign template (no event).
  @discardableResult
  public mutating func deleteCampaignTemplate(_ id: String) throws(VoucherifyError) -> CampaignTemplate {
    try remove(id, from: \.campaignTemplates, "campaign_template")
  }

  /// A template name must be unique in the project (`projectID`: another than the served one).
  func checkTemplateName(_ name: String, except id: String?, in projectID: String? = nil) throws(VoucherifyError) {
    let taken =
      projectID.map { p in foreignTemplates.contains { $0.projectID == p && $0.name == name } }
      ?? campaignTemplates.contains { $0.name == name && $0.id != id }
    if taken {
      throw .invalidPayload("`name` '\(name)' is taken by another campaign template; names are unique")
    }
  }
}

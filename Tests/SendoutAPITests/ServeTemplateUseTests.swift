import SendoutAPI
import SendoutCore
import Testing

/// Campaign templates keep the setup they were made from: a campaign made from one has the source's type, discount,
/// code pattern, redemption limit, description and metadata, and a new copy of its validation rules, with the
/// webhooks a campaign creation sends; a tier made from a tier's template has its discount. The Management API copies
/// a template into another project.
@Suite struct ServeTemplateUseTests {
  static let source = """
    {"name":"Winter","campaign_type":"DISCOUNT_COUPONS","description":"Winter sale","metadata":{"season":"winter"},
     "validation_rules":["{rule}"],"voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT","percent_off":15},
     "redemption":{"quantity":3},"code_config":{"pattern":"WIN-####","charset":"0123456789"}}}
    """

  /// A served mock with the campaign `source` and a template of it; the template's id and the rule's.
  static func template(_ server: InProcessAPI) throws -> (template: String, rule: String) {
    let rule = try server.makeRule(#"{"1":{"name":"order.amount","conditions":{"$more_than":[5000]}}}"#)
    let (made, campaign) = try server.send(
      "POST", "/v1/campaigns", body: Self.source.replacingOccurrences(of: "{rule}", with: rule))
    #expect(made == 200, "\(campaign)")
    let (status, template) = try server.send(
      "POST", "/v1/templates/campaigns", body: #"{"name":"Winter template","campaign_id":"Winter"}"#)
    #expect(status == 200, "\(template)")
    return (try #require(template["id"]?.stringValue), rule)
  }

  @Test func aCampaignFromATemplateHasTheSourcesSetup() throws {
    let server = try InProcessAPI.served()
    let (template, rule) = try Self.template(server)
    // A change of the source after the template was made is not the template's.
    _ = try server.send("PUT", "/v1/campaigns/Winter", body: #"{"description":"changed"}"#)
    let before = server.sendouts.count
    let (status, setup) = try server.send(
      "POST", "/v1/templates/campaigns/\(template)/campaign-setup", body: #"{"name":"Winter again"}"#)
    #expect(status == 200 && setup["object"] == "campaign_setup", "\(setup)")
    let (_, original) = try server.send("GET", "/v1/campaigns/Winter")
    let campaign = try #require(setup["campaign"])
    #expect(campaign["name"] == "Winter again" && campaign["id"] != original["id"])
    for path in ["campaign_type", "metadata", "voucher.discount", "voucher.redemption.quantity", "voucher.code_config"]
    {
      #expect(campaign.value(atPath: path) == original.value(atPath: path), "\(path): \(campaign)")
    }
    #expect(campaign["description"] == "Winter sale", "the setup as it was when the template was made")
    let copied = try #require(setup.value(atPath: "created_resources.0.id")?.stringValue, "\(setup)")
    #expect(copied != rule && setup.value(atPath: "created_resources.0.object") == "validation_rules")
    let rules = server.read { w in (w.validationRules[id: copied]?.rules, w.validationRules[id: rule]?.rules) }
    #expect(rules.0 != nil && rules.0 == rules.1, "a new rule like the template's")
    let made = campaign["id"]?.stringValue
    let assigned = server.read { w in w.ruleAssignments.filter { $0.relatedObjectID == made }.map(\.ruleID) }
    #expect(assigned == [copied])
    let types = server.sendouts[before...].map(\.eventType)
    #expect(types.contains("campaign.created") && types.contains("business_validation_rule.created"), "\(types)")
  }

  @Test func theRequestsFieldsReplaceTheTemplates() throws {
    let server = try InProcessAPI.served()
    let (template, _) = try Self.template(server)
    let (status, setup) = try server.send(
      "POST", "/v1/templates/campaigns/\(template)/campaign-setup",
      body: #"{"name":"Spring","description":"Spring sale","voucher":{"redemption":{"quantity":9}}}"#)
    #expect(status == 200, "\(setup)")
    #expect(setup.value(atPath: "campaign.description") == "Spring sale")
    #expect(setup.value(atPath: "campaign.voucher.redemption.quantity") == 9)
    #expect(setup.value(atPath: "campaign.voucher.code_config.pattern") == "WIN-####", "the rest is the template's")
  }

  @Test func aTierFromATiersTemplateHasItsDiscount() throws {
    let server = try InProcessAPI.served()
    let (tier, promotion) = try #require(server.read { w in w.promotionTiers.first.map { ($0, $0.campaignID) } })
    let (_, template) = try server.send(
      "POST", "/v1/templates/campaigns", body: #"{"name":"Tier template","promotion_tier_id":"\#(tier.id)"}"#)
    let id = try #require(template["id"]?.stringValue, "\(template)")
    let (status, setup) = try server.send(
      "POST", "/v1/templates/campaigns/\(id)/tier-setup", body: #"{"name":"Copied tier","campaign_id":"\#(promotion)"}"#
    )
    #expect(status == 200 && setup["object"] == "promotion_tier_setup", "\(setup)")
    let made = try #require(setup.value(atPath: "promotion_tier.id")?.stringValue)
    let discounts = server.read { w in (w.promotionTiers[id: made]?.discount, w.promotionTiers[id: tier.id]?.discount) }
    #expect(discounts.0 != nil && discounts.0 == discounts.1)
    #expect(setup.value(atPath: "promotion_tier.name") == "Copied tier")
    #expect(server.sendouts.map(\.eventType).contains("campaign.promotion_tier.created"), "the creation's webhook")
  }

  @Test func refusalsNameTheTemplateOrTheField() throws {
    let server = try InProcessAPI.served()
    let (template, _) = try Self.template(server)
    let promotion = try #require(server.read { $0.firstCampaign(.promotion)?.id })
    let gift = try #require(server.read { $0.firstCampaign(.giftVouchers)?.id })
    let (_, giftTemplate) = try server.send(
      "POST", "/v1/templates/campaigns", body: #"{"name":"Gift template","campaign_id":"\#(gift)"}"#)
    let giftID = try #require(giftTemplate["id"]?.stringValue)
    let base = "/v1/templates/campaigns"
    try server.expectRefusals([
      ("POST", "\(base)/camp_tpl_nope/campaign-setup", #"{"name":"x"}"#, 404, "not_found", "camp_tpl_nope"),
      ("POST", "\(base)/\(template)/campaign-setup", #"{"description":"x"}"#, 400, "invalid_payload", "`name`"),
      ("POST", "\(base)/\(template)/campaign-setup", #"{"name":"Winter"}"#, 409, "duplicate_found", "Winter"),
      ("POST", "\(base)/\(template)/tier-setup", #"{"name":"x"}"#, 400, "invalid_payload", "`campaign_id`"),
      (
        "POST", "\(base)/\(template)/tier-setup", #"{"campaign_id":"\#(promotion)"}"#, 400, "invalid_payload",
        "`name`"
      ),
      (
        "POST", "\(base)/\(template)/tier-setup", #"{"name":"x","campaign_id":"camp_nope"}"#, 404, "not_found",
        "camp_nope"
      ),
      (
        "POST", "\(base)/\(giftID)/tier-setup", #"{"name":"x","campaign_id":"\#(promotion)"}"#, 400,
        "invalid_payload", "DISCOUNT_COUPONS"
      ),
    ])
  }

  @Test func theManagementAPICopiesATemplateIntoAnotherProject() throws {
    let server = try InProcessAPI.served()
    let (template, _) = try Self.template(server)
    let other = try ServeProjectTests.created(server)
    let management = "/management/v1/projects"
    let (status, copy) = try server.send(
      "POST", "\(management)/\(server.projectID)/templates/campaigns/\(template)/copy",
      body: #"{"name":"Winter EU","destination_project_id":"\#(other)"}"#)
    #expect(status == 200 && copy["name"] == "Winter EU" && copy["campaign_type"] == "DISCOUNT_COUPONS", "\(copy)")
    let copyID = try #require(copy["id"]?.stringValue)
    let (_, there) = try server.send("GET", "\(management)/\(other)/templates/campaigns")
    #expect(there["campaign_templates"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [copyID], "\(there)")
    let (_, here) = try server.send("GET", "\(management)/\(server.projectID)/templates/campaigns")
    #expect(here["campaign_templates"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [template], "\(here)")
    // Back into the served project: usable there, with the setup it kept.
    let (_, back) = try server.send(
      "POST", "\(management)/\(other)/templates/campaigns/\(copyID)/copy",
      body: #"{"name":"Winter back","destination_project_id":"\#(server.projectID)"}"#)
    let backID = try #require(back["id"]?.stringValue, "\(back)")
    let (made, setup) = try server.send(
      "POST", "/v1/templates/campaigns/\(backID)/campaign-setup", body: #"{"name":"Winter 2"}"#)
    #expect(made == 200 && setup.value(atPath: "campaign.voucher.discount.percent_off") == 15, "\(setup)")
    try server.expectRefusals([
      (
        "POST", "\(management)/\(server.projectID)/templates/campaigns/\(template)/copy",
        #"{"name":"x","destination_project_id":"proj_nope"}"#, 404, "not_found", "proj_nope"
      ),
      (
        "POST", "\(management)/\(server.projectID)/templates/campaigns/\(template)/copy",
        #"{"name":"Winter EU","destination_project_id":"\#(other)"}"#, 400, "invalid_payload", "`name`"
      ),
      (
        "POST", "\(management)/\(server.projectID)/templates/campaigns/\(template)/copy",
        #"{"destination_project_id":"\#(other)"}"#, 400, "invalid_payload", "`name`"
      ),
      (
        "POST", "\(management)/\(other)/templates/campaigns/\(template)/copy",
        #"{"name":"y","destination_project_id":"\#(other)"}"#, 404, "not_found", template
      ),
    ])
  }
}

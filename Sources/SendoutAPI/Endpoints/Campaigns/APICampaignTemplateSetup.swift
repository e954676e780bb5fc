import SendoutCore

/// Setting up from a campaign template (`/v1/templates/campaigns/{campaignTemplateId}/…`): a campaign
/// (`campaign-setup`) or a promotion tier added to a promotion (`tier-setup`) with the setup the template kept, the
/// request's fields over it. Each of the template's validation rules is created anew for what is made, as Voucherify
/// does (`created_resources`); the creation is the one `create-campaign` and `add-promotion-tier-to-campaign` make, so
/// the webhooks are theirs.
enum APICampaignTemplateSetup {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-campaign-from-template": campaign, "add-tier-from-template": tier,
  ]

  private static let key = VoucherifyError.invalidPayloadKey

  /// `POST …/campaign-setup`: `name` required; the other fields of a campaign creation (and `voucher.code_config`,
  /// `voucher.redemption`) replace the template's.
  static func campaign(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let template = try APICampaignTemplates.resource.entity(request, world)
    let name = try request.required("name", errorKey: key)
    if world.campaign(named: name) != nil {
      throw .duplicateFound("campaign", name, "A campaign named '\(name)' already exists")
    }
    var body = template.setup
    for member in given(request) where member.key != "voucher" { body[member.key] = member.value }
    if let voucher = request.object(at: "voucher") {
      body["voucher"] = .object(merged(voucher, into: body["voucher"]?.objectValue ?? [:]))
    }
    let rules = copies(of: template, in: &world)
    body["validation_rules"] = .array(rules.created.map { $0["id"] ?? .null })
    let made = try APICampaignWrites.create(
      APIRequest(operation: request.operation, parameters: [:], query: [:], body: .object(body)), &world)
    return APIAnswer(
      body: ["created_resources": .array(rules.created), "campaign": made.body, "object": "campaign_setup"],
      events: rules.events + made.events)
  }

  /// `POST …/tier-setup`: `campaign_id` (a promotion) and `name` required; a discount template's discount is the
  /// tier's action, its banner and metadata the tier's unless the request gives them.
  static func tier(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let template = try APICampaignTemplates.resource.entity(request, world)
    let campaignID = try request.required("campaign_id", errorKey: key)
    let name = try request.required("name", errorKey: key)
    guard template.campaignType == .discountCoupons, let discount = template.setup["voucher"]?["discount"] else {
      throw .invalidPayload(
        "template '\(template.id)' is a \(template.campaignType.rawValue) template; a promotion tier is made from a "
          + "DISCOUNT_COUPONS template")
    }
    var body: JSONObject = ["name": .string(name), "action": ["discount": discount]]
    body["banner"] = template.banner.map(JSON.string)
    body["metadata"] = template.setup["metadata"]
    for member in given(request) where member.key != "campaign_id" && member.key != "action" {
      body[member.key] = member.value
    }
    let made = try APIPromotionTiers.create(
      APIRequest(
        operation: request.operation, parameters: ["campaignId": campaignID], query: [:], body: .object(body)),
      &world)
    let rules = copies(of: template, in: &world)
    var events = made.events + rules.events
    for rule in rules.created {
      events += try world.assignValidationRule(rule["id"]?.stringValue ?? "", to: made.value.id, channel: .api).events
    }
    let tier = made.value.fullJSON(campaign: try world.campaign(made.value.campaignID))
    return APIAnswer(
      body: [
        "created_resources": .array(rules.created), "promotion_tier": .object(tier), "object": "promotion_tier_setup",
      ],
      events: events)
  }

  /// The request's fields with a value (`validation_rules` apart: a template's rules are copied, never named).
  private static func given(_ request: APIRequest) -> [JSONMember] {
    (request.body.objectValue?.members ?? []).filter { $0.key != "validation_rules" && $0.value != .null }
  }

  /// `base` with each field of `fields` set.
  private static func merged(_ fields: JSONObject, into base: JSONObject) -> JSONObject {
    var result = base
    for member in fields.members where member.value != .null { result[member.key] = member.value }
    return result
  }

  /// A new copy of each of the template's rules: `created_resources` rows and their events.
  private static func copies(of template: CampaignTemplate, in world: inout World) -> (
    created: [JSON], events: [WorldEvent]
  ) {
    var created: [JSON] = []
    var events: [WorldEvent] = []
    for rule in template.rules {
      let copy = world.copyValidationRule(rule, channel: .api)
      created.append(["id": .string(copy.value.id), "object": "validation_rules"])
      events += copy.events
    }
    return (created, events)
  }
}

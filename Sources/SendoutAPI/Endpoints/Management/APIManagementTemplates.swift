import SendoutCore

/// Campaign templates through the Management API (`/management/v1/projects/{projectId}/templates/campaigns`): a
/// project's list (the served project's is the one `/v1/templates/campaigns` lists), and a copy into another project,
/// kept with its setup for when that project uses it. No webhook.
enum APIManagementTemplates {
  /// The templates copied into projects other than the served one, each of the project the path names.
  static let foreign = APIResource<CampaignTemplate>(
    object: "campaign_template", idParameter: "campaignTemplateId", table: \.foreignTemplates,
    json: { template, _ in template.json },
    parent: .init(id: { request, _ in request.parameter("projectId") }, key: { $0.projectID ?? "" }),
    listing: APICampaignTemplates.resource.listing)

  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "management-list-campaign-templates": list, "management-copy-campaign-template": copy,
  ]

  /// `GET …/templates/campaigns`: as `list-campaign-templates` lists them, for the project the path names.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let served = request.parameter("projectId") == world.servedProjectID
    return try (served ? APICampaignTemplates.resource : foreign).handler(.list)(request, &world)
  }

  /// `POST …/templates/campaigns/{campaignTemplateId}/copy`: `name` and `destination_project_id` required.
  static func copy(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let key = VoucherifyError.invalidPayloadKey
    let name = try request.required("name", errorKey: key)
    let destination = try request.required("destination_project_id", errorKey: key)
    let source = request.parameter("projectId")
    let copy = try world.copyCampaignTemplate(
      request.parameter("campaignTemplateId"), from: source == world.servedProjectID ? nil : source,
      to: destination, name: name, description: request.string(at: "description"))
    return APIAnswer(body: .object(copy.json))
  }
}

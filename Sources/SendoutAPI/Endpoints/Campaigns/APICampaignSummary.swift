import SendoutCore

/// `GET /v1/campaigns/{campaignId}/summary[?start_date=YYYY-MM-DD&end_date=YYYY-MM-DD]`: the campaign's
/// `campaign_summary`, counted from the world (`World.campaignSummary`), over the days given (both included).
enum APICampaignSummary {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = ["get-campaign-summary": summary]

  /// The summary of the campaign `campaignId` names (id or name), or its 404.
  static func summary(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
    let from = try day(request, "start_date")
    let to = try day(request, "end_date")
    return APIAnswer(body: .object(try world.campaignSummary(campaign.id, from: from, to: to)))
  }

  /// The day of a `YYYY-MM-DD` query parameter (a longer ISO 8601 time counts from its day), or its 400.
  private static func day(_ request: APIRequest, _ name: String) throws(VoucherifyError) -> String? {
    guard let text = request.query[name] else { return nil }
    let day = String(text.prefix(10))
    guard Timestamp(iso8601: day + "T00:00:00.000Z") != nil else {
      throw VoucherifyError(
        status: 400, key: "invalid_query_params", message: "Invalid query params",
        details: "`\(name)` must be a day like 2024-01-31, got '\(text)'")
    }
    return day
  }
}

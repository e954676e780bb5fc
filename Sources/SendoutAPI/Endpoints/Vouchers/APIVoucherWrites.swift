import SendoutCore

/// Vouchers created, updated and deleted through the mock API: `POST /v1/vouchers` (a code drawn from the
/// campaign's pattern), `POST /v1/vouchers/{code}` (a code of your own), `PUT` and `DELETE /v1/vouchers/{code}`.
/// The world's vouchers belong to a campaign: a standalone voucher (no `campaign`/`campaign_id`) answers 501.
enum APIVoucherWrites {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "generate-random-code": generate, "create-voucher": createWithCode, "update-voucher": update,
    "delete-voucher": delete,
  ]

  /// `POST /v1/vouchers`: a new code of `campaign` (name) or `campaign_id`, drawn from its pattern unless `code`
  /// is given; emits `voucher.created`.
  static func generate(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try create(request, &world, code: request.string(at: "code"))
  }

  /// `POST /v1/vouchers/{code}`: a new voucher with this code; emits `voucher.created`.
  static func createWithCode(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try create(request, &world, code: request.parameter("code"))
  }

  /// `PUT /v1/vouchers/{code}`: changes what the body gives (`changes(_:of:creating:)`) and merges `metadata`;
  /// emits `voucher.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try APIEndpoints.voucher(request.parameter("code"), in: world)
    let changes = try self.changes(request, of: voucher.campaignType, creating: false)
    let updated = try world.editVoucher(voucher.id, changes, channel: .api)
    return APIAnswer(body: .object(updated.value.fullJSON), events: updated.events)
  }

  /// `DELETE /v1/vouchers/{code}[?force=true]`: 204; emits `voucher.deleted`. Without `force` the voucher goes
  /// to the bin and its code stays taken; with it the code is free again.
  static func delete(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.voucher(request.parameter("code"), in: world).id
    let force = request.flag("force")
    let deleted = try world.deleteVoucher(id, force: force, channel: .api)
    return APIAnswer(body: .null, events: deleted.events)
  }

  /// A new voucher of the campaign the body names (or `campaignID`), with `code` or a drawn one.
  static func create(_ request: APIRequest, _ world: inout World, code: String?, campaignID: String? = nil)
    throws(VoucherifyError) -> APIAnswer
  {
    let key = "invalid_voucher"
    let name = try request.string(at: "campaign", errorKey: key)
    let id = try request.string(at: "campaign_id", errorKey: key)
    guard let campaignKey = campaignID ?? id ?? name else {
      throw VoucherifyError.notSimulated(
        "standalone vouchers are not simulated by sendout serve: give `campaign` or `campaign_id`")
    }
    let campaign = try APIEndpoints.campaign(campaignKey, in: world)
    if let code, code.isEmpty {
      throw VoucherifyError(status: 400, key: key, message: "Invalid payload", details: "`code` must not be empty")
    }
    if let code, (try? world.voucher(code: code)) != nil {
      throw .duplicateFound("voucher", code, "A voucher with code '\(code)' already exists")
    }
    guard campaign.campaignType != .promotion else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid voucher",
        details: "campaign '\(campaign.name)' is a promotion: it has tiers, not codes")
    }
    let changes = try self.changes(request, of: campaign.campaignType, creating: true)
    let created = try world.createVoucher(campaignID: campaign.id, code: code, changes, channel: .api)
    return APIAnswer(body: .object(created.value.fullJSON), events: created.events)
  }
}

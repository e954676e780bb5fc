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

  /// `PUT /v1/vouchers/{code}`: changes `active`, `start_date`, `expiration_date`, `redemption.quantity` and
  /// merges `metadata`; emits `voucher.updated`.
  static func update(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.voucher(request.parameter("code"), in: world).id
    let changes = try self.changes(request)
    let updated = try world.editVoucher(id, changes, channel: .api)
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
      throw VoucherifyError(
        status: 501, key: "not_implemented", message: "Not implemented",
        details: "standalone vouchers are not simulated by sendout serve: give `campaign` or `campaign_id`")
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
    let changes = try self.changes(request)
    let created = try world.createVoucher(campaignID: campaign.id, code: code, changes, channel: .api)
    return APIAnswer(body: .object(created.value.fullJSON), events: created.events)
  }

  /// The fields a create or update sets.
  private static func changes(_ request: APIRequest) throws(VoucherifyError) -> VoucherChanges {
    let key = "invalid_voucher"
    var changes = VoucherChanges()
    changes.active = request.bool(at: "active")
    changes.startDate = try request.time(at: "start_date", errorKey: key)
    changes.expirationDate = try request.time(at: "expiration_date", errorKey: key)
    _ = try request.object(at: "redemption", errorKey: key)
    changes.redemptionQuantity = try request.int(at: "redemption.quantity", errorKey: key)
    if let quantity = changes.redemptionQuantity, quantity < 1 {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid payload",
        details: "at `redemption.quantity`: must be at least 1 (or null for unlimited), got \(quantity)")
    }
    changes.metadata = request.object(at: "metadata")
    return changes
  }
}

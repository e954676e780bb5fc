import SendoutCore

/// Exports to CSV through the mock API: create (`/v1/exports`, and the shortcuts of orders, transactions and points
/// expiration, each scoped to what its path names), list, get, delete and download. An export is `SCHEDULED` until the
/// simulated clock passes `Export.processingMilliseconds` after it (or, with the wall clock, until the first call
/// after that), then `DONE` with the file made from the world at that moment; `result.url` points at
/// `/_sendout/exports/{id}?token=…` on this server. Voucherify sends no webhook for exports.
package enum APIExports {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "create-export": { request, world throws(VoucherifyError) in
      let object = request.body["exported_object"] ?? .null
      guard let name = object.stringValue else {
        throw .invalidPayload("`exported_object` must be a string, found \(object.typeName)")
      }
      return try schedule(request, &world, name)
    },
    "create-order-export": { request, world throws(VoucherifyError) in try schedule(request, &world, "order") },
    "export-voucher-transactions": { request, world throws(VoucherifyError) in
      let card = try APIEndpoints.voucher(request.parameter("code"), in: world)
      return try schedule(request, &world, "voucher_transactions", scope: ("voucher_id", card.id))
    },
    "export-campaign-transactions": { request, world throws(VoucherifyError) in
      let campaign = try APIEndpoints.campaign(request.parameter("campaignId"), in: world)
      return try schedule(request, &world, "voucher_transactions", scope: ("campaign_id", campaign.id))
    },
    "export-loyalty-campaign-transactions": { request, world throws(VoucherifyError) in
      let program = try APIEarningRules.program(request, in: world)
      return try schedule(request, &world, "voucher_transactions", scope: ("campaign_id", program.id))
    },
    "export-loyalty-card-transactions": memberTransactions, "export-loyalty-card-transactions-1": memberTransactions,
    "create-points-expiration-export": { request, world throws(VoucherifyError) in
      let program = try APIEarningRules.program(request, in: world)
      return try schedule(request, &world, "points_expiration", scope: ("campaign_id", program.id))
    },
    "list-exports": list,
    "get-export": { request, world throws(VoucherifyError) in
      APIAnswer(body: .object(try export(request.parameter("exportId"), world).json(origin: request.origin)))
    },
    "delete-export": { request, world throws(VoucherifyError) in
      try world.deleteExport(try export(request.parameter("exportId"), world).id)
      return APIAnswer(body: .null)
    },
    "download-export": { request, world throws(VoucherifyError) in
      try file(request.parameter("export_Id"), token: request.query["token"], world)
    },
  ]

  /// The file of export `id` as `text/csv`, when `token` is its token and it is done; else Voucherify's 404 (an
  /// unknown export, a wrong token) or a 404 saying when it will be ready.
  package static func file(_ id: String, token: String?, _ world: World) throws(VoucherifyError) -> APIAnswer {
    guard let export = world.exports[id: id], token == export.token else {
      throw VoucherifyError.notFound("export", id: id)
    }
    guard let csv = export.csv else {
      throw VoucherifyError(
        status: 404, key: "not_found", message: "Resource not found",
        details: "export \(id) is \(export.status.rawValue): its file is ready at \(export.dueAt.iso8601) "
          + "(POST /_sendout/clock moves a simulated clock)", resourceID: id, resourceType: "export")
    }
    return APIAnswer(body: .null, file: (contentType: "text/csv; charset=utf-8", bytes: Array(csv.utf8)))
  }

  /// `export-loyalty-card-transactions[-1]`: the card's transactions (in the path's program when it names one).
  private static let memberTransactions: APIEndpoints.Handler = { request, world throws(VoucherifyError) in
    let card = try APILoyalties.card(request, in: world)
    return try schedule(request, &world, "voucher_transactions", scope: ("voucher_id", card.id))
  }

  /// Schedules an export of `object` as the body's `parameters` ask, limited to `scope`.
  private static func schedule(
    _ request: APIRequest, _ world: inout World, _ object: String, scope: (field: String, value: String)? = nil
  ) throws(VoucherifyError) -> APIAnswer {
    let parameters = request.body["parameters"]
    guard parameters == nil || parameters == .null || parameters?.objectValue != nil else {
      throw .invalidPayload("`parameters` must be an object, found \(parameters?.typeName ?? "")")
    }
    let export = try world.scheduleExport(object, parameters: parameters?.objectValue ?? [:], scope: scope)
    return APIAnswer(body: .object(export.json(origin: request.origin)))
  }

  /// `list-exports`: in creation order unless `order` says otherwise, paged by `limit` and `page`.
  private static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let orders: [String: APIList.Order<Export>] = [
      "created_at": { $0.createdAt < $1.createdAt }, "status": { $0.status.rawValue < $1.status.rawValue },
    ]
    let sorted = try APIList.sorted(Array(world.exports), request, by: orders)
    let page = try APIList.page(sorted, request)
    let items = page.map { JSON.object($0.json(origin: request.origin)) }
    return APIAnswer(body: APIList.body("exports", items, total: sorted.count))
  }

  /// The export `id` names, or Voucherify's 404.
  private static func export(_ id: String, _ world: World) throws(VoucherifyError) -> Export {
    guard let export = world.exports[id: id] else { throw VoucherifyError.notFound("export", id: id) }
    return export
  }
}

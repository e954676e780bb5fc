import SendoutCore

/// Vouchers through the mock API: get, list, enable, disable, and a card's transactions.
enum APIVouchers {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "get-voucher": getVoucher, "enable-voucher": enableVoucher, "disable-voucher": disableVoucher,
    "list-vouchers": listVouchers, "list-voucher-transactions": listTransactions,
  ]

  /// `GET /v1/vouchers/{code}`: the voucher by code (or id).
  static func getVoucher(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try APIEndpoints.voucher(request.parameter("code"), in: world)
    return APIAnswer(deferred: { .object(voucher.fullJSON) })  // built outside the world's lock
  }

  /// `POST /v1/vouchers/{code}/enable`; emits `voucher.enabled`.
  static func enableVoucher(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, true)
  }

  /// `POST /v1/vouchers/{code}/disable`; emits `voucher.disabled`.
  static func disableVoucher(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    try setActive(request, &world, false)
  }

  private static func setActive(_ request: APIRequest, _ world: inout World, _ active: Bool) throws(VoucherifyError)
    -> APIAnswer
  {
    let id = try APIEndpoints.voucher(request.parameter("code"), in: world).id
    let changed = try world.setVoucherActive(id, active, channel: .api)
    return APIAnswer(body: .object(changed.value.fullJSON), events: changed.events)
  }

  /// `GET /v1/vouchers[?campaign=NAME&campaign_id=…&category=…&customer=…&code=…&created_at[before|after]=…
  /// &updated_at[…]=…&order=…&limit=…&page=…]`: the vouchers that are not deleted, in creation order.
  static func listVouchers(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let ordered = try matching(world.vouchers, request, in: world)
    let page = try APIList.page(ordered, request)
    return APIAnswer(body: APIList.body("vouchers", page.map { .object($0.fullJSON) }, total: ordered.count))
  }

  /// The `candidates` that are not deleted and pass the query's filters (`campaign`, `campaign_id`, `category`,
  /// `customer`, `code`, `ids` comma-separated, `created_at`/`updated_at` `[before|after]`), sorted by its `order`.
  static func matching(
    _ candidates: some Sequence<Voucher>, _ request: APIRequest, in world: World
  ) throws(VoucherifyError) -> [Voucher] {
    let q = request.query
    let created = try APIList.timeFilter(request, "created_at")
    let updated = try APIList.timeFilter(request, "updated_at")
    // An unknown customer holds nothing: the list is empty, as a filter that matches nothing.
    let holder = q["customer"].map { key in (try? APIEndpoints.customer(key, in: world))?.id ?? "" }
    let ids = q["ids"].map { Set($0.split(separator: ",").map(String.init)) }
    let matching = candidates.filter { v in
      !v.deleted && (q["campaign"].map { $0 == v.campaignName } ?? true)
        && (q["campaign_id"].map { $0 == v.campaignID } ?? true)
        && (q["category"].map { $0 == v.category.name || $0 == v.category.id } ?? true)
        && (holder.map { $0 == v.holderID } ?? true) && (q["code"].map { $0 == v.code } ?? true)
        && (ids.map { $0.contains(v.id) } ?? true) && created(v.createdAt) && updated(v.updatedAt)
    }
    return try APIList.sorted(
      matching, request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt }, "code": { $0.code < $1.code },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
  }

  /// `GET /v1/vouchers/{code}/transactions[?limit=…&order=…&starting_after_id=…]`: a gift or loyalty card's
  /// balance changes.
  static func listTransactions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.voucher(request.parameter("code"), in: world).id
    return APIAnswer(body: try transactions(world.transactions(ofVoucher: id), request))
  }

  /// A page of transactions by `limit`, `order` (`created_at`) and the cursor `starting_after_id`.
  static func transactions(_ items: [VoucherTransaction], _ request: APIRequest) throws(VoucherifyError) -> JSON {
    let ordered = try APIList.sorted(items, request, by: ["created_at": { $0.createdAt < $1.createdAt }])
    return try APIList.cursorBody(ordered, request, id: \.id) { .object($0.json) }
  }

}

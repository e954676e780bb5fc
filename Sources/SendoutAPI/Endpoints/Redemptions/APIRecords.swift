import SendoutCore

/// The mock API's read-only histories: `GET /v1/redemptions` (with filters), `GET /v1/vouchers/{code}/redemption`
/// and `GET /v1/orders`, read from the same world the writes change.
enum APIRecords {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-redemptions": listRedemptions, "get-voucher-redemptions": voucherRedemptions, "list-orders": listOrders,
  ]

  /// `GET /v1/redemptions[?result=SUCCESS|FAILURE&campaign=NAME&customer=…&order=…&created_at[before|after]=…
  /// &limit=…&page=…]`: redemptions and rollbacks, oldest first unless `order` says otherwise.
  static func listRedemptions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let q = request.query
    let result = try q["result"].map { (text) throws(VoucherifyError) -> Bool in
      guard text == "SUCCESS" || text == "FAILURE" else {
        throw VoucherifyError(
          status: 400, key: "invalid_query_params", message: "Invalid query params",
          details: "`result` must be SUCCESS or FAILURE, got '\(text)'")
      }
      return text == "SUCCESS"
    }
    let created = try APIList.timeFilter(request, "created_at")
    let customer = q["customer"].map { key in (try? APIEndpoints.customer(key, in: world))?.id ?? "" }
    let campaignID = q["campaign"].map { name in world.campaigns.first { $0.name == name }?.id ?? "" }
    let vouchers = world.vouchers  // copy-on-write: the sort keys read it after the call
    let code = { (r: Redemption) in r.voucherID.flatMap { vouchers[id: $0]?.code } ?? "" }
    let matching = world.redemptions.filter { r in
      (result.map { $0 == r.succeeded } ?? true) && (customer.map { $0 == r.customerID } ?? true)
        && (campaignID.map { id in r.voucherID.flatMap { world.vouchers[id: $0]?.campaignID } == id } ?? true)
        && created(r.date) && Self.customerExists(r, in: world)
    }
    let ordered = try APIList.sorted(
      matching, request,
      by: [
        "created_at": { $0.date < $1.date }, "id": { $0.id < $1.id }, "tracking_id": { $0.trackingID < $1.trackingID },
        "customer_id": { ($0.customerID ?? "") < ($1.customerID ?? "") }, "voucher_code": { code($0) < code($1) },
      ])
    let page = try APIList.page(ordered, request)
    let items = try page.map { (r) throws(VoucherifyError) -> JSON in .object(try world.redemptionJSON(r.id)) }
    return APIAnswer(body: APIList.body("redemptions", items, total: ordered.count))
  }

  /// `GET /v1/vouchers/{code}/redemption`: the code's quantity, how often it was redeemed, and every redemption
  /// and rollback of it (newest first, as Voucherify lists them).
  static func voucherRedemptions(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try APIEndpoints.voucher(request.parameter("code"), in: world)
    let own = world.redemptions(ofVoucher: voucher.id).filter { customerExists($0, in: world) }
    let entries = try own.reversed().map { (r) throws(VoucherifyError) -> JSON in
      .object(try world.redemptionJSON(r.id))
    }
    let body: JSON = [
      "quantity": voucher.redemptionQuantity.map { .int($0) } ?? .null,
      "redeemed_quantity": .int(voucher.redeemedQuantity),
      "object": "list", "url": .string("/v1/vouchers/\(voucher.code)/redemption"), "data_ref": "redemption_entries",
      "total": .int(entries.count), "redemption_entries": .array(entries),
    ]
    return APIAnswer(body: body)
  }

  /// `GET /v1/orders[?order=…&limit=…&page=…]`.
  static func listOrders(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let ordered = try APIList.sorted(
      Array(world.orders), request,
      by: [
        "created_at": { $0.createdAt < $1.createdAt },
        "updated_at": { ($0.updatedAt ?? $0.createdAt) < ($1.updatedAt ?? $1.createdAt) },
      ])
    let page = try APIList.page(ordered, request)
    let items = try page.map { (o) throws(VoucherifyError) -> JSON in .object(try world.orderJSON(o.id)) }
    return APIAnswer(body: APIList.body("orders", items, total: ordered.count))
  }

  /// Whether `r`'s customer is still there (a redemption of a deleted customer is not listed); a redemption without
  /// a customer is.
  private static func customerExists(_ r: Redemption, in world: World) -> Bool {
    r.customerID.map { world.customers[id: $0] != nil } ?? true
  }
}

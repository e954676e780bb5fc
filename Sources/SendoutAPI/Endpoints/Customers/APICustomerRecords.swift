import SendoutCore

/// What Voucherify keeps about one customer, by customer id or `source_id`: the activity feed (events about the
/// customer, with the data they carried), the wallet (the redeemables the customer holds: codes published to them,
/// loyalty cards, gift cards, referral codes), and the permanent deletion that forgets them.
enum APICustomerRecords {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "list-customer-activity": listActivity, "list-customer-redeemables": listRedeemables,
    "customer-permanently-deletion": deletePermanently,
  ]

  /// `GET /v1/customers/{customerId}/activity[?start_date=…&end_date=…&campaign_id=…&campaign_type=…&category=…
  /// &type=…&order=…&starting_after_id=…&limit=…]`: newest first without `order`, walked by `starting_after_id`.
  static func listActivity(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let q = request.query
    let start = try APIList.time(request, "start_date")
    let end = try APIList.time(request, "end_date")
    let kept = world.activities(of: id).filter { a in
      (q["type"].map { $0 == a.type } ?? true) && (q["category"].map { $0 == a.category } ?? true)
        && (q["campaign_id"].map { $0 == a.campaignID } ?? true)
        && (q["campaign_type"].map { type in
          a.campaignID.flatMap { world.campaigns[id: $0] }?.campaignType.rawValue == type
        } ?? true)
        && (start.map { a.createdAt >= $0 } ?? true) && (end.map { a.createdAt <= $0 } ?? true)
    }
    let ordered = q["order"] == "created_at" ? kept : kept.reversed()
    return APIAnswer(body: try APIList.cursorBody(ordered, request, id: \.id) { .object($0.json) })
  }

  /// `GET /v1/customers/{customerId}/redeemables[?filters[…]…&order=id|-id&starting_after_id=…&limit=…]`: the
  /// customer's holder records, oldest first (`-id`: newest first), each with its voucher and its status now.
  static func listRedeemables(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let filter = try APIConditionFilter(request, fields: redeemableFields)
    let held = world.holders(ofCustomer: id).filter { h in filter.matches { field in value(of: h, field) } }
    let ordered = request.query["order"] == "-id" ? held.reversed() : held
    var rendered: [String: JSONObject] = [:]
    for h in ordered { rendered[h.id] = try redeemable(h, world) }
    return APIAnswer(
      body: try APIList.cursorBody(ordered, request, id: \.id, counted: true) { .object(rendered[$0.id] ?? [:]) })
  }

  /// `POST /v1/customers/{customerId}/permanent-deletion`: forgets the customer; `customer.deleted` is sent, as for a
  /// delete.
  static func deletePermanently(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let id = try APIEndpoints.customer(request.parameter("customerId"), in: world).id
    let deleted = try world.deleteCustomerPermanently(id, channel: request.channel)
    return APIAnswer(body: .object(deleted.value), events: deleted.events)
  }

  /// The fields the redeemables' `filters` may name.
  private static let redeemableFields: Set<String> = [
    "id", "created_at", "redeemable_id", "redeemable_object", "holder_role", "campaign_id", "campaign_type",
    "voucher_type",
  ]

  /// A holder record's value of filter field `field`.
  private static func value(of h: RedeemableHolder, _ field: String) -> String? {
    switch field {
    case "id": h.id
    case "created_at": h.createdAt.iso8601
    case "redeemable_id": h.voucherID
    case "redeemable_object": "voucher"
    case "holder_role": h.role
    case "campaign_id": h.campaignID
    case "campaign_type": h.campaignType.rawValue
    case "voucher_type": h.campaignType.voucherType
    default: nil
    }
  }

  /// `CustomerRedeemable`: the holder record with its voucher and the voucher's status now.
  private static func redeemable(_ h: RedeemableHolder, _ world: World) throws(VoucherifyError) -> JSONObject {
    var o = h.json
    o["object"] = nil
    o["publication_id"] = nil
    let voucher = try world.voucher(h.voucherID)
    o["redeemable"] = [
      "type": "voucher", "voucher": .object(voucher.fullJSON), "status": .string(status(voucher, world.now)),
    ]
    return o
  }

  /// The voucher's status at `now`: `DISABLED`, `NOT_ACTIVE_YET`, `EXPIRED`, `USED` (no redemptions left),
  /// `NO_BALANCE` (a gift card spent), or `ACTIVE`.
  static func status(_ v: Voucher, _ now: Timestamp) -> String {
    if !v.active { return "DISABLED" }
    if now < v.startDate { return "NOT_ACTIVE_YET" }
    if now > v.expirationDate { return "EXPIRED" }
    if !v.hasQuantityLeft { return "USED" }
    if v.campaignType == .giftVouchers && v.giftAmount > 0 && v.giftBalance <= 0 { return "NO_BALANCE" }
    return "ACTIVE"
  }
}

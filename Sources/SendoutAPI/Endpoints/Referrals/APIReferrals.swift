import SendoutCore

/// Referral code holders through the mock API, with and without the campaign in the path: list, add referees and
/// remove one, on the world's holder operations (`customer.holder.assignment.created`/`deleted`). A member is a
/// referral code (or its voucher id).
enum APIReferrals {
  /// The operations, by `operationId`.
  static let endpoints: [String: APIEndpoints.Handler] = [
    "referrals-code-holders": list, "referrals-code-holders-1": list, "referrals-add-holders": add,
    "referrals-add-holders-1": add, "referrals-remove-holder": remove, "referrals-remove-holder-1": remove,
  ]

  private static let key = "invalid_customer"

  /// `GET /v1/referrals[/{campaignId}]/members/{memberId}/holders[?limit=…&order=…&starting_after_id=…]`.
  static func list(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try member(request, world)
    let ordered = try APIList.sorted(
      world.holders(ofVoucher: voucher.id), request, by: ["created_at": { $0.createdAt < $1.createdAt }])
    return APIAnswer(body: try APIList.cursorBody(ordered, request, id: \.id, counted: true) { .object($0.json) })
  }

  /// `POST /v1/referrals[/{campaignId}]/members/{memberId}/holders` `{holders: [{id | source_id}…]}`: each customer
  /// (created when an unknown `source_id`) becomes a REFEREE of the code.
  static func add(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try member(request, world)
    guard let holders = request.array(at: "holders"), !holders.isEmpty else {
      throw VoucherifyError(
        status: 400, key: key, message: "Invalid customer", details: "`holders` is required: [{\"source_id\": …}]")
    }
    var keys: [String] = []
    for i in holders.indices {
      let id = request.string(at: "holders.\(i).id")
      let sourceID = request.string(at: "holders.\(i).source_id")
      guard let customerKey = id ?? sourceID else {
        throw VoucherifyError(
          status: 400, key: key, message: "Invalid customer", details: "`holders.\(i)` needs an `id` or a `source_id`")
      }
      keys.append(customerKey)
    }
    var events: [WorldEvent] = []
    var added: [JSON] = []
    for customerKey in keys {
      let customer = APIEndpoints.upsertCustomer(customerKey, in: &world)
      events += customer.events
      let assigned = try world.assignHolder(
        voucherID: voucher.id, customerID: customer.id, role: "REFEREE", channel: .api)
      events += assigned.events
      added.append(.object(assigned.value.json))
    }
    return APIAnswer(body: ["holders": .array(added)], events: events)
  }

  /// `DELETE /v1/referrals[/{campaignId}]/members/{memberId}/holders/{holderId}`: 204.
  static func remove(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let voucher = try member(request, world)
    let id = request.parameter("holderId")
    guard let holder = world.holders.first(where: { $0.id == id && $0.voucherID == voucher.id }) else {
      throw VoucherifyError.notFound("redeemable_holder", id: id)
    }
    let removed = try world.removeHolder(voucherID: voucher.id, customerID: holder.customerID, channel: .api)
    return APIAnswer(body: .null, events: removed.events)
  }

  /// The referral code the path names (and in the path's campaign, when given); another code type is a 400.
  private static func member(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> Voucher {
    let voucher = try APIEndpoints.voucher(request.parameter("memberId"), in: world)
    if let campaignKey = request.parameters["campaignId"] {
      let campaign = try APIEndpoints.campaign(campaignKey, in: world)
      guard campaign.id == voucher.campaignID else { throw VoucherifyError.notFound("voucher", id: voucher.code) }
    }
    guard voucher.campaignType == .referralProgram else {
      throw VoucherifyError(
        status: 400, key: "invalid_voucher", message: "Invalid voucher",
        details: "'\(voucher.code)' is not a referral code: holders belong to referral codes")
    }
    return voucher
  }
}

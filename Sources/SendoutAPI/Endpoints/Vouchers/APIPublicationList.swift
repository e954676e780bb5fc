import SendoutCore

/// `GET /v1/publications`: the world's publications (every one succeeded), a generic resource's list, with the
/// spec's filters `campaign` (name or id), `customer`, `voucher` (code), `result`, `voucher_type`,
/// `is_referral_code` and `source_id`, and its `order` fields; the `filters` query language answers 501. A
/// publication whose customer or voucher was deleted since is not listed (the mock keeps no deleted objects).
enum APIPublicationList {
  /// The publications, listed only.
  static let resource = APIResource<Publication>(
    object: "publication", idParameter: "publicationId", table: \.publications, json: json,
    listing: .init(
      key: "publications",
      order: [
        "id": { $0.id < $1.id }, "tracking_id": { $0.trackingID < $1.trackingID },
        "customer_id": { $0.customerID < $1.customerID }, "created_at": { $0.createdAt < $1.createdAt },
        "channel": { $0.channel < $1.channel },
        "voucher_code": { ($0.voucherIDs.first ?? "") < ($1.voucherIDs.first ?? "") },
      ],
      filter: filter))

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints(["list-publications": .list])

  /// The query's filter: a publication passes when each filter given holds of it and of its first voucher.
  static func filter(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> (Publication) -> Bool {
    let q = request.query
    guard q["filters"] == nil else {
      throw VoucherifyError.notSimulated(
        "the `filters` query of list-publications is not simulated by sendout serve: use campaign, customer, "
          + "voucher, result, voucher_type, is_referral_code or source_id")
    }
    let campaignID = try q["campaign"].map { key throws(VoucherifyError) in try APIEndpoints.campaign(key, in: world).id
    }
    let voucherType = q["voucher_type"].map { $0 == "loyalty" ? "LOYALTY_CARD" : "DISCOUNT_VOUCHER" }
    return { publication in
      let voucher = publication.voucherIDs.first.flatMap { world.vouchers[id: $0] }
      guard let voucher, world.customers[id: publication.customerID] != nil else { return false }
      return (q["customer"] == nil || q["customer"] == publication.customerID)
        && (q["source_id"] == nil || q["source_id"] == publication.sourceID)
        && (q["result"] == nil || q["result"] == "SUCCESS")
        && (campaignID == nil || campaignID == voucher.campaignID)
        && (q["voucher"] == nil || q["voucher"] == voucher.code)
        && (voucherType == nil || voucherType == voucher.type)
        && (q["is_referral_code"] == nil
          || (q["is_referral_code"] == "true") == (voucher.campaignType == .referralProgram))
    }
  }

  /// `ListPublicationsItemValidSingleVoucher`: the publication, its customer and its voucher in brief.
  static func json(_ publication: Publication, _ world: World) throws(VoucherifyError) -> JSONObject {
    var brief: JSONObject?
    if let id = publication.voucherIDs.first {
      let simple = try world.voucher(id).simpleJSON
      var o: JSONObject = [:]
      for key in ["code", "object", "campaign", "gift", "loyalty_card", "discount", "is_referral_code"] {
        o[key] = simple[key]
      }
      brief = o
    }
    return publication.json(customer: try world.customer(publication.customerID).fullJSON, voucher: brief)
  }
}

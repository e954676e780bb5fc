import SendoutCore

/// The stack a qualification reads: no redeemables of its own, the order (optional: an empty cart is worth 0), the
/// customer and the `metadata`, read as a validation reads them; and the `tracking_id` both answer.
extension APIStack {
  /// Reads the `order`, `customer` and `metadata` of a check-eligibility request; `expand` is `options.expand`.
  init(qualification request: APIRequest, expand: Set<String>, in world: World) throws(VoucherifyError) {
    redeemables = []
    orderFields = try OrderFields(request.body["order"])
    amount = try world.orderAmount(of: orderFields)
    orderPreview = world.orderPreview(orderFields)
    metadata = request.object(at: "metadata") ?? [:]
    customerKey = APIEndpoints.customerKey(request)
    self.expand = expand
  }

  /// `tracking_id`: a hash of the customer's `source_id` (its id when it has none), or of `key` when the customer
  /// is unknown; null without either.
  static func trackingID(customer: Customer?, key: String?) -> JSON {
    (customer?.sourceID ?? customer?.id ?? key).map {
      .string("track_" + Hex.encode(SHA256.hash(Array($0.utf8))).prefix(20))
    } ?? .null
  }
}

/// A publication (`pub_…`): a voucher handed to a customer.
public struct Publication: Sendable, Equatable {
  /// `pub_…`.
  public var id: String
  /// The customer.
  public var customerID: String
  /// The voucher(s) published.
  public var voucherIDs: [String]
  /// `API`, `voucherify-web-ui`, `Automation`, …
  public var channel: String
  /// Idempotency key given by the caller.
  public var sourceID: String?
  /// The customer's tracking id.
  public var trackingID: String
  /// Custom attributes.
  public var metadata: JSONObject
  /// When.
  public var createdAt: Timestamp

  /// Creates a publication.
  public init(
    id: String, customerID: String, voucherIDs: [String], channel: String, sourceID: String?, trackingID: String,
    metadata: JSONObject, createdAt: Timestamp
  ) {
    self.id = id
    self.customerID = customerID
    self.voucherIDs = voucherIDs
    self.channel = channel
    self.sourceID = sourceID
    self.trackingID = trackingID
    self.metadata = metadata
    self.createdAt = createdAt
  }

  /// `ListPublicationsItemBase` (no voucher) or `PublicationsVoucher` (`voucher` given).
  public func json(customer: JSONObject, voucher: JSONObject?) -> JSONObject {
    var o: JSONObject = [
      "id": .string(id), "object": "publication", "created_at": .time(createdAt), "customer_id": .string(customerID),
      "tracking_id": .string(trackingID), "metadata": .object(metadata), "channel": .string(channel),
      "source_id": .str(sourceID), "result": "SUCCESS", "customer": .object(customer),
    ]
    o.put("voucher", voucher.map { .object($0) })
    o["vouchers_id"] = .strings(voucherIDs)
    return o
  }
}

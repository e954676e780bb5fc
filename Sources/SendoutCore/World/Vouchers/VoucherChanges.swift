/// What creating or updating a voucher through the API sets (`POST /v1/vouchers`, `PUT /v1/vouchers/{code}`);
/// a `nil` field keeps the campaign's (creation) or the voucher's (update) value, and `metadata` keys are merged
/// (a `null` value removes the key).
public struct VoucherChanges: Sendable, Equatable {
  /// Whether it can be used.
  public var active: Bool?
  /// When it becomes valid.
  public var startDate: Timestamp?
  /// When it expires.
  public var expirationDate: Timestamp?
  /// How many times it may be redeemed.
  public var redemptionQuantity: Int?
  /// Metadata keys to set (`null` removes one).
  public var metadata: JSONObject?
  /// `additional_info`: `.some(nil)` clears it.
  public var additionalInfo: String??
  /// The voucher's own discount (a discount code's), over its campaign's.
  public var discount: Discount?
  /// A new gift card's credit, in cents (`gift.amount`): its amount and balance.
  public var giftAmount: Int?
  /// Its category by id (it must exist).
  public var categoryID: String?
  /// Its category by name: an existing one, or a new one of that name; used when `categoryID` is `nil`.
  public var categoryName: String?

  /// No change.
  public init() {}

  /// Applies the changes to `v` (its category apart: `World.applyCategory`).
  func apply(to v: inout Voucher) {
    if let active { v.active = active }
    if let additionalInfo { v.additionalInfo = additionalInfo }
    if let discount { v.discount = discount }
    if let giftAmount { (v.giftAmount, v.giftBalance) = (giftAmount, giftAmount) }
    if let startDate { v.startDate = startDate }
    if let expirationDate { v.expirationDate = expirationDate }
    if let redemptionQuantity { v.redemptionQuantity = redemptionQuantity }
    for m in metadata?.members ?? [] { v.metadata[m.key] = m.value == .null ? nil : m.value }
  }
}

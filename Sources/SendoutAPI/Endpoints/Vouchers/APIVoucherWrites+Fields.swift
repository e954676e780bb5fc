import SendoutCore

/// The voucher fields a create (`POST /v1/vouchers[/{code}]`, each row of an import) or an update (`PUT`) sets, as
/// the spec's `VoucherCreate*`/`VoucherUpdate*`/`VoucherImport*` bodies give them: kept as sent, or refused naming the
/// field, never dropped.
extension APIVoucherWrites {
  /// Validity windows a code would have to enforce on every redemption; the mock's codes are valid at any hour.
  static let unsimulatedWindows = ["validity_timeframe", "validity_day_of_week", "validity_hours"]

  /// The changes the body asks of a code of a `type` campaign: `active`, dates, `redemption.quantity`, `metadata`,
  /// `additional_info`, `category`/`category_id`, a discount code's `discount`, a new gift card's `gift.amount`.
  /// A `type` other than the code's, a `discount` on a gift or loyalty card or `gift` on another code is a 400 naming
  /// it; a validity window, `loyalty_card`, `validation_rules`, a discount formula or several units, or a gift card's
  /// new amount on update is a 501 naming it.
  static func changes(_ request: APIRequest, of type: CampaignType, creating: Bool) throws(VoucherifyError)
    -> VoucherChanges
  {
    let key = "invalid_voucher"
    var unsimulated = unsimulatedWindows + ["loyalty_card"]
    if creating { unsimulated.append("validation_rules") } else { unsimulated.append("gift") }
    if let field = unsimulated.first(where: { request.value(at: $0) != nil }) {
      throw VoucherifyError.notSimulated("`\(field)` of a code is not simulated by sendout serve: " + remedy(field))
    }
    if let sent = request.string(at: "type"), sent != type.voucherType {
      throw invalid("at `type`: this code is a \(type.voucherType), got \(sent)")
    }
    var changes = VoucherChanges()
    changes.active = request.bool(at: "active")
    changes.startDate = try request.time(at: "start_date", errorKey: key)
    changes.expirationDate = try request.time(at: "expiration_date", errorKey: key)
    _ = try request.object(at: "redemption", errorKey: key)
    changes.redemptionQuantity = try request.int(at: "redemption.quantity", errorKey: key)
    if let quantity = changes.redemptionQuantity, quantity < 1 {
      throw invalid("at `redemption.quantity`: must be at least 1 (or null for unlimited), got \(quantity)")
    }
    changes.metadata = request.object(at: "metadata")
    if let info = request.body["additional_info"] { changes.additionalInfo = .some(info.stringValue) }
    changes.categoryID = try request.string(at: "category_id", errorKey: key)
    changes.categoryName = changes.categoryID == nil ? try request.string(at: "category", errorKey: key) : nil
    if request.value(at: "discount") != nil {
      guard type == .discountCoupons || type == .referralProgram else {
        throw invalid("at `discount`: this code is a \(type.voucherType); a discount is a DISCOUNT_VOUCHER's")
      }
      changes.discount = try APIDiscount.parse(request, at: "discount", errorKey: key)
    }
    if request.value(at: "gift") != nil {
      guard type == .giftVouchers else {
        throw invalid("at `gift`: this code is a \(type.voucherType); a gift is a GIFT_VOUCHER's")
      }
      guard let amount = try request.int(at: "gift.amount", errorKey: key), amount >= 0 else {
        throw invalid("at `gift.amount`: a gift card's credit in cents, a non-negative integer")
      }
      changes.giftAmount = amount
    }
    return changes
  }

  /// What to do instead of sending `field`.
  private static func remedy(_ field: String) -> String {
    switch field {
    case "loyalty_card": "a card's points change through POST /v1/loyalties/{campaignId}/members/{memberId}/balance"
    case "gift": "a gift card's credit changes through POST /v1/vouchers/{code}/balance"
    case "validation_rules": "assign a rule through POST /v1/validation-rules/{validationRuleId}/assignments"
    default: "its codes are valid at any day and hour; leave it out"
    }
  }

  /// Voucherify's 400 for a voucher body.
  private static func invalid(_ details: String) -> VoucherifyError {
    VoucherifyError(status: 400, key: "invalid_voucher", message: "Invalid payload", details: details)
  }
}

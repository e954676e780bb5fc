extension ExportSheet {
  /// Vouchers (deleted ones left out). `value` is the API's: the discount's amount (cents), percent, units or fixed
  /// amount, a gift card's credits (cents), a loyalty card's points.
  static let voucher = ExportSheet(
    object: "voucher",
    fields: [
      "code", "voucher_type", "value", "formula", "discount_type", "campaign", "category", "start_date",
      "expiration_date", "gift_balance", "loyalty_balance", "redemption_quantity", "redemption_count", "active",
      "qr_code", "bar_code", "metadata", "id", "is_referral_code", "created_at", "updated_at",
      "validity_timeframe_interval", "validity_timeframe_duration", "validity_day_of_week", "discount_amount_limit",
      "campaign_id", "additional_info", "customer_id", "discount_effect", "discount_unit_type", "discount_unit_effect",
      "validation_rules_id", "customer_source_id",
    ],
    defaults: ["code", "voucher_type", "value", "discount_type"],
    orderKeys: ["created_at": "created_at", "updated_at": "updated_at", "code": "code"],
    rows: { world in world.vouchers.filter { !$0.deleted }.map { voucherRow($0, world) } })

  /// Gift and loyalty card transactions. `balance` and `amount` are the balance after and the credits or points
  /// moved, from the transaction's `details.balance`.
  static let transactions = ExportSheet(
    object: "voucher_transactions",
    fields: [
      "id", "campaign_id", "voucher_id", "type", "source_id", "reason", "source", "balance", "amount",
      "related_transaction_id", "created_at", "details",
    ],
    // The docs' defaults also name `status`, which is no field of a transaction (nor in the spec's list).
    defaults: ["id", "type", "source_id", "reason", "source", "balance", "amount", "created_at"],
    orderKeys: ["created_at": "created_at"],
    rows: { world in
      world.transactions.map { tx in
        let balance = tx.details["balance"]?.objectValue
        var row = tx.json
        row["balance"] = balance?["balance"] ?? .null
        row["amount"] = balance?["amount"] ?? balance?["points"] ?? .null
        return row
      }
    })

  /// Loyalty points buckets: when each card's points expire.
  static let pointsExpiration = ExportSheet(
    object: "points_expiration", fields: ["id", "campaign_id", "voucher_id", "points", "status", "expires_at"],
    defaults: ["id", "campaign_id", "voucher_id", "status", "expires_at", "points"],
    orderKeys: ["expires_at": "expires_at"],
    rows: { world in
      world.buckets.map { b in
        [
          "id": .string(b.id), "campaign_id": .string(b.campaignID), "voucher_id": .string(b.voucherID),
          "points": .int(b.points), "status": .string(b.status), "expires_at": .time(b.expiresAt),
        ]
      }
    })

  /// One voucher's row.
  private static func voucherRow(_ v: Voucher, _ world: World) -> JSONObject {
    let discount = v.discount?.json ?? [:]
    let value: JSON =
      switch v.campaignType {
      case .giftVouchers: .int(v.giftAmount)
      case .loyaltyProgram: .int(v.loyaltyPoints)
      default:
        discount["amount_off"] ?? discount["percent_off"] ?? discount["unit_off"] ?? discount["fixed_amount"] ?? .null
      }
    let holder = v.holderID.flatMap { world.customers[id: $0] }
    return [
      "code": .string(v.code), "voucher_type": .string(v.type), "value": value,
      "formula": discount["percent_off_formula"] ?? .null,
      "discount_type": v.discount.map { .string($0.typeName) } ?? .null,
      "campaign": .string(v.campaignName), "category": .string(v.category.name), "start_date": .time(v.startDate),
      "expiration_date": .time(v.expirationDate),
      "gift_balance": v.campaignType == .giftVouchers ? .int(v.giftBalance) : .null,
      "loyalty_balance": v.campaignType == .loyaltyProgram ? .int(v.loyaltyBalance) : .null,
      "redemption_quantity": .num(v.redemptionQuantity), "redemption_count": .int(v.redeemedQuantity),
      "active": .bool(v.active), "qr_code": .string(v.qrID), "bar_code": .string(v.barcodeID),
      "metadata": .object(v.metadata), "id": .string(v.id),
      "is_referral_code": .bool(v.campaignType == .referralProgram),
      "created_at": .time(v.createdAt), "updated_at": .time(v.updatedAt), "validity_timeframe_interval": .null,
      "validity_timeframe_duration": .null, "validity_day_of_week": .null,
      "discount_amount_limit": discount["amount_limit"] ?? .null, "campaign_id": .string(v.campaignID),
      "additional_info": .null, "customer_id": .str(v.holderID), "discount_effect": discount["effect"] ?? .null,
      "discount_unit_type": discount["unit_type"] ?? .null, "discount_unit_effect": .null,
      "validation_rules_id": .str(v.ruleAssignments.first?.ruleID), "customer_source_id": .str(holder?.sourceID),
    ]
  }
}

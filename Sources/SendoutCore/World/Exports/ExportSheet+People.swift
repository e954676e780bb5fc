extension ExportSheet {
  /// Customers, with their summary counters.
  static let customer = ExportSheet(
    object: "customer",
    fields: [
      "name", "id", "description", "email", "source_id", "created_at", "address_city", "address_state",
      "address_line_1", "address_line_2", "address_country", "address_postal_code", "redemptions_total_redeemed",
      "redemptions_total_failed", "redemptions_total_succeeded", "redemptions_total_rolled_back",
      "redemptions_total_rollback_failed", "redemptions_total_rollback_succeeded", "orders_total_amount",
      "orders_total_count", "orders_average_amount", "orders_last_order_amount", "orders_last_order_date",
      "loyalty_points", "loyalty_referred_customers", "updated_at", "phone", "birthday", "metadata", "birthdate",
    ],
    defaults: ["name", "source_id"],
    orderKeys: Dictionary(
      uniqueKeysWithValues: ["name", "id", "email", "source_id", "created_at", "updated_at"].map { ($0, $0) }),
    rows: { world in world.customers.map(customerRow) })

  /// Orders, with their computed amounts.
  static let order = ExportSheet(
    object: "order",
    fields: [
      "id", "source_id", "created_at", "updated_at", "status", "amount", "discount_amount", "items_discount_amount",
      "total_discount_amount", "total_amount", "customer_id", "referrer_id", "metadata",
    ],
    defaults: ["id", "source_id", "status"],
    orderKeys: ["created_at": "created_at", "updated_at": "updated_at", "status": "status"],
    rows: { world in
      world.orders.map { o in
        [
          "id": .string(o.id), "source_id": .str(o.sourceID), "created_at": .time(o.createdAt),
          "updated_at": .time(o.updatedAt), "status": .string(o.status.rawValue), "amount": .int(o.amount),
          "discount_amount": .int(o.discountAmount), "items_discount_amount": .int(o.itemsDiscountAmount),
          "total_discount_amount": .int(o.totalDiscountAmount), "total_amount": .int(o.totalAmount),
          "customer_id": .str(o.customerID), "referrer_id": .str(o.referrerID), "metadata": .object(o.metadata),
        ]
      }
    })

  /// Redemptions and rollbacks. `gift_amount` and `loyalty_points` are the credits or points the redemption used.
  static let redemption = ExportSheet(
    object: "redemption",
    fields: [
      "id", "object", "date", "voucher_code", "campaign", "promotion_tier_id", "customer_id", "customer_source_id",
      "customer_name", "tracking_id", "order_id", "order_amount", "gift_amount", "loyalty_points", "result",
      "failure_code", "failure_message", "metadata",
    ],
    defaults: ["id", "object", "voucher_code", "customer_id", "date", "result"],
    orderKeys: [
      "id": "id", "voucher_code": "voucher_code", "tracking_id": "tracking_id", "customer_id": "customer_id",
      "created_at": "date",
    ],
    rows: { world in world.redemptions.map { redemptionRow($0, world) } })

  /// Publications: one row each, of its first voucher.
  static let publication = ExportSheet(
    object: "publication",
    fields: [
      "voucher_code", "customer_id", "customer_source_id", "date", "channel", "campaign", "is_winner", "metadata",
    ],
    defaults: ["voucher_code", "customer_id", "date", "channel"],
    orderKeys: [
      "id": "id", "voucher_code": "voucher_code", "tracking_id": "tracking_id", "customer_id": "customer_id",
      "created_at": "date", "channel": "channel",
    ],
    rows: { world in
      world.publications.map { p in
        let voucher = p.voucherIDs.first.flatMap { world.vouchers[id: $0] }
        return [
          "voucher_code": .str(voucher?.code), "customer_id": .string(p.customerID),
          "customer_source_id": .str(world.customers[id: p.customerID]?.sourceID), "date": .time(p.createdAt),
          "channel": .string(p.channel), "campaign": .str(voucher?.campaignName), "is_winner": .null,
          "metadata": .object(p.metadata), "id": .string(p.id), "tracking_id": .string(p.trackingID),
        ]
      }
    })

  /// One customer's row.
  private static func customerRow(_ c: Customer) -> JSONObject {
    let address = c.address?.json ?? [:]
    let summary = JSON.object(c.summaryJSON)
    var row: JSONObject = [
      "name": .str(c.name), "id": .string(c.id), "description": .str(c.description), "email": .str(c.email),
      "source_id": .str(c.sourceID), "created_at": .time(c.createdAt),
    ]
    for key in ["city", "state", "line_1", "line_2", "country", "postal_code"] {
      row["address_" + key] = address[key] ?? .null
    }
    for key in [
      "total_redeemed", "total_failed", "total_succeeded", "total_rolled_back", "total_rollback_failed",
      "total_rollback_succeeded",
    ] {
      row["redemptions_" + key] = summary.value(atPath: "redemptions." + key) ?? .null
    }
    for key in ["total_amount", "total_count", "average_amount", "last_order_amount", "last_order_date"] {
      row["orders_" + key] = summary.value(atPath: "orders." + key) ?? .null
    }
    row["loyalty_points"] = .int(c.loyaltyPoints)
    row["loyalty_referred_customers"] = .int(c.referredCustomers)
    row["updated_at"] = .time(c.updatedAt)
    row["phone"] = .str(c.phone)
    row["birthday"] = .str(c.birthdate)
    row["metadata"] = .object(c.metadata)
    row["birthdate"] = .str(c.birthdate)
    return row
  }

  /// One redemption's row.
  private static func redemptionRow(_ r: Redemption, _ world: World) -> JSONObject {
    let voucher = r.voucherID.flatMap { world.vouchers[id: $0] }
    let customer = r.customerID.flatMap { world.customers[id: $0] }
    let used = { (type: CampaignType) -> JSON in voucher?.campaignType == type ? .num(r.amount) : .null }
    return [
      "id": .string(r.id), "object": .string(r.kind.rawValue), "date": .time(r.date),
      "voucher_code": .str(voucher?.code),
      "campaign": .str(voucher?.campaignName), "promotion_tier_id": .str(r.promotionTierID),
      "customer_id": .str(r.customerID), "customer_source_id": .str(customer?.sourceID),
      "customer_name": .str(customer?.name), "tracking_id": .string(r.trackingID), "order_id": .str(r.orderID),
      "order_amount": .num(r.orderID.flatMap { world.orders[id: $0]?.amount }),
      "gift_amount": used(.giftVouchers), "loyalty_points": used(.loyaltyProgram),
      "result": r.succeeded ? "SUCCESS" : "FAILURE", "failure_code": .str(r.failureCode),
      "failure_message": .str(r.failureMessage), "metadata": .object(r.metadata),
    ]
  }
}

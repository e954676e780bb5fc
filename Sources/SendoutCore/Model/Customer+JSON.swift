extension Customer {
  /// `SimpleCustomer`.
  public var simpleJSON: JSONObject {
    [
      "id": .string(id), "name": .str(name), "email": .str(email), "source_id": .str(sourceID),
      "metadata": .object(metadata), "object": "customer",
    ]
  }

  /// The reference an order carries: the id, and `address`, `summary`, `loyalty` and `referrals` as `null`, as in
  /// every official `order.customer` example.
  public var referenceJSON: JSONObject {
    [
      "id": .string(id), "address": .null, "summary": .null, "loyalty": .null, "referrals": .null,
      "object": "customer",
    ]
  }

  /// `address`, or `null` when none was given.
  var addressJSON: JSON { address.map { .object($0.json) } ?? .null }

  /// `summary`.
  var summaryJSON: JSONObject {
    let avg = orders.totalCount == 0 ? 0 : orders.totalAmount / orders.totalCount
    var o: JSONObject = [
      "total_amount": .int(orders.totalAmount), "total_count": .int(orders.totalCount), "average_amount": .int(avg),
      "last_order_amount": .int(orders.lastOrderAmount),
    ]
    o.put("last_order_date", orders.lastOrderDate.map { .time($0) })
    let r = redemptions
    return [
      "redemptions": [
        "total_redeemed": .int(r.succeeded.addingSaturated(r.failed)), "total_failed": .int(r.failed),
        "total_succeeded": .int(r.succeeded), "total_rolled_back": .int(r.rolledBack.addingSaturated(r.rollbackFailed)),
        "total_rollback_failed": .int(r.rollbackFailed), "total_rollback_succeeded": .int(r.rolledBack),
        "gift": ["redeemed_amount": .int(r.giftRedeemedAmount), "amount_to_go": .int(giftBalance)],
        "loyalty_card": ["redeemed_points": .int(r.loyaltyRedeemedPoints), "points_to_go": .int(loyaltyPoints)],
      ],
      "orders": .object(o),
    ]
  }

  /// `loyalty`.
  var loyaltyJSON: JSONObject {
    ["points": .int(loyaltyPoints), "referred_customers": .int(referredCustomers), "campaigns": [:]]
  }

  /// `referrals`.
  var referralsJSON: JSONObject {
    [
      "total": .int(referrals.count),
      "campaigns": .array(
        referrals.map {
          [
            "campaign_id": .string($0.campaignID), "referrer_id": .string($0.referrerID),
            "related_object_id": .string($0.redemptionID), "related_object_type": "redemption", "date": .time($0.date),
          ]
        }),
    ]
  }

  /// `CustomerWithSummaryLoyaltyReferrals`, in the order of the API's customer object.
  public var fullJSON: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "source_id": .str(sourceID), "name": .str(name), "description": .str(description),
      "email": .str(email), "phone": .str(phone), "birthdate": .str(birthdate),
      "address": addressJSON, "summary": .object(summaryJSON), "loyalty": .object(loyaltyJSON),
      "referrals": .object(referralsJSON), "metadata": .object(metadata), "system_metadata": [:],
      "created_at": .time(createdAt),
    ]
    o.put("updated_at", updatedAt.map { .time($0) })
    o["object"] = "customer"
    return o
  }

  /// The customer as a publication embeds it: identity, address and the summary blocks.
  public var publicationJSON: JSONObject {
    [
      "id": .string(id), "source_id": .str(sourceID), "name": .str(name), "email": .str(email),
      "address": addressJSON, "summary": .object(summaryJSON), "loyalty": .object(loyaltyJSON),
      "referrals": .object(referralsJSON), "metadata": .object(metadata), "object": "customer",
    ]
  }
}

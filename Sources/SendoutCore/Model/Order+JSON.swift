extension Order {
  /// The discount members, only when a discount applies.
  private func discountMembers(into o: inout JSONObject) {
    if discountAmount > 0 {
      o["discount_amount"] = .int(discountAmount)
      o["applied_discount_amount"] = .int(discountAmount)
    }
    if itemsDiscountAmount > 0 {
      o["items_discount_amount"] = .int(itemsDiscountAmount)
      o["items_applied_discount_amount"] = .int(itemsDiscountAmount)
    }
    if totalDiscountAmount > 0 {
      o["total_discount_amount"] = .int(totalDiscountAmount)
      o["total_applied_discount_amount"] = .int(totalDiscountAmount)
    }
  }

  /// `SimpleOrder`.
  public var simpleJSON: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "source_id": .str(sourceID), "status": .string(status.rawValue),
      "customer_id": .str(customerID), "referrer_id": .str(referrerID), "amount": .int(amount),
    ]
    discountMembers(into: &o)
    o["total_amount"] = .int(totalAmount)
    o["items"] = .array(items.map { .object($0.json()) })
    o["metadata"] = .object(metadata)
    o["created_at"] = .time(createdAt)
    o.put("updated_at", updatedAt.map { .time($0) })
    o["object"] = "order"
    return o
  }

  /// `OrderCalculated`: the order with its customer reference and applied redemptions.
  public func calculatedJSON(customer: Customer?) -> JSONObject {
    var o: JSONObject = [
      "id": .string(id), "source_id": .str(sourceID), "created_at": .time(createdAt), "updated_at": .time(updatedAt),
      "status": .string(status.rawValue), "amount": .int(amount),
    ]
    discountMembers(into: &o)
    o["total_amount"] = .int(totalAmount)
    o["items"] = .array(items.map { .object($0.json(withProduct: true)) })
    o["metadata"] = .object(metadata)
    o.put("customer", customer.map { .object($0.referenceJSON) })
    o["customer_id"] = .str(customerID)
    o["referrer_id"] = .str(referrerID)
    o["object"] = "order"
    if !redemptions.isEmpty {
      var r = JSONObject()
      for a in redemptions {
        r[a.id] = [
          "date": .time(a.date), "related_object_type": .string(a.relatedObjectType),
          "related_object_id": .string(a.relatedObjectID), "related_object_parent_id": .string(a.relatedObjectParentID),
        ]
      }
      o["redemptions"] = .object(r)
    }
    return o
  }

  /// The `{id, source_id}` reference pending points carry.
  public var referenceJSON: JSONObject { ["id": .string(id), "source_id": .str(sourceID)] }
}

import SendoutCore

/// The mock API's input limits, checked on every body after it parses and before an endpoint runs, so a refused call
/// changes nothing (no customer is upserted, no product made):
///
/// - every number under an amount key (`amount`, `price`, `quantity`, `credits`, `points`, …) is an integer from 0
///   to `AmountLimits.maxAmount`; only a balance change's top-level `amount` or `points` may be negative (it removes);
/// - an order's `items` (`order.items`, or a top-level `items`) hold at most `AmountLimits.maxOrderItems` lines, and
///   each line's `amount` (or `price × quantity`) and their sum stay within `AmountLimits.maxAmount`;
/// - a `metadata` object nests at most `maxMetadataDepth` levels and writes to at most `maxMetadataBytes` bytes.
///
/// A refusal is Voucherify's 400 `invalid_payload` naming the field and the limit. The world checks the same amounts
/// again (a scenario step takes the same operations), so nothing past this check can overflow either.
package enum APIBodyLimits {
  /// Keys whose numbers are amounts in cents, quantities or points (`Order`, `OrderItem`, discounts, balances).
  package static let amountKeys: Set<String> = [
    "amount", "price", "quantity", "credits", "points", "amount_off", "amount_limit", "fixed_amount", "unit_off",
    "initial_amount", "discount_amount", "total_amount", "items_discount_amount", "every",
  ]
  /// The deepest nesting inside one `metadata` object. Voucherify documents no depth or size limit, only up to 100
  /// definitions per metadata schema, nested metadata being one object of attributes
  /// (https://docs.voucherify.io/prepare/metadata): 8 levels and 64 KiB leave room for any schema it documents and
  /// refuse only abuse.
  package static let maxMetadataDepth = 8
  /// The most bytes one `metadata` object may take, written compactly (64 KiB).
  package static let maxMetadataBytes = 65_536
  /// The simulated operations whose body the spec declares as an array (every other body is an object).
  package static let arrayBodies: Set<String> = [
    "create-earning-rule", "create-in-bulk-loyalty-tiers", "create-reward-assignment-1",
    "transfer-points",
    "update-customers-in-bulk", "update-products-in-bulk", "update-vouchers-in-bulk", "import-vouchers",
    "import-vouchers-to-campaign", "import-orders",
  ]

  /// Checks `body` (the whole request body), or throws the 400 naming the first field past a limit.
  package static func check(_ body: JSON) throws(VoucherifyError) {
    try walk(body, path: "", key: nil)
  }

  private static func walk(_ value: JSON, path: String, key: String?) throws(VoucherifyError) {
    if key == "metadata", case .object(let metadata) = value { return try checkMetadata(metadata, path: path) }
    if let key, amountKeys.contains(key), value.doubleValue != nil {
      return try checkAmount(
        value, path: path, mayBeNegative: !path.contains(".") && (key == "amount" || key == "points"))
    }
    switch value {
    case .object(let object):
      if let items = object["items"]?.arrayValue, key == "order" || path.isEmpty {
        try checkItems(items, path: path.isEmpty ? "items" : path + ".items")
      }
      for member in object.members {
        let child = path.isEmpty ? member.key : path + "." + member.key
        try walk(member.value, path: child, key: member.key)
      }
    case .array(let elements):
      for (i, element) in elements.enumerated() {
        try walk(element, path: path.isEmpty ? "\(i)" : "\(path).\(i)", key: nil)
      }
    default: break
    }
  }

  /// An amount: an integer from 0 (or −max, when it may be negative) to `AmountLimits.maxAmount`.
  private static func checkAmount(_ value: JSON, path: String, mayBeNegative: Bool) throws(VoucherifyError) {
    let low = mayBeNegative ? -AmountLimits.maxAmount : 0
    guard let number = value.intValue, (low...AmountLimits.maxAmount).contains(number) else {
      throw .invalidPayload(
        "at `\(path)`: expected an integer from \(low) to \(AmountLimits.maxAmount), got \(value.compactString)")
    }
  }

  /// An order's lines: how many, and what each and all of them cost.
  private static func checkItems(_ items: [JSON], path: String) throws(VoucherifyError) {
    guard items.count <= AmountLimits.maxOrderItems else {
      throw .invalidPayload(
        "at `\(path)`: an order has at most \(AmountLimits.maxOrderItems) items, got \(items.count)")
    }
    var total = 0
    for (i, item) in items.enumerated() {
      let amount: Int
      if let given = item["amount"]?.intValue {
        amount = given
      } else if let price = item["price"]?.intValue {
        let (product, overflow) = price.multipliedReportingOverflow(by: item["quantity"]?.intValue ?? 1)
        amount = overflow ? .max : product
      } else {
        continue
      }
      guard amount <= AmountLimits.maxAmount else {
        throw .invalidPayload(
          "at `\(path).\(i)`: the item's amount (price × quantity) exceeds \(AmountLimits.maxAmount)")
      }
      let (sum, overflow) = total.addingReportingOverflow(amount)
      guard !overflow, sum <= AmountLimits.maxAmount else {
        throw .invalidPayload("at `\(path)`: the items' amounts sum to more than \(AmountLimits.maxAmount)")
      }
      total = sum
    }
  }

  /// A `metadata` object: its nesting and size.
  private static func checkMetadata(_ metadata: JSONObject, path: String) throws(VoucherifyError) {
    let levels = depth(of: .object(metadata))
    guard levels <= maxMetadataDepth else {
      throw .invalidPayload(
        "at `\(path)`: metadata nests \(levels) levels deep, at most \(maxMetadataDepth) are accepted")
    }
    let bytes = JSON.object(metadata).compactBytes.count
    guard bytes <= maxMetadataBytes else {
      throw .invalidPayload("at `\(path)`: metadata takes \(bytes) bytes, at most \(maxMetadataBytes) are accepted")
    }
  }

  /// How many objects and arrays deep `value` nests (a scalar: 0, `{}`: 1).
  private static func depth(of value: JSON) -> Int {
    switch value {
    case .object(let o): 1 + (o.members.lazy.map { depth(of: $0.value) }.max() ?? 0)
    case .array(let a): 1 + (a.lazy.map { depth(of: $0) }.max() ?? 0)
    default: 0
    }
  }

}

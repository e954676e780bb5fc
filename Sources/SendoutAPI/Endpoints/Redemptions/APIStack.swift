import SendoutCore

/// The request of a stacked validation or redemption (`StackableValidateRedeemBase`), read the same way for both:
/// the redeemables, the order amount, the customer; and the JSON both answer a redeemable's outcome with.
struct APIStack: Sendable {
  /// The redeemables, in the order sent.
  var redeemables: [StackRedeemable]
  /// The order amount in cents (`order.amount`, or the sum of `order.items`, or the amount of the existing order
  /// `order.id` or `order.source_id` names).
  var amount: Int
  /// The `order` as sent.
  var orderFields: OrderFields
  /// How the order looks as sent (`World.orderPreview`): what a validation's `order` shows of it.
  var orderPreview: JSONObject
  /// The redemption's or validation's `metadata`, kept on the redemption.
  var metadata: JSONObject
  /// The customer the body names (id or `source_id`), if any.
  var customerKey: String?
  /// `options.expand`.
  var expand: Set<String>

  /// Reads `request` (the `order` it names looked up in `world`); a missing or malformed field is Voucherify's 400.
  init(_ request: APIRequest, in world: World) throws(VoucherifyError) {
    guard let items = request.body["redeemables"]?.arrayValue, !items.isEmpty else {
      throw VoucherifyError.invalidPayload("`redeemables` is required: [{\"object\": \"voucher\", \"id\": CODE}, …]")
    }
    let limit = world.stackingRulesInForce.redeemablesLimit
    guard items.count <= limit else {
      throw VoucherifyError.invalidPayload(
        "`redeemables` holds \(items.count) items; at most \(limit) are accepted "
          + "(stacking_rules.redeemables_limit)")
    }
    var parsed: [StackRedeemable] = []
    for (i, item) in items.enumerated() { parsed.append(try Self.redeemable(item, at: i)) }
    for (i, r) in parsed.enumerated() where parsed[..<i].contains(where: { $0.kind == r.kind && $0.id == r.id }) {
      throw VoucherifyError.invalidPayload(
        "at `redeemables.\(i)`: '\(r.id)' is already in the request; each redeemable may be sent once")
    }
    redeemables = parsed
    orderFields = try OrderFields(request.body["order"])
    amount = try Self.amount(orderFields, in: world)
    orderPreview = world.orderPreview(orderFields)
    metadata = request.object(at: "metadata") ?? [:]
    customerKey = APIEndpoints.customerKey(request)
    expand = Set((request.body["options"]?["expand"]?.arrayValue ?? []).compactMap(\.stringValue))
  }

  /// One redeemable: `{object: voucher|promotion_tier, id, gift: {credits}, reward: {…}}`.
  private static func redeemable(_ item: JSON, at i: Int) throws(VoucherifyError) -> StackRedeemable {
    let object = item["object"]?.stringValue ?? "voucher"
    guard let kind = StackRedeemable.Kind(rawValue: object) else {
      throw VoucherifyError.invalidPayload(
        "at `redeemables.\(i).object`: expected voucher or promotion_tier (promotion stacks are not "
          + "simulated), got '\(object)'")
    }
    guard let id = item["id"]?.stringValue, !id.isEmpty else {
      throw VoucherifyError.invalidPayload("at `redeemables.\(i).id`: expected the code or promotion tier id")
    }
    var credits: Int?
    if let value = item["gift"]?["credits"], value != .null {
      guard let number = value.intValue else {
        throw APIRequest.invalid("redeemables.\(i).gift.credits", "an integer (cents)", value, errorKey: "invalid_gift")
      }
      credits = number
    }
    let reward = item["reward"].map { $0 != .null } ?? false
    return StackRedeemable(kind: kind, id: id, giftCredits: credits, hasReward: reward)
  }

  /// `order.amount`, or the sum of `order.items[].amount` (or `price` × `quantity`, the price of the product an
  /// item names when it gives none), or the amount of the existing order it names; 400 `missing_amount` without
  /// any, `missing_order_items_amount` for an item without an amount or a price.
  private static func amount(_ order: OrderFields, in world: World) throws(VoucherifyError) -> Int {
    if order.amount == nil {
      for line in order.items ?? [] where line.amount == nil && line.price == nil && world.product(of: line) == nil {
        throw VoucherifyError(
          status: 400, key: "missing_order_items_amount", message: "Missing order items amount",
          details: "each of `order.items` needs `amount` or `price` (cents)")
      }
    }
    let amount = try world.orderAmount(of: order)
    guard amount > 0 else {
      throw VoucherifyError(
        status: 400, key: "missing_amount", message: "Missing amount", details: "`order.amount` (cents) is required")
    }
    return amount
  }
}

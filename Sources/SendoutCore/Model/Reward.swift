/// A loyalty reward (`rew_…`): a product (`MATERIAL`), gift credits or a coupon (`CAMPAIGN`), or a coin.
public struct Reward: Sendable, Equatable {
  /// What the reward gives.
  public enum Kind: Sendable, Equatable {
    /// A physical product.
    case material(productID: String)
    /// Credits or a code from another campaign.
    case campaign(campaignID: String, credits: Int?)
  }

  /// `rew_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// What it gives.
  public var kind: Kind
  /// Items left, `nil` = unlimited.
  public var stock: Int?
  /// How many were redeemed.
  public var redeemed = 0
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last updated; `nil` until then.
  public var updatedAt: Timestamp?
  /// The SKU of a `MATERIAL` reward's product, if the application named one.
  public var skuID: String?
  /// A `MATERIAL` reward's attributes (`image_url`, `description`) as the application sent them.
  public var attributes: JSONObject?
  /// Custom key/value pairs as the application sent them.
  public var metadata: JSONObject?

  /// Creates a reward.
  public init(id: String, name: String, kind: Kind, stock: Int?, createdAt: Timestamp) {
    self.id = id
    self.name = name
    self.kind = kind
    self.stock = stock
    self.createdAt = createdAt
  }

  /// `MATERIAL` or `CAMPAIGN`.
  public var typeName: String {
    if case .material = kind { return "MATERIAL" }
    return "CAMPAIGN"
  }

  /// `parameters`.
  var parametersJSON: JSONObject {
    switch kind {
    case .material(let p): return ["product": ["id": .string(p), "sku_id": skuID.map { .string($0) } ?? .null]]
    case .campaign(let c, let credits):
      var o: JSONObject = ["id": .string(c), "type": "GIFT_VOUCHERS"]
      o.put("balance", credits.map { .int($0) })
      return ["campaign": .object(o)]
    }
  }

  /// `Reward`.
  public var fullJSON: JSONObject {
    [
      "id": .string(id), "name": .string(name), "stock": .num(stock), "redeemed": .int(redeemed),
      "attributes": .object(attributes ?? [:]), "created_at": .time(createdAt),
      "updated_at": updatedAt.map { .time($0) } ?? .null, "parameters": .object(parametersJSON),
      "metadata": .object(metadata ?? [:]),
      "type": .string(typeName), "object": "reward",
    ]
  }

  /// The reward as a redemption embeds it (`RedemptionInternal.reward`, the official `customer.rewarded` example):
  /// the customer, the result's members, and the reward's own `created_at`, `updated_at` and `parameters`.
  public func redemptionJSON(customer: JSONObject, assignmentID: String, related: (String, JSONObject)?) -> JSONObject {
    var o: JSONObject = ["customer": .object(customer)]
    for m in resultJSON(assignmentID: assignmentID, related: related).members where m.key != "type" {
      o[m.key] = m.value
    }
    o["created_at"] = .time(createdAt)
    o["updated_at"] = .null
    o["parameters"] = .object(parametersJSON)
    o["type"] = .string(typeName)
    return o
  }

  /// `SimpleRedemptionRewardResult`: `related` is the product or the voucher the customer got.
  public func resultJSON(assignmentID: String, related: (String, JSONObject)?) -> JSONObject {
    var o: JSONObject = ["assignment_id": .string(assignmentID)]
    if let (k, v) = related { o[k] = .object(v) }
    o["id"] = .string(id)
    o["object"] = "reward"
    o["name"] = .string(name)
    o["type"] = .string(typeName)
    return o
  }
}

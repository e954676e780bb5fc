/// A product collection (`pc_…`): a `STATIC` list of products and SKUs, or an `AUTO_UPDATE` filter over the
/// catalogue's product fields evaluated whenever the collection is read or a rule asks about it (a product created
/// later joins it). Holds what the application sent, and the time Voucherify adds.
public struct ProductCollection: Sendable, Equatable, Identifiable {
  /// `STATIC` or `AUTO_UPDATE`.
  public enum Kind: String, Sendable {
    /// A fixed list of products and SKUs (`products`).
    case fixed = "STATIC"
    /// The products a `filter` selects, at read time.
    case autoUpdate = "AUTO_UPDATE"
  }

  /// One product or SKU of a static collection, as sent (`{id, product_id, object}`).
  public struct Member: Sendable, Equatable {
    /// `prod_…` or `sku_…`.
    public var id: String
    /// A SKU's product, when sent.
    public var productID: String?
    /// `product` or `sku`.
    public var object: String

    /// A member.
    public init(id: String, productID: String?, object: String) {
      self.id = id
      self.productID = productID
      self.object = object
    }
  }

  /// `pc_…`.
  public var id: String
  /// `name`, when sent.
  public var name: String?
  /// `type`.
  public var kind: Kind
  /// A static collection's products and SKUs, in the order sent.
  public var members: [Member]
  /// An auto-update collection's `filter`, as sent.
  public var filter: JSONObject?
  /// The filter compiled once (`nil` for a static collection).
  public var compiledFilter: ProductFilter?
  /// When it was created.
  public var createdAt: Timestamp

  /// Creates a collection.
  public init(
    id: String, name: String?, kind: Kind, members: [Member], filter: JSONObject?, compiledFilter: ProductFilter?,
    createdAt: Timestamp
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.members = members
    self.filter = filter
    self.compiledFilter = compiledFilter
    self.createdAt = createdAt
  }

  /// `ProductCollectionsItem`: `products` for a static collection, `filter` for an auto-update one, as the spec's
  /// examples show them.
  public var json: JSONObject {
    var o: JSONObject = ["id": .string(id), "name": .str(name), "type": .string(kind.rawValue)]
    switch kind {
    case .fixed:
      o["products"] = .array(
        members.map { m in
          var item: JSONObject = ["id": .string(m.id)]
          item.put("product_id", m.productID.map { .string($0) })
          item["object"] = .string(m.object)
          return .object(item)
        })
    case .autoUpdate: o["filter"] = filter.map { .object($0) } ?? .null
    }
    o["created_at"] = .time(createdAt)
    o["object"] = "products_collection"
    return o
  }
}

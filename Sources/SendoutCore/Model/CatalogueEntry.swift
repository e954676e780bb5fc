/// A product or a SKU of the catalogue (what a collection lists).
public enum CatalogueEntry: Sendable, Equatable {
  /// A product.
  case product(Product)
  /// A SKU.
  case sku(SKU)

  /// Its creation time.
  public var createdAt: Timestamp {
    switch self {
    case .product(let p): p.createdAt
    case .sku(let s): s.createdAt
    }
  }

  /// Its last update (its creation when never updated).
  public var updatedAt: Timestamp {
    switch self {
    case .product(let p): p.updatedAt ?? p.createdAt
    case .sku(let s): s.updatedAt ?? s.createdAt
    }
  }
}

extension World {
  /// Adds a product collection holding what the application sent (no event: Voucherify sends no collection
  /// webhooks). An auto-update collection's `filter` is compiled now: 400 when malformed, 501 naming a field or
  /// operator the mock does not evaluate. A static collection keeps its `products` as sent, known to the world or not
  /// (one created later, under that id, joins it).
  public mutating func createProductCollection(
    name: String?, kind: ProductCollection.Kind, members: [ProductCollection.Member], filter: JSONObject?
  ) throws(VoucherifyError) -> Emitted<ProductCollection> {
    var compiled: ProductFilter?
    if kind == .autoUpdate {
      guard let filter else { throw .invalidPayload("`filter` is required for an AUTO_UPDATE collection") }
      compiled = try ProductFilter.compile(filter)
    }
    begin(.api)
    let collection = ProductCollection(
      id: make(.productCollection), name: name, kind: kind, members: kind == .fixed ? members : [],
      filter: kind == .autoUpdate ? filter : nil, compiledFilter: compiled, createdAt: now)
    productCollections.append(collection)
    return finish(collection)
  }

  /// Deletes a product collection (no event); rules naming it then match no line.
  public mutating func deleteProductCollection(_ id: String) throws(VoucherifyError) -> Emitted<ProductCollection> {
    let i = try position(in: productCollections, id, "products_collection")
    begin(.api)
    return finish(productCollections.remove(at: i))
  }

  /// A collection's products and SKUs the world knows: a static one's members in the order sent, an auto-update
  /// one's products that pass its filter now, in creation order.
  public func catalogue(of collection: ProductCollection) -> [CatalogueEntry] {
    switch collection.kind {
    case .fixed:
      return collection.members.compactMap { m in
        m.object == "sku" ? skus[id: m.id].map(CatalogueEntry.sku) : products[id: m.id].map(CatalogueEntry.product)
      }
    case .autoUpdate:
      guard let filter = collection.compiledFilter else { return [] }
      return products.filter(filter.matches).map(CatalogueEntry.product)
    }
  }

  /// Whether an order line of product `productID` (or SKU `skuID`) is in collection `id` (an unknown collection holds
  /// none): a static one lists the SKU, or the product (any of its SKUs then); an auto-update one's filter takes the
  /// line's product.
  func collection(_ id: String, holds productID: String?, sku skuID: String?) -> Bool {
    guard let c = productCollections[id: id] else { return false }
    let product = productID ?? skuID.flatMap { skus[id: $0]?.productID }
    switch c.kind {
    case .fixed:
      return c.members.contains { m in m.object == "sku" ? m.id == skuID : m.id == product }
    case .autoUpdate:
      guard let filter = c.compiledFilter, let p = product.flatMap({ products[id: $0] }) else { return false }
      return filter.matches(p)
    }
  }
}

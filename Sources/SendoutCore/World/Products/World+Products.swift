extension World {
  /// The product with the id or source id `key`, or `nil`.
  public func product(idOrSourceID key: String) -> Product? {
    products[id: key] ?? products.first { $0.fields.sourceID == key }
  }

  /// The SKU with the id or source id `key`, or `nil`.
  public func sku(idOrSourceID key: String) -> SKU? {
    skus[id: key] ?? skus.first { $0.fields.sourceID == key }
  }

  /// Adds a product holding what the application sent (no event: Voucherify sends no product webhooks). A source id
  /// of a product in the bin is taken until its entry is deleted.
  public mutating func createProduct(_ fields: ProductFields) throws(VoucherifyError) -> Emitted<Product> {
    try checkNotBinned(fields.sourceID, "product", in: binnedProducts.map(\.fields.sourceID))
    begin(.api)
    let product = Product(id: make(.product), fields: fields, createdAt: now)
    products.append(product)
    return finish(product)
  }

  /// Replaces a product's fields with `fields` and stamps `updated_at` (no event).
  public mutating func updateProduct(_ id: String, _ fields: ProductFields) throws(VoucherifyError) -> Emitted<Product>
  {
    let i = try position(in: products, id, "product")
    begin(.api)
    products[i].fields = fields
    products[i].updatedAt = now
    return finish(products[i])
  }

  /// Deletes a product and its SKUs (no event): with `force` for good, otherwise into the bin, one entry that takes
  /// the SKUs with it (out of reads and lists, source ids still taken, until the entry is deleted).
  public mutating func deleteProduct(_ id: String, force: Bool) throws(VoucherifyError) -> Emitted<Product> {
    let i = try position(in: products, id, "product")
    begin(.api)
    while let s = skus.firstIndex(where: { $0.productID == id }) {
      let sku = skus.remove(at: s)
      if !force { binnedSKUs.append(sku) }
    }
    let product = products.remove(at: i)
    if !force {
      binnedProducts.append(product)
      moveToBin("product", id: id, name: product.fields.name ?? product.sourceID, parentID: nil, channel: .api)
    }
    return finish(product)
  }

  /// Adds a SKU of the product `productID` holding what the application sent (no event).
  public mutating func createSKU(productID: String, _ fields: SKUFields) throws(VoucherifyError) -> Emitted<SKU> {
    _ = try position(in: products, productID, "product")
    try checkNotBinned(fields.sourceID, "sku", in: binnedSKUs.map(\.fields.sourceID))
    begin(.api)
    let sku = SKU(id: make(.sku), productID: productID, fields: fields, createdAt: now)
    skus.append(sku)
    return finish(sku)
  }

  /// Replaces a SKU's fields with `fields` and stamps `updated_at` (no event).
  public mutating func updateSKU(_ id: String, _ fields: SKUFields) throws(VoucherifyError) -> Emitted<SKU> {
    let i = try position(in: skus, id, "sku")
    begin(.api)
    skus[i].fields = fields
    skus[i].updatedAt = now
    return finish(skus[i])
  }

  /// Deletes a SKU (no event): with `force` for good, otherwise into the bin (its source id still taken).
  public mutating func deleteSKU(_ id: String, force: Bool) throws(VoucherifyError) -> Emitted<SKU> {
    let i = try position(in: skus, id, "sku")
    begin(.api)
    let sku = skus.remove(at: i)
    if !force {
      binnedSKUs.append(sku)
      let name = sku.fields.sku ?? sku.fields.sourceID ?? sku.id
      moveToBin("sku", id: id, name: name, parentID: sku.productID, channel: .api)
    }
    return finish(sku)
  }

  /// Voucherify's 409 when `sourceID` is one of `binned` (a product's or SKU's in the bin).
  private func checkNotBinned(_ sourceID: String?, _ type: String, in binned: [String?]) throws(VoucherifyError) {
    guard let sourceID, binned.contains(sourceID) else { return }
    throw .duplicateFound(type, sourceID, "\(type) with source_id '\(sourceID)' is in the bin")
  }
}

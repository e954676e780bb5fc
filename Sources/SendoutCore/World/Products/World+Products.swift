extension World {
  /// The product with the id or source id `key`, or `nil`.
  public func product(idOrSourceID key: String) -> Product? {
    products[id: key] ?? products.first { $0.fields.sourceID == key }
  }

  /// The SKU with the id or source id `key`, or `nil`.
  public func sku(idOrSourceID key: String) -> SKU? {
    skus[id: key] ?? skus.first { $0.fields.sourceID == key }
  }

  /// Adds a product holding what the application sent (no event: Voucherify sends no product webhooks).
  public mutating func createProduct(_ fields: ProductFields) -> Emitted<Product> {
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

  /// Deletes a product and its SKUs (no event).
  public mutating func deleteProduct(_ id: String) throws(VoucherifyError) -> Emitted<Product> {
    let i = try position(in: products, id, "product")
    begin(.api)
    while let s = skus.firstIndex(where: { $0.productID == id }) { _ = skus.remove(at: s) }
    return finish(products.remove(at: i))
  }

  /// Adds a SKU of the product `productID` holding what the application sent (no event).
  public mutating func createSKU(productID: String, _ fields: SKUFields) throws(VoucherifyError) -> Emitted<SKU> {
    _ = try position(in: products, productID, "product")
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

  /// Deletes a SKU (no event).
  public mutating func deleteSKU(_ id: String) throws(VoucherifyError) -> Emitted<SKU> {
    let i = try position(in: skus, id, "sku")
    begin(.api)
    return finish(skus.remove(at: i))
  }
}

import SendoutCore

extension APIProducts {
  /// `Product`: what the application sent (`null` for what it did not), its SKUs, and what Voucherify adds.
  static func json(_ product: Product, _ world: World) -> JSONObject {
    let f = product.fields
    let skus = world.skus.filter { $0.productID == product.id }.map { JSON.object(json($0)) }
    return [
      "id": .string(product.id), "source_id": optional(f.sourceID, JSON.string), "name": optional(f.name, JSON.string),
      "price": optional(f.price, JSON.int), "attributes": optional(f.attributes) { .array($0.map(JSON.string)) },
      "metadata": optional(f.metadata, JSON.object), "image_url": optional(f.imageURL, JSON.string),
      "created_at": .string(product.createdAt.iso8601),
      "updated_at": optional(product.updatedAt) { .string($0.iso8601) },
      "object": "product",
      "skus": ["object": "list", "data_ref": "data", "data": .array(skus), "total": .int(skus.count)],
    ]
  }

  /// `Sku`: what the application sent (`null` for what it did not), its product, and what Voucherify adds.
  static func json(_ sku: SKU) -> JSONObject {
    let f = sku.fields
    return [
      "id": .string(sku.id), "source_id": optional(f.sourceID, JSON.string), "product_id": .string(sku.productID),
      "sku": optional(f.sku, JSON.string), "price": optional(f.price, JSON.int),
      "currency": optional(f.currency, JSON.string), "attributes": optional(f.attributes, JSON.object),
      "image_url": optional(f.imageURL, JSON.string), "metadata": optional(f.metadata, JSON.object),
      "created_at": .string(sku.createdAt.iso8601), "updated_at": optional(sku.updatedAt) { .string($0.iso8601) },
      "object": "sku",
    ]
  }

  /// `value` rendered, or `null`.
  private static func optional<T>(_ value: T?, _ render: (T) -> JSON) -> JSON { value.map(render) ?? .null }
}

import SendoutCore

/// Products and their SKUs through the mock API, two generic resources over the world's catalog. A path names a
/// product or SKU by id or source id; a create naming an existing id or source id updates it (Voucherify's upsert
/// mode). Voucherify sends no product or SKU webhooks, so none of these calls emits an event. A delete without
/// `force` moves the product (with its SKUs) or the SKU to the bin, as the spec's delete-product and delete-sku say;
/// with `force` it removes it for good.
enum APIProducts {
  /// Products, ordered by `created_at`/`updated_at`, paged.
  static let products = APIResource<Product>(
    object: "product", idParameter: "productId", table: \.products, json: { product, world in json(product, world) },
    listing: .init(key: "products", order: byDate({ $0.createdAt }, { $0.updatedAt })),
    create: { request, world throws(VoucherifyError) in
      // Closures, not `world.product(idOrSourceID:)` references: a method reference copies the whole world.
      let existing =
        request.string(at: "id").flatMap { world.product(idOrSourceID: $0) }
        ?? request.string(at: "source_id").flatMap { world.product(idOrSourceID: $0) }
      guard let existing else { return try world.createProduct(fields(request, over: ProductFields(), creating: true)) }
      return try world.updateProduct(existing.id, fields(request, over: existing.fields, creating: true))
    },
    update: { product, request, world throws(VoucherifyError) in
      try world.updateProduct(product.id, fields(request, over: product.fields))
    },
    find: { key, world in world.product(idOrSourceID: key) })

  /// A product's SKUs (`/v1/products/{productId}/skus…`); `/v1/skus/{skuId}` reads one without naming its product.
  static let skus = APIResource<SKU>(
    object: "sku", idParameter: "skuId", table: \.skus, json: { sku, _ in json(sku) },
    parent: .init(
      id: { request, world throws(VoucherifyError) in try product(request, world)?.id },
      key: \.productID),
    listing: .init(key: "skus", order: byDate({ $0.createdAt }, { $0.updatedAt })),
    create: { request, world throws(VoucherifyError) in
      let productID = try product(request, world)?.id ?? ""
      let existing =
        request.string(at: "id").flatMap { world.sku(idOrSourceID: $0) }
        ?? request.string(at: "source_id").flatMap { world.sku(idOrSourceID: $0) }
      guard let existing else {
        return try world.createSKU(productID: productID, fields(request, over: SKUFields(), creating: true))
      }
      return try world.updateSKU(existing.id, fields(request, over: existing.fields, creating: true))
    },
    update: { sku, request, world throws(VoucherifyError) in
      try world.updateSKU(sku.id, fields(request, over: sku.fields))
    },
    find: { key, world in world.sku(idOrSourceID: key) })

  /// The operations, by `operationId`.
  static let endpoints =
    products.endpoints([
      "list-products": .list, "create-product": .create, "get-product": .get, "update-product": .update,
    ])
    .merging(
      skus.endpoints([
        "list-SKUs-in-product": .list, "create-sku": .create, "get-sku": .get, "update-sku": .update,
      ])
    ) { first, _ in first }
    .merging(["delete-product": deleteProduct, "delete-sku": deleteSKU]) { first, _ in first }

  /// `DELETE /v1/products/{productId}[?force=true]`: 204; without `force` the product and its SKUs go to the bin.
  static func deleteProduct(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let product = try products.entity(request, world)
    return APIAnswer(body: .null, events: try world.deleteProduct(product.id, force: request.flag("force")).events)
  }

  /// `DELETE /v1/products/{productId}/skus/{skuId}[?force=true]`: 204; without `force` the SKU goes to the bin.
  static func deleteSKU(_ request: APIRequest, _ world: inout World) throws(VoucherifyError) -> APIAnswer {
    let sku = try skus.entity(request, world)
    return APIAnswer(body: .null, events: try world.deleteSKU(sku.id, force: request.flag("force")).events)
  }

  /// The `order` fields `created_at` and `updated_at` (an entity never updated sorts by its creation).
  private static func byDate<E>(
    _ created: @escaping @Sendable (E) -> Timestamp, _ updated: @escaping @Sendable (E) -> Timestamp?
  ) -> [String: APIResource<E>.Order] {
    [
      "created_at": { created($0) < created($1) },
      "updated_at": { (updated($0) ?? created($0)) < (updated($1) ?? created($1)) },
    ]
  }

  /// The product the path's `productId` names (by id or source id), its 404; `nil` when the path names none.
  private static func product(_ request: APIRequest, _ world: World) throws(VoucherifyError) -> Product? {
    guard let key = request.parameters["productId"] else { return nil }
    guard let product = world.product(idOrSourceID: key) else { throw .notFound("product", id: key) }
    return product
  }

  /// The body's product fields over `current`: a field absent stays, `null` clears it (types checked by the spec);
  /// `source_id` only when `creating` (an update's body has none).
  static func fields(_ request: APIRequest, over current: ProductFields, creating: Bool = false) -> ProductFields {
    var f = current
    if creating { f.sourceID = request.field("source_id", over: f.sourceID, \.stringValue) }
    f.name = request.field("name", over: f.name, \.stringValue)
    f.price = request.field("price", over: f.price, \.intValue)
    f.attributes = request.field("attributes", over: f.attributes) { $0.arrayValue?.compactMap(\.stringValue) }
    f.metadata = request.field("metadata", over: f.metadata, \.objectValue)
    f.imageURL = request.field("image_url", over: f.imageURL, \.stringValue)
    return f
  }

  /// The body's SKU fields over `current`: a field absent stays, `null` clears it (types checked by the spec);
  /// `source_id` only when `creating` (an update's body has none).
  static func fields(_ request: APIRequest, over current: SKUFields, creating: Bool = false) -> SKUFields {
    var f = current
    if creating { f.sourceID = request.field("source_id", over: f.sourceID, \.stringValue) }
    f.sku = request.field("sku", over: f.sku, \.stringValue)
    f.price = request.field("price", over: f.price, \.intValue)
    f.currency = request.field("currency", over: f.currency, \.stringValue)
    f.attributes = request.field("attributes", over: f.attributes, \.objectValue)
    f.imageURL = request.field("image_url", over: f.imageURL, \.stringValue)
    f.metadata = request.field("metadata", over: f.metadata, \.objectValue)
    return f
  }
}

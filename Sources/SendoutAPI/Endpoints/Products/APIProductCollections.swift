import SendoutCore

/// Product collections through the mock API (`/v1/product-collections`): create, get, delete and list, a generic
/// resource, and the products and SKUs one holds (`…/{productCollectionId}/products`). A `STATIC` collection keeps
/// the `products` sent; an `AUTO_UPDATE` one's `filter` is evaluated over the world's products when read, so a
/// product created later joins it. Voucherify sends no collection webhooks; none of these calls emits an event.
enum APIProductCollections {
  /// The resource: the world's collections, by `created_at`, paged.
  static let resource = APIResource<ProductCollection>(
    object: "products_collection", idParameter: "productCollectionId", table: \.productCollections,
    json: { collection, _ in collection.json },
    listing: .init(order: ["created_at": { $0.createdAt < $1.createdAt }]),
    create: { request, world throws(VoucherifyError) in
      let kind = try kind(request)
      return try world.createProductCollection(
        name: try request.string(at: "name", errorKey: key), kind: kind,
        members: kind == .fixed ? try members(request) : [], filter: try request.object(at: "filter", errorKey: key))
    },
    delete: { collection, world throws(VoucherifyError) in try world.deleteProductCollection(collection.id).events })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints([
    "list-product-collections": .list, "create-product-collection": .create, "get-product-collection": .get,
    "delete-product-collection": .delete,
  ]).merging(["list-products-in-collection": products]) { first, _ in first }

  private static let key = VoucherifyError.invalidPayloadKey

  /// `GET /v1/product-collections/{productCollectionId}/products`: what the collection holds now (products as
  /// `ProductWithoutSkus`, SKUs as `SkuWithProduct`), after `starting_after` (a `created_at` time), paged by
  /// `limit`/`page`, `total` counting them all.
  static let products: APIEndpoints.Handler = { request, world throws(VoucherifyError) in
    let collection = try resource.entity(request, world)
    let entries = try APIList.afterTime(
      world.catalogue(of: collection), request, created: \.createdAt, updated: \.updatedAt)
    let page = try APIList.page(entries, request)
    return APIAnswer(body: APIList.body("data", page.map { .object(json($0, world)) }, total: entries.count))
  }

  /// One entry of a collection: a product without its SKUs, or a SKU with its product.
  private static func json(_ entry: CatalogueEntry, _ world: World) -> JSONObject {
    switch entry {
    case .product(let product):
      return productWithoutSKUs(product, world)
    case .sku(let sku):
      var o = APIProducts.json(sku)
      if let product = world.products[id: sku.productID] { o["product"] = .object(productWithoutSKUs(product, world)) }
      return o
    }
  }

  /// `ProductWithoutSkus`.
  private static func productWithoutSKUs(_ product: Product, _ world: World) -> JSONObject {
    JSONObject(APIProducts.json(product, world).members.filter { $0.key != "skus" })
  }

  /// `type`: `STATIC` or `AUTO_UPDATE`; when absent, `AUTO_UPDATE` for a body with a `filter`, else `STATIC`.
  private static func kind(_ request: APIRequest) throws(VoucherifyError) -> ProductCollection.Kind {
    guard let type = try request.choice(at: "type", ["STATIC", "AUTO_UPDATE"], errorKey: key) else {
      return request.value(at: "filter") != nil ? .autoUpdate : .fixed
    }
    return ProductCollection.Kind(rawValue: type) ?? .fixed
  }

  /// A static collection's `products`: `{id, product_id, object: product|sku}` each.
  private static func members(_ request: APIRequest) throws(VoucherifyError) -> [ProductCollection.Member] {
    var members: [ProductCollection.Member] = []
    for i in (request.value(at: "products")?.arrayValue ?? []).indices {
      let id = try request.required("products.\(i).id", errorKey: key)
      let object = try request.choice(at: "products.\(i).object", ["product", "sku"], errorKey: key)
      guard let object else { throw .invalidPayload("`products.\(i).object` is required: product or sku") }
      members.append(
        .init(id: id, productID: try request.string(at: "products.\(i).product_id", errorKey: key), object: object))
    }
    return members
  }
}

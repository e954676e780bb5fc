import SendoutCore

/// Categories through the mock API (`/v1/categories`): create, get, update, delete and list, a generic resource.
/// Categories send no webhook.
enum APICategories {
  /// The resource: the world's categories, listed by creation (the spec's list takes no query).
  static let resource = APIResource<Category>(
    object: "category", idParameter: "categoryId", table: \.categories, json: { category, _ in category.json },
    listing: .init(paged: false),
    create: { request, world throws(VoucherifyError) in
      let name = try request.required("name", errorKey: key)
      return Emitted(world.createCategory(name: name, hierarchy: try hierarchy(request)), [])
    },
    update: { category, request, world throws(VoucherifyError) in
      let name = try request.string(at: "name", errorKey: key)
      if name?.isEmpty == true { throw .invalidPayload("`name` cannot be empty") }
      return Emitted(try world.updateCategory(category.id, name: name, hierarchy: try hierarchy(request)), [])
    },
    delete: { category, world throws(VoucherifyError) in
      try world.deleteCategory(category.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints([
    "list-categories": .list, "create-category": .create, "get-category": .get, "update-category": .update,
    "delete-category": .delete,
  ])

  private static let key = VoucherifyError.invalidPayloadKey

  /// `hierarchy`: an integer of 0 or more (the spec's minimum), `nil` when absent.
  private static func hierarchy(_ request: APIRequest) throws(VoucherifyError) -> Int? {
    guard let hierarchy = try request.int(at: "hierarchy", errorKey: key) else { return nil }
    guard hierarchy >= 0 else { throw .invalidPayload("`hierarchy` must be 0 or more, got \(hierarchy)") }
    return hierarchy
  }
}

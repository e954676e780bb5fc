import SendoutCore

/// The project's brand configuration through the Management API (`/management/v1/projects/{projectId}/branding`):
/// create, get, update, delete and list, a generic resource over the world (MockAPI checks the path's project).
/// Brands send no webhook; a project has one.
enum APIBrands {
  /// The resource: the world's brand configuration.
  static let resource = APIResource<Brand>(
    object: "brand", idParameter: "brandingId", table: \.brands, json: { brand, _ in brand.json },
    listing: .init(paged: false),
    create: { request, world throws(VoucherifyError) in
      let sections = try APIBrands.sections(request)
      guard sections.brand["name"]?.stringValue?.isEmpty == false else {
        throw .invalidPayload("`brand.name` is required")
      }
      return Emitted(try world.createBrand(sections.all), [])
    },
    update: { brand, request, world throws(VoucherifyError) in
      Emitted(try world.updateBrand(brand.id, try sections(request).all), [])
    },
    delete: { brand, world throws(VoucherifyError) in
      try world.deleteBrand(brand.id)
      return []
    })

  /// The operations, by `operationId`.
  static let endpoints = resource.endpoints([
    "list-brands": .list, "create-brand": .create, "get-brand": .get, "update-brand": .update, "delete-brand": .delete,
  ])

  /// The body's `brand`, `address` and `contact` objects (their fields' types checked by the request check); the
  /// URLs must be URLs and the email an email, as the spec says.
  private static func sections(_ request: APIRequest) throws(VoucherifyError) -> (brand: JSONObject, all: JSONObject) {
    var all: JSONObject = [:]
    for name in Brand.sectionNames {
      if let section = request.object(at: name) { all[name] = .object(section) }
    }
    for field in ["brand.privacy_policy_url", "brand.terms_of_use_url", "brand.website_url"] {
      if let url = request.string(at: field), !url.contains(".") || url.contains(" ") {
        throw .invalidPayload("`\(field)` must be a URL, got '\(url)'")
      }
    }
    if let email = request.string(at: "contact.email"), email.split(separator: "@").count != 2 {
      throw .invalidPayload("`contact.email` must be an email address, got '\(email)'")
    }
    return (all["brand"]?.objectValue ?? [:], all)
  }
}

extension World {
  /// Creates the project's brand configuration from its `brand`, `address` and `contact` objects (no event); a
  /// second one is Voucherify's 400: a project has one.
  public mutating func createBrand(_ sections: JSONObject) throws(VoucherifyError) -> Brand {
    if let existing = brands.first {
      throw .invalidPayload("the project has a brand configuration (\(existing.id)): update it instead")
    }
    tick()
    var brand = Brand(id: make(.brand), sections: [:])
    brand.sections = Self.merged(sections, into: ["brand": ["permission_reminder": .string(Self.reminder)]])
    brands.append(brand)
    return brand
  }

  /// Changes the fields given of a brand configuration's objects (no event).
  public mutating func updateBrand(_ id: String, _ sections: JSONObject) throws(VoucherifyError) -> Brand {
    let i = try position(in: brands, id, "brand")
    tick()
    brands[i].sections = Self.merged(sections, into: brands[i].sections)
    return brands[i]
  }

  /// Deletes a brand configuration (no event).
  @discardableResult
  public mutating func deleteBrand(_ id: String) throws(VoucherifyError) -> Brand {
    try remove(id, from: \.brands, "brand")
  }

  /// The spec's default `brand.permission_reminder`.
  static let reminder = "You are receiving this email because you opted in at our website."

  /// `base` with each section's fields given in `sections` set (a section not given is kept).
  private static func merged(_ sections: JSONObject, into base: JSONObject) -> JSONObject {
    var result = base
    for name in Brand.sectionNames {
      guard let fields = sections[name]?.objectValue else { continue }
      var section = result[name]?.objectValue ?? [:]
      section.merge(fields)
      result[name] = .object(section)
    }
    return result
  }
}

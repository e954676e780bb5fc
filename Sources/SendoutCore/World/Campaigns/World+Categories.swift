extension World {
  /// Creates a category through the API: `hierarchy` given, or after the last (no event: categories have no
  /// webhooks).
  public mutating func createCategory(name: String, hierarchy: Int?) -> Category {
    var category = addCategory(name: name)
    if let hierarchy, let i = categories.position(of: category.id) {
      category.hierarchy = hierarchy
      categories[i] = category
    }
    return category
  }

  /// Renames or moves a category; its `updated_at` is now (no event).
  public mutating func updateCategory(_ id: String, name: String?, hierarchy: Int?) throws(VoucherifyError)
    -> Category
  {
    let i = try position(in: categories, id, "category")
    tick()
    if let name { categories[i].name = name }
    if let hierarchy { categories[i].hierarchy = hierarchy }
    categories[i].updatedAt = now
    return categories[i]
  }

  /// Deletes a category (no event); campaigns created with it keep the copy they hold.
  @discardableResult
  public mutating func deleteCategory(_ id: String) throws(VoucherifyError) -> Category {
    try remove(id, from: \.categories, "category")
  }
}

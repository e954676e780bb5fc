/// A campaign/voucher category (`cat_…`).
public struct Category: Sendable, Equatable, Identifiable {
  /// `cat_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Position in the category hierarchy.
  public var hierarchy: Int
  /// When it was created.
  public var createdAt: Timestamp
  /// When it was last changed through the API, `nil` before.
  public var updatedAt: Timestamp?

  /// Creates a category.
  public init(id: String, name: String, hierarchy: Int, createdAt: Timestamp) {
    self.id = id
    self.name = name
    self.hierarchy = hierarchy
    self.createdAt = createdAt
  }

  /// `Category`.
  public var json: JSONObject {
    var o: JSONObject = [
      "id": .string(id), "name": .string(name), "hierarchy": .int(hierarchy), "created_at": .time(createdAt),
      "object": "category",
    ]
    if let updatedAt { o["updated_at"] = .time(updatedAt) }
    return o
  }
}

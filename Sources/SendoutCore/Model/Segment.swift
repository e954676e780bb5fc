/// A customer segment (`seg_…`) and its current members.
public struct Segment: Sendable, Equatable {
  /// `seg_…`.
  public var id: String
  /// Display name.
  public var name: String
  /// Customers currently in it.
  public var memberIDs: [String] = []
  /// When it was created.
  public var createdAt: Timestamp

  /// Creates a segment.
  public init(id: String, name: String, createdAt: Timestamp) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
  }

  /// `SimpleSegment`.
  public var simpleJSON: JSONObject { ["id": .string(id), "name": .string(name), "object": "segment"] }
}

/// A relation an `EntityTable` keeps: its entities grouped by a key (`nil`: the entity is in no group), such as
/// vouchers by holder or redemptions by parent. The table updates the groups itself whenever an entity is
/// appended, replaced or removed. Relations are told apart by `name`.
public struct TableRelation<Entity>: Sendable {
  /// The relation's name, unique among a table's relations.
  public let name: String
  /// The group an entity belongs to, or `nil`.
  let key: @Sendable (Entity) -> String?

  /// A relation named `name` grouping entities by `key`.
  public init(_ name: String, key: @escaping @Sendable (Entity) -> String?) {
    self.name = name
    self.key = key
  }
}

/// The world's storage for one kind of entity: an array in creation order (what listings and scenario
/// selectors walk) with a dictionary from id to position, so a lookup by id is O(1) however large the world
/// grows (`sendout serve` adds to it with every API call). An entity's id is fixed once it is appended.
public struct EntityTable<Entity: Identifiable & Sendable>: Sendable, RandomAccessCollection, MutableCollection
where Entity.ID == String {
  private var items: [Entity] = []
  private var positions: [String: Int] = [:]

  /// An empty table.
  public init() {}

  /// The first position.
  public var startIndex: Int { items.startIndex }
  /// One past the last position.
  public var endIndex: Int { items.endIndex }

  /// The entity at `position`; a replacement must keep the entity's id.
  public subscript(position: Int) -> Entity {
    get { items[position] }
    set {
      precondition(newValue.id == items[position].id, "EntityTable: an entity's id cannot change")
      items[position] = newValue
    }
  }

  /// The entity with `id`, or `nil`.
  public subscript(id id: String) -> Entity? { positions[id].map { items[$0] } }

  /// The position of the entity with `id`, or `nil`.
  public func position(of id: String) -> Int? { positions[id] }

  /// Adds `entity` at the end; an id already present is a programming error.
  public mutating func append(_ entity: Entity) {
    precondition(positions[entity.id] == nil, "EntityTable: duplicate id \(entity.id)")
    positions[entity.id] = items.count
    items.append(entity)
  }

  /// Removes and returns the entity at `position` (O(n): later positions shift; deletions are rare).
  @discardableResult
  public mutating func remove(at position: Int) -> Entity {
    let removed = items.remove(at: position)
    positions[removed.id] = nil
    for i in position..<items.count { positions[items[i].id] = i }
    return removed
  }
}

extension EntityTable: ExpressibleByArrayLiteral {
  /// A table of `elements`, in order.
  public init(arrayLiteral elements: Entity...) {
    self.init()
    for element in elements { append(element) }
  }
}

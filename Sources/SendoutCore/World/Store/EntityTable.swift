/// The world's storage for one kind of entity: an array in creation order (what listings and scenario
/// selectors walk) with a dictionary from id to position, so a lookup by id is O(1) however large the world
/// grows (`sendout serve` adds to it with every API call). An entity's id is fixed once it is appended.
///
/// The table also keeps its relations (`TableRelation`: entities grouped by a key, such as a voucher's holder or
/// a redemption's parent) in its own insert, update and remove paths, so no operation maintains an index by hand
/// and a lookup by relation costs the size of its answer, not of the table.
public struct EntityTable<Entity: Identifiable & Sendable>: Sendable, RandomAccessCollection, MutableCollection
where Entity.ID == String {
  private var items: [Entity] = []
  private var positions: [String: Int] = [:]
  private var relations: [TableRelation<Entity>] = []
  /// Per relation (same order as `relations`), the ids in each group, in table order.
  private var groups: [[String: [String]]] = []

  /// An empty table.
  public init() {}

  /// An empty table that keeps `relations`.
  public init(relations: [TableRelation<Entity>]) {
    self.relations = relations
    groups = Array(repeating: [:], count: relations.count)
  }

  /// The first position.
  public var startIndex: Int { items.startIndex }
  /// One past the last position.
  public var endIndex: Int { items.endIndex }

  /// The entity at `position` (read in place: `table[i].field` copies the field only); a replacement must keep the
  /// entity's id.
  public subscript(position: Int) -> Entity {
    _read { yield items[position] }
    set {
      precondition(newValue.id == items[position].id, "EntityTable: an entity's id cannot change")
      for (r, relation) in relations.enumerated() {
        let before = relation.key(items[position])
        let after = relation.key(newValue)
        guard before != after else { continue }
        if let before { leave(r, before, newValue.id) }
        if let after { join(r, after, newValue.id, at: position) }
      }
      items[position] = newValue
    }
  }

  /// The entity with `id`, or `nil`.
  public subscript(id id: String) -> Entity? { positions[id].map { items[$0] } }

  /// The position of the entity with `id`, or `nil`.
  public func position(of id: String) -> Int? { positions[id] }

  /// The entities whose `relation` key is `key`, in table order. Costs the size of the answer.
  public func members(_ relation: TableRelation<Entity>, _ key: String) -> [Entity] {
    memberIDs(relation, key).compactMap { positions[$0].map { items[$0] } }
  }

  /// The ids of the entities whose `relation` key is `key`, in table order.
  public func memberIDs(_ relation: TableRelation<Entity>, _ key: String) -> [String] {
    guard let r = slot(of: relation) else { return [] }
    return groups[r][key] ?? []
  }

  /// How many entities have `key` as their `relation` key. O(1).
  public func count(_ relation: TableRelation<Entity>, _ key: String) -> Int {
    guard let r = slot(of: relation) else { return 0 }
    return groups[r][key]?.count ?? 0
  }

  /// Adds `entity` at the end; an id already present is a programming error.
  public mutating func append(_ entity: Entity) {
    precondition(positions[entity.id] == nil, "EntityTable: duplicate id \(entity.id)")
    positions[entity.id] = items.count
    items.append(entity)
    for (r, relation) in relations.enumerated() {
      if let key = relation.key(entity) { groups[r][key, default: []].append(entity.id) }
    }
  }

  /// Removes and returns the entity at `position` (O(n): later positions shift; deletions are rare).
  @discardableResult
  public mutating func remove(at position: Int) -> Entity {
    let removed = items.remove(at: position)
    positions[removed.id] = nil
    for i in position..<items.count { positions[items[i].id] = i }
    for (r, relation) in relations.enumerated() {
      if let key = relation.key(removed) { leave(r, key, removed.id) }
    }
    return removed
  }

  /// The index of `relation` in `relations`, matched by name.
  private func slot(of relation: TableRelation<Entity>) -> Int? {
    relations.firstIndex { $0.name == relation.name }
  }

  /// Takes `id` out of group `key` of relation `r`.
  private mutating func leave(_ r: Int, _ key: String, _ id: String) {
    guard let i = groups[r][key]?.lastIndex(of: id) else { return }
    groups[r][key]?.remove(at: i)
    if groups[r][key]?.isEmpty == true { groups[r][key] = nil }
  }

  /// Puts `id`, the entity at `position`, into group `key` of relation `r`, keeping the group in table order.
  private mutating func join(_ r: Int, _ key: String, _ id: String, at position: Int) {
    let i = insertionIndex(in: groups[r][key] ?? [], for: position)
    groups[r][key, default: []].insert(id, at: i)
  }

  /// Where the entity at `position` goes in `ids`, a group in table order: at the end unless it moved back into
  /// it, else found by bisection.
  private func insertionIndex(in ids: [String], for position: Int) -> Int {
    guard let last = ids.last, let lastPosition = positions[last], lastPosition > position else { return ids.count }
    var low = 0
    var high = ids.count
    while low < high {
      let mid = (low + high) / 2
      if (positions[ids[mid]] ?? 0) < position { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

extension EntityTable: ExpressibleByArrayLiteral {
  /// A table of `elements`, in order.
  public init(arrayLiteral elements: Entity...) {
    self.init()
    for element in elements { append(element) }
  }
}

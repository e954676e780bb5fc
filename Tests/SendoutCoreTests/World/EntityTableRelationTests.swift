import Testing

@testable import SendoutCore

/// An `EntityTable` relation stays what a scan of the table says through appends, updates that move an entity
/// from group to group (or out of every group), removals, and a table rebuilt from the same entities.
@Suite struct EntityTableRelationTests {
  struct Item: Identifiable, Sendable, Equatable {
    var id: String
    var group: String?
  }

  static let byGroup = TableRelation<Item>("group") { $0.group }

  /// Every group's ids as the relation answers them, and as a scan of the table in order does.
  func groups(_ table: EntityTable<Item>) -> (indexed: [String: [String]], scanned: [String: [String]]) {
    var scanned: [String: [String]] = [:]
    for item in table { if let g = item.group { scanned[g, default: []].append(item.id) } }
    var indexed: [String: [String]] = [:]
    for key in Set(table.compactMap(\.group)).union(["g0", "g1", "g2", "g3", "none"]) {
      let ids = table.members(Self.byGroup, key).map(\.id)
      if !ids.isEmpty { indexed[key] = ids }
      #expect(table.count(Self.byGroup, key) == ids.count)
    }
    return (indexed, scanned)
  }

  @Test func relationMatchesAScanThroughAppendUpdateAndRemove() {
    var table = EntityTable<Item>(relations: [Self.byGroup])
    var generator = SeededGenerator(seed: 7)
    for n in 0..<400 {
      let roll = generator.int(in: 0...9)
      let group: String? = roll == 9 ? nil : "g\(roll % 4)"
      if roll < 5 || table.isEmpty {
        table.append(Item(id: "i\(n)", group: group))
      } else if roll < 8 {
        table[generator.int(in: 0...(table.count - 1))].group = group
      } else {
        table.remove(at: generator.int(in: 0...(table.count - 1)))
      }
      let (indexed, scanned) = groups(table)
      #expect(indexed == scanned, "after operation \(n)")
    }
    var rebuilt = EntityTable<Item>(relations: [Self.byGroup])
    for item in table { rebuilt.append(item) }
    #expect(groups(rebuilt).indexed == groups(table).indexed)
    #expect(groups(table).indexed.values.map(\.count).reduce(0, +) > 50)
  }

  @Test func anEntityMovedBackKeepsTableOrderInItsGroup() {
    var table = EntityTable<Item>(relations: [Self.byGroup])
    for n in 0..<5 { table.append(Item(id: "i\(n)", group: "a")) }
    table[1].group = "b"
    table[3].group = nil
    #expect(table.members(Self.byGroup, "a").map(\.id) == ["i0", "i2", "i4"])
    table[3].group = "a"
    table[1].group = "a"
    #expect(table.members(Self.byGroup, "a").map(\.id) == ["i0", "i1", "i2", "i3", "i4"])
    #expect(table.members(Self.byGroup, "b").isEmpty)
  }
}

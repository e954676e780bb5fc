import SendoutCore

extension DeliveryQueue {
  /// A first-in, first-out queue of items: an array with a moving head, compacted as it drains, so pushing and
  /// popping cost O(1) amortised and a drained queue gives its memory back.
  struct ItemQueue {
    private var items: [Item?] = []
    private var head = 0

    /// Items not yet popped.
    var count: Int { items.count - head }

    /// Adds `item` at the back.
    mutating func push(_ item: Item) { items.append(item) }

    /// Takes the front item.
    mutating func pop() -> Item? {
      guard head < items.count else { return nil }
      let item = items[head]
      items[head] = nil
      head += 1
      if head == items.count {
        items.removeAll(keepingCapacity: items.count <= 4_096)
        head = 0
      } else if head >= 4_096, head * 2 >= items.count {
        items.removeFirst(head)
        head = 0
      }
      return item
    }
  }
}

import SendoutCore

extension DeliveryQueue {
  /// Machines waiting for their next attempt, by due time (earliest first; a binary min-heap, ties by arrival).
  struct RetryHeap {
    private var entries: [(due: Timestamp, order: Int, machine: DeliveryMachine)] = []
    private var arrivals = 0

    /// Machines waiting.
    var count: Int { entries.count }
    /// The earliest due time.
    var nextDue: Timestamp? { entries.first?.due }

    /// Adds `machine`, due at `due`.
    mutating func push(_ machine: DeliveryMachine, due: Timestamp) {
      arrivals += 1
      entries.append((due, arrivals, machine))
      var child = entries.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard Self.before(entries[child], entries[parent]) else { break }
        entries.swapAt(child, parent)
        child = parent
      }
    }

    /// Takes the earliest machine.
    mutating func pop() -> (Timestamp, DeliveryMachine)? {
      guard let first = entries.first else { return nil }
      let last = entries.removeLast()
      if !entries.isEmpty {
        entries[0] = last
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var smallest = parent
          if left < entries.count, Self.before(entries[left], entries[smallest]) { smallest = left }
          if right < entries.count, Self.before(entries[right], entries[smallest]) { smallest = right }
          if smallest == parent { break }
          entries.swapAt(parent, smallest)
          parent = smallest
        }
      }
      return (first.due, first.machine)
    }

    private static func before(
      _ a: (due: Timestamp, order: Int, machine: DeliveryMachine),
      _ b: (due: Timestamp, order: Int, machine: DeliveryMachine)
    ) -> Bool {
      a.due < b.due || (a.due == b.due && a.order < b.order)
    }
  }
}

import SendoutCore

/// A load thread's requests rendered ahead, first in first out, at most `capacity` waiting: the same sequence the
/// event pool gives, taken earlier. Memory stays bounded (`capacity` bodies).
struct RenderAhead {
  private var items: [Sendout] = []
  private var head = 0
  /// The most requests kept waiting.
  let capacity: Int

  /// An empty buffer for up to `capacity` requests.
  init(capacity: Int) { self.capacity = max(1, capacity) }

  /// Whether `capacity` requests wait.
  var isFull: Bool { items.count - head >= capacity }

  /// Requests waiting.
  var count: Int { items.count - head }

  /// Adds `sendout` at the end.
  mutating func append(_ sendout: Sendout) {
    if head >= capacity {  // drop the taken ones from the front now and then
      items.removeFirst(head)
      head = 0
    }
    items.append(sendout)
  }

  /// The oldest waiting request, or `nil` when none waits.
  mutating func take() -> Sendout? {
    guard head < items.count else { return nil }
    defer {
      head += 1
      if head == items.count {
        items.removeAll(keepingCapacity: true)
        head = 0
      }
    }
    return items[head]
  }
}

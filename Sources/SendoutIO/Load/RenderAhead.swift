import SendoutCore

/// A load thread's requests rendered ahead, first in first out, at most `capacity` waiting: the same sequence the
/// event pool gives, taken earlier. Memory stays bounded (`capacity` bodies). A ring of slots: a request is moved in
/// and out of its slot, never copied.
struct RenderAhead {
  private var slots: [Sendout?]
  private var head = 0
  /// Requests waiting.
  private(set) var count = 0
  /// The most requests kept waiting.
  var capacity: Int { slots.count }

  /// An empty buffer for up to `capacity` requests.
  init(capacity: Int) { slots = Array(repeating: nil, count: max(1, capacity)) }

  /// Whether `capacity` requests wait.
  var isFull: Bool { count == slots.count }

  /// Adds `sendout` at the end (the buffer is not full).
  mutating func append(_ sendout: consuming Sendout) {
    precondition(!isFull)
    let tail = head + count < slots.count ? head + count : head + count - slots.count
    slots[tail] = sendout
    count += 1
  }

  /// The oldest waiting request, or `nil` when none waits.
  mutating func take() -> Sendout? {
    guard count > 0 else { return nil }
    let taken = slots[head].take()
    head = head + 1 == slots.count ? 0 : head + 1
    count -= 1
    return taken
  }
}

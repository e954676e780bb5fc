/// A request written and signed ahead of its turn: its bytes, where its body starts and its sendout id.
struct PreparedRequest {
  var bytes: [UInt8] = []
  var bodyStart = 0
  var sendoutID = ""

  /// The body's bytes.
  var body: ArraySlice<UInt8> { bytes[bodyStart...] }
}

/// A load thread's requests rendered ahead, first in first out, at most `capacity` waiting: the same sequence the
/// event pool gives, taken earlier. Memory stays bounded (`capacity` requests). A ring of slots whose buffers are
/// swapped with the connections', never copied: a request is written into the buffer a connection gave back.
struct RenderAhead {
  private var slots: [PreparedRequest]
  private var head = 0
  /// Requests waiting.
  private(set) var count = 0
  /// The most requests kept waiting.
  var capacity: Int { slots.count }

  /// An empty buffer for up to `capacity` requests.
  init(capacity: Int) { slots = Array(repeating: PreparedRequest(), count: max(1, capacity)) }

  /// Whether `capacity` requests wait.
  var isFull: Bool { count == slots.count }

  /// Adds a request at the end (the buffer is not full), written by `write` into the slot's buffer.
  mutating func append(_ write: (inout PreparedRequest) -> Void) {
    precondition(!isFull)
    let tail = head + count < slots.count ? head + count : head + count - slots.count
    write(&slots[tail])
    count += 1
  }

  /// Swaps the oldest waiting request into `request`, whose buffer the slot keeps to write a later one into;
  /// whether one was waiting.
  mutating func take(into request: inout PreparedRequest) -> Bool {
    guard count > 0 else { return false }
    swap(&slots[head], &request)
    head = head + 1 == slots.count ? 0 : head + 1
    count -= 1
    return true
  }
}

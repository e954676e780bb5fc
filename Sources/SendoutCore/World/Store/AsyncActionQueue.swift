/// The ids of the enqueued async actions in the order they fall due (the order they came), read from `head` on: a
/// finished one is popped in O(1), and the spent prefix is dropped once it is most of the array.
struct AsyncActionQueue: Sendable {
  var ids: [String] = []
  var head = 0

  /// The id of the next one to fall due.
  var next: String? { head < ids.count ? ids[head] : nil }

  /// Pops `id` when it is the next one.
  mutating func pop(_ id: String) {
    guard head < ids.count, ids[head] == id else { return }
    head += 1
    if head >= 1_024, head * 2 >= ids.count {
      ids.removeFirst(head)
      head = 0
    }
  }
}

import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutIO

/// The load thread's render-ahead buffer hands requests out in the order they were rendered, and holds at most
/// its capacity.
@Suite struct RenderAheadTests {
  @Test func takesInOrderAndHoldsAtMostItsCapacity() {
    var ahead = RenderAhead(capacity: 3)
    #expect(ahead.take() == nil)
    var next = 1
    var taken: [String] = []
    for round in 0..<50 {
      while !ahead.isFull {
        ahead.append(TestSendouts.make(next))
        next += 1
      }
      #expect(ahead.count == 3)
      for _ in 0..<(1 + round % 3) { taken.append(ahead.take()!.id) }
    }
    while let sendout = ahead.take() { taken.append(sendout.id) }
    #expect(taken == (1..<next).map { TestSendouts.make($0).id })
  }
}

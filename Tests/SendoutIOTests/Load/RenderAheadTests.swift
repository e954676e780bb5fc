import Testing

@testable import SendoutIO

/// The load thread's render-ahead buffer hands requests out in the order they were rendered, holds at most its
/// capacity, and writes each new request into a buffer a connection gave back rather than a new one.
@Suite struct RenderAheadTests {
  @Test func takesInOrderAndHoldsAtMostItsCapacity() {
    var ahead = RenderAhead(capacity: 3)
    var request = PreparedRequest()
    let tookFromEmpty = ahead.take(into: &request)
    #expect(!tookFromEmpty)
    var next = 1
    var taken: [String] = []
    for round in 0..<50 {
      while !ahead.isFull {
        ahead.append { $0.sendoutID = "\(next)" }
        next += 1
      }
      #expect(ahead.count == 3)
      for _ in 0..<(1 + round % 3) {
        let took = ahead.take(into: &request)
        #expect(took)
        taken.append(request.sendoutID)
      }
    }
    while ahead.take(into: &request) { taken.append(request.sendoutID) }
    #expect(taken == (1..<next).map { "\($0)" })
  }

  @Test func aTakenSlotKeepsTheGivenBufferForALaterRequest() {
    var ahead = RenderAhead(capacity: 1)
    ahead.append { $0.bytes = Array("first".utf8) }
    var connection = PreparedRequest(bytes: Array("sent earlier".utf8), bodyStart: 0, sendoutID: "")
    let took = ahead.take(into: &connection)
    #expect(took)
    #expect(connection.bytes == Array("first".utf8))
    var given: [UInt8] = []
    ahead.append { given = $0.bytes }
    #expect(given == Array("sent earlier".utf8))
  }
}

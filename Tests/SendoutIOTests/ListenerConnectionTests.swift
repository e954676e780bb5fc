import Testing

@testable import SendoutIO

/// A connection's answers leave in the order of their requests: one that is due at once goes straight to the outbound
/// buffer only when nothing waits before it, else it queues behind the delayed one.
@Suite struct ListenerConnectionTests {
  @Test func anAnswerDueNowWaitsBehindADelayedOne() {
    let connection = ListenerConnection(fd: -1, limits: HTTPLimits(), now: 0)
    connection.queue(Array("first".utf8), readyAt: 10, close: false, now: 0)
    connection.queue(Array("second".utf8), readyAt: 0, close: true, now: 0)
    #expect(connection.outbound.isEmpty)
    #expect(!connection.closeWhenFlushed)
    connection.release(now: 9)
    #expect(connection.outbound.isEmpty)
    connection.release(now: 10)
    #expect(String(decoding: connection.outbound, as: UTF8.self) == "firstsecond")
    #expect(connection.pending.isEmpty && connection.closeWhenFlushed)
  }

  @Test func anAnswerDueNowJoinsWhatIsUnsent() {
    let connection = ListenerConnection(fd: -1, limits: HTTPLimits(), now: 0)
    connection.queue(Array("one".utf8), readyAt: 5, close: false, now: 5)
    #expect(String(decoding: connection.outbound, as: UTF8.self) == "one")
    connection.written = 1  // partly written: the next answer follows the unsent rest
    connection.queue(Array("two".utf8), readyAt: 5, close: false, now: 5)
    #expect(String(decoding: connection.outbound[connection.written...], as: UTF8.self) == "netwo")
    connection.written = connection.outbound.count  // all written: the next answer starts a fresh buffer
    connection.queue(Array("three".utf8), readyAt: 5, close: false, now: 5)
    #expect(connection.written == 0)
    #expect(String(decoding: connection.outbound, as: UTF8.self) == "three")
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutIO

/// The server loop's deadlines: a read timeout that has passed while a delayed answer is still pending does not wake
/// the loop again and again (it sleeps until the answer is due, as it did before the timeout passed), and is enforced
/// once the answer is out.
@Suite(.timeLimit(.minutes(1))) struct ListenerLoopDeadlineTests {
  /// Answers 200 after `delay` ms.
  final class Delayed: HTTPHandler, @unchecked Sendable {
    let delay: Int64
    init(delay: Int64) { self.delay = delay }
    func reply(to request: HTTPMessage) -> HTTPReply {
      HTTPReply(status: 200, body: Array("ok".utf8), delayMilliseconds: delay)
    }
  }

  @Test func aReadTimeoutDuringADelayedAnswerWaitsForItWithoutSpinning() throws {
    let handler = Delayed(delay: 400)
    var configuration = HTTPServerConfiguration(port: 0)
    configuration.readTimeoutMilliseconds = 50
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    defer { server.stop() }
    let client = try LoopbackSocket(port: server.port, timeoutSeconds: 5)
    let before = server.wakeups
    // A whole request, then the start of a second one: its read timeout (50 ms) passes while the first answer waits.
    client.send("GET /a HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\nGET /b HT")
    let first = try client.readResponse()
    let second = try client.readResponse()
    let wakeups = server.wakeups - before
    #expect(first?.head.status == 200, "the delayed answer")
    #expect(second?.head.status == 408, "then the timeout of the unfinished request")
    #expect(wakeups < 50, "\(wakeups) wake-ups while the answer was pending")
    withExtendedLifetime(handler) {}
  }
}

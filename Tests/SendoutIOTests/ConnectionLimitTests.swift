import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

@testable import SendoutIO

/// The server's connections against the process's descriptor limit: the cap stays below `ulimit -n`, and when
/// `accept` fails for want of descriptors (`EMFILE`, simulated here at 40 connections as `ulimit -n` would make it),
/// the oldest idle connection makes room, or the listening socket is left alone until one closes: no busy loop.
@Suite(.timeLimit(.minutes(1))) struct ConnectionLimitTests {
  /// Answers 200, after `delay` ms; signals `arrived` when the `expected`-th request is in.
  final class OK: HTTPHandler, @unchecked Sendable {
    let delay: Int64
    let expected: Int
    let arrived = DispatchSemaphore(value: 0)
    private var count = 0  // the loop's thread only

    init(delay: Int64 = 0, expected: Int = 0) {
      self.delay = delay
      self.expected = expected
    }

    func reply(to request: HTTPMessage) -> HTTPReply {
      count += 1
      if count == expected { arrived.signal() }
      return HTTPReply(status: 200, body: Array("ok".utf8), delayMilliseconds: delay)
    }
  }

  static func server(_ handler: OK) throws -> HTTPServer {
    var configuration = HTTPServerConfiguration(port: 0)
    configuration.simulatedFileLimit = 40
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    return server
  }

  static func get(_ port: Int) throws -> Int? {
    let client = try LoopbackSocket(port: port, timeoutSeconds: 5)
    client.send("GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n")
    return try client.readResponse()?.head.status
  }

  @Test(arguments: [
    (1000, 1024 as Int?, 896), (1000, nil, 1000), (50, 1_048_576, 50), (1000, 40, 8), (1000, 10, 1), (0, nil, 1),
  ])
  func theCapStaysBelowTheFileLimit(_ configured: Int, _ fileLimit: Int?, _ cap: Int) {
    #expect(HTTPServer.connectionCap(configured: configured, fileLimit: fileLimit) == cap)
  }

  /// 60 idle clients where descriptors run out at 40: the oldest idle ones are closed to make room, and a real
  /// client is answered at once (before, it waited in the backlog behind a loop spinning on `accept`).
  @Test func anIdleCrowdPastTheFileLimitMakesRoomOldestFirst() throws {
    let handler = OK()
    let server = try Self.server(handler)
    defer { server.stop() }
    let idle = try (0..<60).map { _ in try LoopbackSocket(port: server.port, timeoutSeconds: 3) }
    #expect(try Self.get(server.port) == 200)
    #expect(idle.prefix(20).allSatisfy { $0.isClosedByPeer() }, "the oldest idle connections made room")
    withExtendedLifetime(handler) {}
  }

  /// Every connection waiting for its (400 ms) answer and no descriptor left: the newcomer waits, unaccepted, until
  /// an answered connection can make room, and the loop sleeps meanwhile (it used to wake for `accept` thousands of
  /// times a second, at 100 % CPU).
  @Test func outOfDescriptorsWithNothingIdleDoesNotSpin() throws {
    let handler = OK(delay: 400, expected: 40)
    let server = try Self.server(handler)
    defer { server.stop() }
    let busy = try (0..<40).map { _ in try LoopbackSocket(port: server.port, timeoutSeconds: 3) }
    for client in busy { client.send("GET / HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n") }
    #expect(handler.arrived.wait(timeout: .now() + 5) == .success, "all 40 are accepted and mid-answer")
    let before = server.wakeups
    let started = ContinuousClock.now
    #expect(try Self.get(server.port) == 200, "served once an answered connection made room")
    let waited = ContinuousClock.now - started
    let wakeups = server.wakeups - before
    #expect(waited > .milliseconds(200), "it did wait for room: \(waited)")
    #expect(wakeups < 100, "\(wakeups) wake-ups in \(waited)")
    withExtendedLifetime((handler, busy)) {}
  }
}

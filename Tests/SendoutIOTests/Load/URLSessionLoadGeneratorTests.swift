import SendoutCore
import SendoutIO
import Testing

/// The URLSession load path against the real listener (slow on Linux, so small counts).
@Suite(.timeLimit(.minutes(1))) struct URLSessionLoadGeneratorTests {
  @Test func closedLoopCountsAndStatuses() async throws {
    let listener = try LoadTestSupport.listener(ListenerBehavior(failFirst: 5, failStatus: 503))
    defer { listener.stop() }
    let url = "http://127.0.0.1:\(listener.port)/webhooks"
    let generator = URLSessionLoadGenerator(
      configuration: LoadConfiguration(
        target: LoadTestSupport.target(listener.port), connections: 4, threads: 1, count: 60),
      url: url)
    let pool = try EventPool(eventTypes: ["voucher.created"], via: nil, secret: "s", targetURL: url, seed: 1)
    let (stats, _) = await generator.run { _ in pool }
    let received = await listener.waitForRequests(count: 60, timeoutMilliseconds: 5000)
    #expect(stats.completed == 60)
    #expect(stats.statusCounts == [200: 55, 503: 5])
    #expect(received.count == 60)
    #expect(received.allSatisfy { $0.signature == .valid })
  }

  @Test func aRefusedConnectionIsCounted() async throws {
    // A port nothing listens on and no test's server can be given: a freed ephemeral port was taken by another
    // test's listener, which then answered these requests (and got four more than it counted).
    let closed = try RawReceiver(.refuse)
    defer { closed.stop() }
    let port = closed.port
    let url = "http://127.0.0.1:\(port)/webhooks"
    let generator = URLSessionLoadGenerator(
      configuration: LoadConfiguration(target: LoadTestSupport.target(port), connections: 2, threads: 1, count: 4),
      url: url)
    let pool = try EventPool(eventTypes: ["voucher.created"], via: nil, secret: "s", targetURL: url, seed: 1)
    let (stats, _) = await generator.run { _ in pool }
    #expect(stats.completed == 4)
    #expect(stats.succeeded == 0)
    #expect(stats.errorCounts.keys.contains(.refused), "\(stats.errorCounts)")
  }
}

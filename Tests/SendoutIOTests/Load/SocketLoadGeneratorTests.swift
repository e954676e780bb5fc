import SendoutCore
import SendoutIO
import Testing

/// The socket generator against the real `WebhookListener` on loopback.
@Suite(.timeLimit(.minutes(1))) struct SocketLoadGeneratorTests {
  @Test func closedLoopCountMatchesWhatTheListenerReceived() async throws {
    let listener = try LoadTestSupport.listener()
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 8, threads: 2, count: 500)
    let (stats, _) = await LoadTestSupport.run(configuration)
    let received = await listener.waitForRequests(count: 500, timeoutMilliseconds: 5000)
    #expect(stats.sent == 500)
    #expect(stats.completed == 500)
    #expect(stats.statusCounts == [200: 500], "errors: \(stats.errorCounts) connect: \(stats.connectErrors)")
    #expect(stats.latency.totalCount == 500)
    #expect(received.count == 500)
    #expect(Set(received.compactMap(\.sendoutID)).count == 500, "every request is a fresh sendout")
    #expect(received.allSatisfy { $0.signature == .valid })
  }

  @Test func openLoopSendsTheScheduledCount() async throws {
    let listener = try LoadTestSupport.listener()
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 4, threads: 2,
      schedule: .constant(rate: 2000, milliseconds: 250))
    let (stats, _) = await LoadTestSupport.run(configuration)
    let received = await listener.waitForRequests(count: 500, timeoutMilliseconds: 5000)
    #expect(stats.completed == 500)
    #expect(stats.succeeded == 500, "errors: \(stats.errorCounts) connect: \(stats.connectErrors)")
    #expect(stats.schedulingLag.totalCount == 500)
    #expect(received.count == 500)
  }

  @Test func countsStatusesAndFailures() async throws {
    let listener = try LoadTestSupport.listener(ListenerBehavior(failRate: 0.3, seed: 9, failStatus: 503))
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 4, threads: 1, count: 300)
    let (stats, _) = await LoadTestSupport.run(configuration)
    let received = await listener.waitForRequests(count: 300, timeoutMilliseconds: 5000)
    let failedAtListener = received.filter { $0.respondedStatus == 503 }.count
    #expect(stats.completed == 300)
    #expect(stats.statusCounts[503] == failedAtListener)
    #expect(stats.statusCounts[200] == 300 - failedAtListener)
    #expect(failedAtListener > 30 && failedAtListener < 150)
    #expect(stats.failed == failedAtListener)
    #expect(stats.errorCounts.isEmpty)
  }

  @Test func everyAnswerA500IsAFailure() async throws {
    let listener = try LoadTestSupport.listener(ListenerBehavior(status: 500))
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 2, threads: 1, count: 50)
    let (stats, _) = await LoadTestSupport.run(configuration)
    #expect(stats.statusCounts == [500: 50])
    #expect(stats.succeeded == 0)
    #expect(stats.errorRate == 1)
  }

  @Test func aSlowReceiverTimesOut() async throws {
    let listener = try LoadTestSupport.listener(ListenerBehavior(delayMilliseconds: 2000))
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 2, threads: 1, count: 4, timeoutMilliseconds: 100)
    let (stats, seconds) = await LoadTestSupport.run(configuration)
    #expect(stats.errorCounts == [.timeout: 4])
    #expect(stats.completed == 4)
    #expect(stats.latency.min >= 100_000)
    #expect(seconds < 1.5, "4 requests on 2 connections, 100 ms each: no waiting for the 2 s answers")
  }

  @Test func anUnreachableTargetEndsWithErrors() async throws {
    // A port nothing listens on and no test's server can be given (as URLSessionLoadGeneratorTests does): a freed
    // ephemeral port was taken by a concurrent test's listener, which answered 13 of these in one CI run.
    let closed = try RawReceiver(.refuse)
    defer { closed.stop() }
    let port = closed.port
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(port), connections: 2, threads: 1, count: 20, timeoutMilliseconds: 300)
    let (stats, seconds) = await LoadTestSupport.run(configuration)
    #expect(stats.succeeded == 0)
    #expect(stats.errorCounts[.notSentTargetUnreachable] == 20)
    #expect(!stats.connectErrors.isEmpty)
    #expect(seconds < 5)
  }

  @Test func aStallMidRunShowsInTheTailNotTheMedian() async throws {
    // Requests 200..<208 (by arrival) are answered 300 ms late, the rest at once; 32 connections keep the
    // others flowing, so exactly those 1.6 % sit in the tail (a low rate, so a busy machine does not queue the rest).
    let box = ListenerBox()
    let listener = try LoadTestSupport.listener(secret: nil) { _ in
      let n = box.count.add(1, ordering: .relaxed).newValue
      guard n == 200 || n == 208 else { return }
      box.listener.withLock { $0?.behavior = ListenerBehavior(delayMilliseconds: n == 200 ? 300 : 0) }
    }
    box.listener.withLock { $0 = listener }
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 32, threads: 2,
      schedule: .constant(rate: 200, milliseconds: 2500))
    let (stats, _) = await LoadTestSupport.run(configuration, events: ["voucher.created"])
    #expect(stats.completed == 500)
    #expect(stats.latency.max >= 300_000, "the stall shows in the max")
    #expect(stats.latency.value(atPercentile: 99) >= 290_000, "and in p99")
    #expect(stats.latency.value(atPercentile: 50) < 100_000, "the median stays low")
  }

  @Test func latencyCountsFromTheIntendedTime() async throws {
    // One connection, 20 ms per answer (50/s), asked for 200/s: requests queue in the generator. Measured
    // from the intended time, later requests wait far longer than the 20 ms service time.
    let listener = try LoadTestSupport.listener(ListenerBehavior(delayMilliseconds: 20))
    defer { listener.stop() }
    let configuration = LoadConfiguration(
      target: LoadTestSupport.target(listener.port), connections: 1, threads: 1,
      schedule: .constant(rate: 200, milliseconds: 200))
    let (stats, _) = await LoadTestSupport.run(configuration)
    #expect(stats.completed == 40)
    #expect(stats.latency.min >= 20_000 && stats.latency.min < 200_000)
    #expect(stats.latency.max >= 500_000, "the last request was due at 195 ms and sent after ~780 ms")
    #expect(stats.schedulingLag.max >= 400_000, "the generator reports its own lag")
    let report = LoadReport(
      target: "t", requestedRate: 200, connections: 1, transport: "socket", seconds: 1, stats: stats)
    #expect(report.generatorFellBehind)
  }
}

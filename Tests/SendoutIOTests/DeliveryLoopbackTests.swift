import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// Real HTTP over loopback: `URLSessionTransport` → `WebhookListener`, driven by `Dispatcher`.
@Suite(.serialized) struct DeliveryLoopbackTests {
  let secret = "whsec_test"

  func listener(_ behavior: ListenerBehavior = ListenerBehavior()) throws -> WebhookListener {
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: secret, behavior: behavior))
    try listener.start()
    return listener
  }

  func dispatcher(
    _ schedule: String, audit: any AuditLog, timeout: Int64 = 10_000, clock: any DeliveryClock = SystemClock(),
    pause: Bool = true
  ) throws -> Dispatcher {
    let policy = try RetryPolicy(schedule: RetrySchedule.parse(schedule), timeoutMilliseconds: timeout)
    return Dispatcher(
      configuration: try DeliveryConfiguration(policy: policy, pauseOnExhaustion: pause), clock: clock, auditLog: audit)
  }

  @Test func deliversOnceWithAValidSignatureAndExactlyTheHeadersGiven() async throws {
    let server = try listener()
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let sendout = TestSendouts.make(
      1, to: server.baseURL + "/webhooks", secret: secret, headers: [HTTPHeader("x-tenant", "acme")])
    let report = try await dispatcher("voucherify", audit: audit).run([sendout])
    #expect(report.allDelivered)
    let got = try #require(server.received.first)
    #expect(got.signature == .valid)
    #expect(got.body == sendout.body)
    #expect(got.target == "/webhooks")
    #expect(got.header("content-type") == "application/json")
    #expect(got.header("x-tenant") == "acme")
    #expect(got.header("user-agent") == "sendout/0.1", "set explicitly, not URLSession's")
    #expect(got.header("accept-encoding") == "identity")
    let records = try audit.read().records
    #expect(records.map(\.status) == [.success])
    #expect(records[0].httpStatus == 200)
    #expect(records[0].body == String(decoding: sendout.body, as: UTF8.self))
  }

  @Test func failFirstTwoThenSucceedWithTheSameIdAndBody() async throws {
    let server = try listener(ListenerBehavior(failFirst: 2))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let sendout = TestSendouts.make(1, to: server.baseURL + "/webhooks", secret: secret)
    let report = try await dispatcher("100ms,200ms,400ms", audit: audit).run([sendout])
    #expect(report.allDelivered)
    #expect(try audit.read().records.map(\.status) == [.retrying, .retrying, .success])
    #expect(try audit.read().records.map(\.httpStatus) == [500, 500, 200])
    let got = server.received
    #expect(got.count == 3)
    #expect(Set(got.map(\.body)).count == 1)
    #expect(got.allSatisfy { $0.sendoutID == sendout.id && $0.signature == .valid })
  }

  @Test func exhaustionFailsPausesAndSkipsLaterSendoutsThenRetryFromTheLogDelivers() async throws {
    let server = try listener(ListenerBehavior(status: 503))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let url = server.baseURL + "/webhooks"
    let first = TestSendouts.make(1, to: url, secret: secret, via: .distribution)
    let later = TestSendouts.make(2, to: url, secret: secret, via: .distribution)
    var d = try dispatcher("10ms,20ms", audit: audit)
    let report = await d.run([first])
    #expect(!report.allDelivered)
    #expect(report.finalStatus == [first.id: .failed])
    #expect(report.pausedSources.map(\.object) == [.distribution])
    #expect(server.received.count == 3)

    // While the distribution is paused, later sendouts for it are recorded SKIPPED and not sent.
    d.pausedSources = Set(report.pausedSources.map(\.id))
    let skipped = await d.run([later])
    #expect(skipped.finalStatus == [later.id: .skipped])
    #expect(server.received.count == 3, "later was never sent")

    // The receiver recovers; `retry --failed` resends the recorded bytes.
    server.behavior = ListenerBehavior()
    let summary = AuditSummary(try audit.read().records)
    let failed = summary.filtered(status: .failed)
    #expect(failed.map(\.latest.sendoutID) == [first.id])
    let retry = try dispatcher("none", audit: audit, pause: false)
    let again = await retry.run(failed.map(\.latest.sendout), previousAttempts: [first.id: failed[0].attempts])
    #expect(again.allDelivered)
    #expect(again.records.map(\.attempt) == [4])
    let resent = try #require(server.received.last)
    #expect(resent.body == first.body)
    #expect(resent.signature == .valid, "the recorded signature is resent")
    #expect(AuditSummary(try audit.read().records).latest(for: first.id)?.status == .success)
  }

  @Test func aReceiverSlowerThanTheTimeoutIsAFailure() async throws {
    let server = try listener(ListenerBehavior(delayMilliseconds: 3000))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let sendout = TestSendouts.make(1, to: server.baseURL + "/webhooks", secret: secret)
    let started = Date()
    let report = try await dispatcher("none", audit: audit, timeout: 1000).run([sendout])
    let elapsed = Date().timeIntervalSince(started)
    #expect(elapsed >= 0.9 && elapsed < 2.5)
    let record = try #require(report.records.first)
    #expect(record.status == .failed)
    #expect(record.httpStatus == nil)
    #expect(record.error == "timeout after 1s")
  }

  @Test func aDeadEndpointRunsTheWholeScaledVoucherifyScheduleQuickly() async throws {
    let dead = try listener()
    let url = dead.baseURL + "/webhooks"
    dead.stop()
    let audit = InMemoryAuditLog()
    let policy = try RetryPolicy(schedule: .voucherify, timeScale: 0.00002)
    let d = Dispatcher(configuration: try DeliveryConfiguration(policy: policy), auditLog: audit)
    let started = Date()
    let report = await d.run([TestSendouts.make(1, to: url)])
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(report.records.count == 13)
    #expect(report.records.last?.status == .failed)
    #expect(report.records.last?.error == "connection refused")
  }

  @Test func aManualClockRunsTheRealScheduleWithoutWaiting() async throws {
    let server = try listener(ListenerBehavior(failFirst: 12))
    defer { server.stop() }
    let clock = ManualClock()
    let audit = InMemoryAuditLog()
    let report = try await dispatcher("voucherify", audit: audit, clock: clock).run([
      TestSendouts.make(1, to: server.baseURL)
    ])
    #expect(report.records.map(\.status) == Array(repeating: .retrying, count: 12) + [.success])
    let t0 = report.records[0].executedAt.milliseconds
    #expect(report.records.last.map { $0.executedAt.milliseconds - t0 } == 86_400_000)
  }

  @Test func cancellingLeavesUnfinishedSendoutsRetrying() async throws {
    let server = try listener(ListenerBehavior(status: 500))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let d = try dispatcher("1h", audit: audit)
    let sendouts = (1...3).map { TestSendouts.make($0, to: server.baseURL) }
    let task = Task { await d.run(sendouts) }
    _ = await server.waitForRequests(count: 3, timeoutMilliseconds: 5000)
    try await Task.sleep(nanoseconds: 50_000_000)
    task.cancel()
    let report = await task.value
    #expect(report.cancelled)
    #expect(Set(report.finalStatus.values) == [.retrying])
    #expect(report.records.count == 6)
    #expect(report.records.suffix(3).allSatisfy { $0.error == "cancelled before attempt 2" })
  }

  @Test func cancellingDuringAnAttemptReturnsPromptlyAndRecordsItRetrying() async throws {
    let server = try listener(ListenerBehavior(delayMilliseconds: 5000))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let d = try dispatcher("1m", audit: audit)
    let task = Task { await d.run([TestSendouts.make(1, to: server.baseURL)]) }
    _ = await server.waitForRequests(count: 1, timeoutMilliseconds: 5000)
    let started = Date()
    task.cancel()
    let report = await task.value
    #expect(Date().timeIntervalSince(started) < 2, "URLSession cancellation must not hang")
    #expect(report.cancelled)
    #expect(report.records.map(\.status) == [.retrying])
    #expect(report.records.first?.error == "cancelled")
    #expect(report.records.first?.nextAttemptAt == nil)
  }

  @Test func largeBodiesArriveWhole() async throws {
    let server = try listener()
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let sendout = TestSendouts.make(1, to: server.baseURL, secret: secret, padding: 200_000)
    let report = try await dispatcher("none", audit: audit).run([sendout])
    #expect(report.allDelivered)
    let got = try #require(server.received.first)
    #expect(got.body == sendout.body)
    #expect(got.signature == .valid)
    print("large body: expect=\(got.header("expect") ?? "-") latency=\(report.records[0].latencyMilliseconds) ms")
    #expect(report.records[0].latencyMilliseconds < 900, "no 1 s Expect: 100-continue stall")
  }

  @Test func manySendoutsRunWithBoundedConcurrency() async throws {
    let server = try listener(ListenerBehavior(failRate: 0.2, seed: 7, delayMilliseconds: 20))
    defer { server.stop() }
    let probe = ConcurrencyProbe(URLSessionTransport.shared)
    let audit = InMemoryAuditLog()
    let policy = try RetryPolicy(schedule: RetrySchedule.parse("10ms,20ms,40ms,80ms,160ms,320ms,640ms"))
    let d = Dispatcher(
      configuration: try DeliveryConfiguration(policy: policy, maxInFlight: 4), transport: probe, auditLog: audit)
    let sendouts = (1...24).map { TestSendouts.make($0, to: server.baseURL, secret: secret) }
    let report = await d.run(sendouts)
    #expect(report.finalStatus.count == 24)
    #expect(report.allDelivered)
    #expect(probe.maxInFlight <= 4)
    #expect(probe.maxInFlight >= 2)
    #expect(try audit.read().records.count == server.received.count)
  }

  @Test func retryAfterFromTheReceiverBringsTheRetryForward() async throws {
    let server = try listener(
      ListenerBehavior(failFirst: 1, failStatus: 503, headers: [HTTPHeader("retry-after", "0")]))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let started = Date()
    let report = try await dispatcher("1h", audit: audit).run([TestSendouts.make(1, to: server.baseURL)])
    #expect(Date().timeIntervalSince(started) < 5, "not the scheduled hour")
    #expect(report.records.map(\.status) == [.retrying, .success])
    #expect(report.records.map(\.httpStatus) == [503, 200])
  }
}

/// Wraps a transport and remembers how many requests were in flight at most.
final class ConcurrencyProbe: WebhookTransport, @unchecked Sendable {
  private let inner: any WebhookTransport
  private let lock = NSLock()
  private var current = 0
  private var highest = 0

  init(_ inner: any WebhookTransport) { self.inner = inner }

  var maxInFlight: Int { lock.withLock { highest } }

  func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
    lock.withLock {
      current += 1
      highest = max(highest, current)
    }
    defer { lock.withLock { current -= 1 } }
    return try await inner.send(request)
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// The serve delivery queue over real loopback HTTP: keep-alive workers, the retry heap, pausing a source on
/// exhaustion, holding delivery, and stopping with a backlog recorded RETRYING.
@Suite struct DeliveryQueueTests {
  let secret = "whsec_queue"

  func listener(_ behavior: ListenerBehavior = ListenerBehavior()) throws -> WebhookListener {
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: secret, behavior: behavior))
    try listener.start()
    return listener
  }

  func queue(_ schedule: String, audit: any AuditLog, workers: Int = 4) throws -> DeliveryQueue {
    let policy = try RetryPolicy(schedule: RetrySchedule.parse(schedule), timeoutMilliseconds: 5_000)
    return DeliveryQueue(
      configuration: try DeliveryConfiguration(policy: policy, maxInFlight: workers), auditLog: audit)
  }

  @Test func deliversEverySendoutOnceSignedAndRecordsIt() throws {
    let server = try listener()
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let delivery = try queue("voucherify", audit: audit)
    delivery.start()
    let sendouts = (1...200).map { TestSendouts.make($0, to: server.baseURL + "/webhooks", secret: secret) }
    delivery.enqueue(Array(sendouts[..<100]))
    delivery.enqueue(Array(sendouts[100...]))
    #expect(delivery.waitUntilDrained(timeoutSeconds: 20))
    delivery.stop()
    let got = server.received
    #expect(got.count == 200)
    #expect(Set(got.compactMap(\.sendoutID)) == Set(sendouts.map(\.id)))
    #expect(got.allSatisfy { $0.signature == .valid })
    #expect(got.allSatisfy { $0.header("user-agent") == "sendout/0.1" })
    let records = try audit.read().records
    #expect(records.count == 200 && records.allSatisfy { $0.status == .success && $0.httpStatus == 200 })
    #expect(delivery.snapshot.succeeded == 200 && delivery.snapshot.unfinished == 0)
  }

  @Test func aFailedAttemptIsRetriedOnScheduleFromTheHeap() throws {
    let server = try listener(ListenerBehavior(failFirst: 2))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let delivery = try queue("20ms,40ms", audit: audit, workers: 1)
    delivery.start()
    let sendout = TestSendouts.make(1, to: server.baseURL + "/webhooks", secret: secret)
    delivery.enqueue([sendout])
    let deadline = Date(timeIntervalSinceNow: 10)
    while delivery.snapshot.succeeded < 1, Date() < deadline { _ = delivery.waitUntilDrained(timeoutSeconds: 0.05) }
    delivery.stop()
    let records = try audit.read().records
    #expect(records.map(\.status) == [.retrying, .retrying, .success])
    #expect(records.map(\.attempt) == [1, 2, 3])
    #expect(records[0].nextAttemptAt != nil)
  }

  @Test func exhaustionPausesTheSourceUntilItIsResumed() throws {
    let server = try listener(ListenerBehavior(status: 500))
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let delivery = try queue("none", audit: audit, workers: 1)
    delivery.start()
    let url = server.baseURL + "/webhooks"
    delivery.enqueue([TestSendouts.make(1, to: url, secret: secret)])
    #expect(delivery.waitUntilDrained(timeoutSeconds: 10))
    delivery.enqueue([TestSendouts.make(2, to: url, secret: secret)])
    #expect(delivery.waitUntilDrained(timeoutSeconds: 10))
    let paused = delivery.snapshot.pausedSources
    #expect(paused == ["wh_TestWebhook0000000001"])
    server.behavior = ListenerBehavior()
    #expect(delivery.resume(source: "wh_TestWebhook0000000001"))
    delivery.enqueue([TestSendouts.make(3, to: url, secret: secret)])
    #expect(delivery.waitUntilDrained(timeoutSeconds: 10))
    delivery.stop()
    #expect(try audit.read().records.map(\.status) == [.failed, .skipped, .success])
  }

  @Test func heldDeliveryStartsNothingUntilReleased() throws {
    let server = try listener()
    defer { server.stop() }
    let audit = InMemoryAuditLog()
    let delivery = try queue("voucherify", audit: audit)
    delivery.hold()
    delivery.start()
    delivery.enqueue((1...5).map { TestSendouts.make($0, to: server.baseURL + "/webhooks", secret: secret) })
    #expect(!delivery.waitUntilDrained(timeoutSeconds: 0.2), "held: nothing leaves the queue")
    #expect(delivery.snapshot.queued == 5 && delivery.snapshot.held)
    #expect(server.receivedCount == 0)
    delivery.release()
    #expect(delivery.waitUntilDrained(timeoutSeconds: 10))
    delivery.stop()
    #expect(server.receivedCount == 5)
  }

  @Test func stoppingRecordsEveryUnfinishedSendoutRetryingNoneIsLost() throws {
    let audit = InMemoryAuditLog()
    let delivery = try queue("1h", audit: audit, workers: 2)
    delivery.hold()
    delivery.start()
    let sendouts = (1...1_000).map { TestSendouts.make($0, to: "http://127.0.0.1:9/webhooks", secret: secret) }
    delivery.enqueue(sendouts)
    delivery.stop()
    let records = try audit.read().records
    #expect(records.count == 1_000)
    #expect(records.allSatisfy { $0.status == .retrying })
    #expect(Set(records.map(\.sendoutID)) == Set(sendouts.map(\.id)))
  }
}

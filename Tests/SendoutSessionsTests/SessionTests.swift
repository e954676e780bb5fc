import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import Synchronization
import Testing

/// Collects a session's events (observers are called from any thread).
final class EventLog: Sendable {
  private let events = Mutex<[SessionEvent]>([])
  @Sendable func record(_ event: SessionEvent) { events.withLock { $0.append(event) } }
  var all: [SessionEvent] { events.withLock { $0 } }
}

@Suite struct SessionTests {
  func temporaryLog() -> String { NSTemporaryDirectory() + "sendout-session-\(UUID().uuidString).jsonl" }

  @Test func fireWithoutATargetDeliversToTheBuiltInListenerWithAGeneratedSecret() async throws {
    let path = temporaryLog()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = EventLog()
    let result = try await FireSession.run(
      FireSession.Configuration(
        request: SingleEventRequest(eventType: "voucher.published"), target: nil,
        delivery: DeliverySettings(policy: try RetryPolicy(schedule: .none), auditPath: path)),
      observer: log.record)
    #expect(result.finalStatus == .success)
    #expect(result.attempts == 1)
    let events = log.all
    let generated = events.compactMap { event -> String? in
      if case .listenerStarted(_, let secret) = event { return secret }
      return nil
    }
    #expect(generated.count == 1 && generated[0].count == 32)
    let arrivals = events.compactMap { event -> ReceivedWebhook? in
      if case .received(let request) = event { return request }
      return nil
    }
    #expect(arrivals.map(\.sendoutID) == [result.sendout.id])
    #expect(arrivals.map(\.signature) == [.valid])
    let records = try FileAuditLog(path: path).read().records
    #expect(records.map(\.outcome) == [.response(status: 200)])
  }

  @Test func resendOfAnUnknownIDIsAUsageErrorNamingIt() async throws {
    let path = temporaryLog()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(FileManager.default.createFile(atPath: path, contents: nil))  // a missing log is exit 65 (issue 21)
    await #expect(
      throws: SessionError.usage("Unknown sendout id 'whs_nope' in \(path); see 'sendout audit --audit \(path)'")
    ) {
      try await ResendSession.run(
        ResendSession.Configuration(
          sendoutIDs: ["whs_nope"], failed: false, delivery: DeliverySettings(auditPath: path)),
        observer: { _ in })
    }
  }

  @Test func aTargetThatIsNotHTTPIsRefusedBeforeAnythingIsSent() async throws {
    let log = EventLog()
    await #expect(throws: SessionError.self) {
      try await FireSession.run(
        FireSession.Configuration(
          request: SingleEventRequest(eventType: "voucher.published"), target: "ftp://example/",
          delivery: DeliverySettings(auditPath: temporaryLog())),
        observer: log.record)
    }
    #expect(log.all.isEmpty)
  }

  @Test func listenServesUntilCancelledAndCountsWhatItAnswered() async throws {
    let log = EventLog()
    let ready = ReadySignal()
    let task = Task {
      defer { ready.resolve(nil) }
      return try await ListenSession.run(ListenerConfiguration(port: 0)) { event in
        log.record(event)
        if case .listenerStarted(let url, _) = event { ready.resolve(url) }
      }
    }
    let url = await ready.value()
    let base = try #require(url)
    let transport = URLSessionTransport.shared
    let sendout = try SingleEventRequest(eventType: "voucher.published", targetURL: base + "/hooks").sendout()
    let response = try await transport.send(TransportRequest(sendout, timeoutMilliseconds: 5_000))
    #expect(response.status == 200)
    task.cancel()
    let result = try await task.value
    #expect(result.received == 1)
  }
}

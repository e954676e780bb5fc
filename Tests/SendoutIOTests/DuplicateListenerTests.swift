import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// `sendout listen --fail-duplicates`: a sendout id already answered 2xx gets 409; a retry after a failure is not a
/// duplicate, and other ids are answered as usual.
@Suite struct DuplicateListenerTests {
  @Test func onlyAnIDAlreadyAcknowledgedIsRejected() async throws {
    let listener = WebhookListener(
      configuration: ListenerConfiguration(port: 0, behavior: ListenerBehavior(failFirst: 1, duplicateStatus: 409)))
    try listener.start()
    defer { listener.stop() }
    let url = listener.baseURL + "/hooks"
    let first = TestSendouts.make(1, to: url)
    let second = TestSendouts.make(2, to: url)
    var statuses: [Int] = []
    for sendout in [first, first, first, second] {
      statuses.append(
        try await URLSessionTransport.shared.send(TransportRequest(sendout, timeoutMilliseconds: 5000)).status)
    }
    #expect(statuses == [500, 200, 409, 200], "failed, retried and acknowledged, duplicate, another id")
  }
}

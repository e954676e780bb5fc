import SendoutCore
import SendoutIO
import Testing

/// The listener as a load receiver: with `keepsReceived` off it counts requests without keeping them.
@Suite(.timeLimit(.minutes(1))) struct ListenerUnderLoadTests {
  @Test func countsWithoutKeepingRequests() async throws {
    var configuration = ListenerConfiguration(port: 0, secret: "s")
    configuration.keepsReceived = false
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    defer { listener.stop() }
    let (stats, _) = await LoadTestSupport.run(
      LoadConfiguration(target: LoadTestSupport.target(listener.port), connections: 4, threads: 1, count: 150))
    #expect(stats.succeeded == 150)
    #expect(listener.receivedCount == 150)
    #expect(listener.received.isEmpty)
  }
}

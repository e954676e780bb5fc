import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// `listen --quiet` skips reading each body's event type and id; a duplicate status still needs the id.
@Suite struct ListenerFieldReadingTests {
  func arrival(_ configure: (inout ListenerConfiguration) -> Void) throws -> ReceivedWebhook? {
    var configuration = ListenerConfiguration(port: 0, secret: "s")
    configure(&configuration)
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    defer { listener.stop() }
    let sendout = TestSendouts.make(1, secret: "s")
    let client = try LoopbackSocket(port: listener.port)
    client.send(
      "POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\n" + sendout.headers.map { "\($0.name): \($0.value)\r\n" }.joined()
        + "content-length: \(sendout.body.count)\r\n\r\n" + String(decoding: sendout.body, as: UTF8.self))
    #expect(try client.readResponse()?.head.status == 200)
    return listener.received.first
  }

  @Test func withoutFieldReadingTheSignatureIsStillCheckedButNoIdIsRead() throws {
    let quiet = try #require(try arrival { $0.readsBodyFields = false })
    #expect(quiet.signature == .valid && quiet.sendoutID == nil && quiet.eventType == nil)
    let full = try #require(try arrival { _ in })
    #expect(full.signature == .valid && full.sendoutID == TestSendouts.make(1).id)
  }

  @Test func aDuplicateStatusReadsTheIdEvenWhenFieldReadingIsOff() throws {
    let got = try #require(
      try arrival {
        $0.readsBodyFields = false
        $0.behavior = ListenerBehavior(duplicateStatus: 409)
      })
    #expect(got.sendoutID == TestSendouts.make(1).id)
  }
}

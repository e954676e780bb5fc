import SendoutCore
import SendoutIO
import Testing

/// The listener's line for one request: time, method and target, event type, sendout id, signature, size and answer,
/// two spaces apart, every field from the network escaped for the terminal.
@Suite struct ReceivedWebhookLineTests {
  func received(target: String, body: String, note: String? = nil) throws -> ReceivedWebhook {
    let head = HTTPHead(startLine: .request(method: "POST", target: target), headers: [])
    var received = ReceivedWebhook(
      message: HTTPMessage(head: head, body: Array(body.utf8)), secret: nil,
      receivedAt: try #require(Timestamp(iso8601: "2024-03-13T13:45:00.212Z")), respondedStatus: 200)
    received.note = note
    return received
  }

  @Test func aWebhookShowsItsFields() throws {
    let line = try received(target: "/webhooks", body: #"{"id":"whs_1","type":"x","event":{"type":"voucher.created"}}"#)
      .line
    #expect(line == "13:45:00.212  POST /webhooks  voucher.created  whs_1  signature absent  60 B  → 200")
  }

  @Test func whatCameFromTheNetworkIsEscapedAndMissingFieldsAreNamed() throws {
    let line = try received(target: "/a\u{1B}[2J", body: "not json", note: "(the app\n said no)").line
    #expect(
      line == "13:45:00.212  POST /a\\u{1B}[2J  (no event type)  (no sendout id)  signature absent  8 B  → 200 "
        + "(the app\\n said no)")
    let hostile = try received(target: "/", body: #"{"id":"whs_\u0007","type":"t\r"}"#).line
    #expect(hostile.contains("  t\\r  whs_\\u{7}  "), "\(hostile)")
  }
}

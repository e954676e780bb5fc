import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 10, class 5: secrets on unusual paths — a malformed `--header`, a value ending in CR, a URL with
/// a password — never reach an error message, the audit record or the webhook body.
@Suite struct SecretPathTests {
  @Test(arguments: ["authorization Bearer XYZ-SECRET", "x-api-key XYZ-SECRET", "XYZ-SECRET"])
  func aHeaderWithoutItsColonIsRefusedWithoutItsValue(_ text: String) {
    do {
      _ = try CustomHeader.parse(text)
      Issue.record("accepted \(text)")
    } catch {
      #expect(!error.message.contains("XYZ"), "\(error.message)")
      #expect(error.message.contains("expected 'name: value'"))
    }
  }

  @Test(arguments: ["authorization: Bearer XYZ-SECRET\r", "x-token: XYZ-SECRET\r\nx-b: 1", "cookie: XYZ\u{0}"])
  func aCredentialValueWithAControlCharacterIsRefusedRedacted(_ text: String) {
    do {
      _ = try CustomHeader.parse(text)
      Issue.record("accepted \(text.debugDescription)")
    } catch {
      #expect(!error.message.contains("XYZ"), "\(error.message)")
      #expect(error.message.contains(CustomHeader.redactedValue))
    }
  }

  @Test func anOrdinaryHeaderValueIsStillQuotedEscaped() {
    do { _ = try CustomHeader.parse("x-trace: abc\r") } catch {
      #expect(error.message.contains(#""abc\r""#), "\(error.message)")
    }
  }

  @Test(arguments: [
    ("http://user:XYZ-SECRET@host:8080/x", "http://user@host:8080/x"),
    ("https://a:b%40c@[::1]:9/p?q=1", "https://a@[::1]:9/p?q=1"),
    ("http://user@host/x", "http://user@host/x"), ("http://host/x@y", "http://host/x@y"),
    ("http://host:1/", "http://host:1/"), ("not a url", "not a url"),
  ])
  func passwordsAreDroppedFromStoredAndPrintedURLs(_ url: String, _ shown: String) {
    #expect(TargetURL.withoutPassword(url) == shown)
  }

  @Test func theAuditRecordAndTheBodyKeepNoPassword() throws {
    let request = SingleEventRequest(
      eventType: "voucher.created", seed: 1, targetURL: "http://user:XYZ-SECRET@127.0.0.1:9/hooks", secret: "s")
    let sendout = try request.sendout()
    let record = AuditRecord(
      sendout: sendout, status: .success, attempt: 1, executedAt: Timestamp(milliseconds: 0),
      outcome: .response(status: 200))
    let line = String(decoding: record.line, as: UTF8.self)
    #expect(!line.contains("XYZ-SECRET"), "\(line)")
    #expect(line.contains("http://user@127.0.0.1:9/hooks"))
    #expect(TransportRequest(sendout, timeoutMilliseconds: 1000).url.contains("XYZ-SECRET"), "still sent with it")
  }

  @Test func anInvalidURLErrorKeepsNoPassword() {
    #expect(throws: DeliveryError.self) { try TransportRequest.validate(url: "http://u:XYZ@ho st/") }
    #expect(!DeliveryError.invalidTargetURL("http://u:XYZ@ho st/").message.contains("XYZ"))
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// Issue 17 through the built binary: `sendout retry` of a record whose header name carries CR/LF (a hand-edited or
/// hostile audit log) is refused with exit 65 and one line naming the sendout, the log and the header; nothing is sent.
@Suite struct RetryInjectionCLITests {
  @Test func aRecordedHeaderThatWouldInjectIsRefusedWithExit65() throws {
    let capture = RawCapture()
    defer { capture.stop() }
    let path = NSTemporaryDirectory() + "sendout-inject-cli-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sendout = TestSendouts.make(
      3, to: "http://127.0.0.1:\(capture.port)/hooks", headers: [HTTPHeader("x-a: 1\r\nx-injected", "evil")])
    try FileAuditLog(path: path).append(
      AuditRecord(
        sendout: sendout, status: .failed, attempt: 1, executedAt: Timestamp(milliseconds: 0),
        outcome: .response(status: 500)))
    let result = try SendoutBinary.run(["retry", sendout.id, "--audit", path], timeoutSeconds: 30)
    #expect(result.status == 65, "\(result.stderr)")
    #expect(
      result.stderr
        == "error: Not resending \(sendout.id) from the audit log '\(path)': Invalid header name "
        + #"'x-a: 1\r\nx-injected': Voucherify allows lowercase letters, digits and dashes only"# + "\n")
    #expect(capture.requests.isEmpty, "\(capture.texts)")
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 21 item 4 through the built binary: a receiver answering 400 with a reason shows the reason on the attempt's
/// line, and the audit log and `audit --json` keep its headers (secrets redacted) and body.
@Suite struct ReceiverAnswerCLITests {
  @Test func aFailedAttemptShowsTheReceiversAnswerAndTheAuditKeepsIt() throws {
    let receiver = RawCapture(
      status: 400, headers: ["content-type: application/json", "set-cookie: session=abc123secret"],
      body: Array(#"{"error":"missing field customer"}"#.utf8))
    defer { receiver.stop() }
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fire = try SendoutBinary.run([
      "fire", "voucher.published", "--to", "http://127.0.0.1:\(receiver.port)/h", "--retry-schedule", "none",
      "--header", "x-api-key: key-0123456789", "--audit", audit,
    ])
    #expect(fire.status == 1)
    #expect(fire.stdout.contains(#"HTTP 400: {"error":"missing field customer"}"#), "stdout: \(fire.stdout)")
    let listed = try SendoutBinary.run(["audit", "--audit", audit, "--json"])
    #expect(listed.status == 0)
    let row = try #require(try JSONParser.parse(listed.stdout).arrayValue?.first)
    #expect(row.value(atPath: "response.body")?.stringValue == #"{"error":"missing field customer"}"#)
    let headers = row.value(atPath: "response.headers")?.arrayValue ?? []
    let value = { (name: String) in headers.first { $0["name"]?.stringValue == name }?["value"]?.stringValue }
    #expect(value("content-type") == "application/json")
    #expect(value("set-cookie") == CustomHeader.redactedValue)
    let log = try String(contentsOfFile: audit, encoding: .utf8)
    #expect(log.contains("missing field customer") && !log.contains("abc123secret") && !log.contains("key-0123"))
  }

  /// A hostile answer (ANSI escapes, a newline, invalid UTF-8) cannot move the terminal's cursor or fake a line.
  @Test func aHostileAnswerPrintsEscapedOnOneLine() throws {
    let receiver = RawCapture(status: 500, body: Array("\u{1B}[2J\u{1B}]0;pwned\u{07}oops\nFAKE LINE".utf8) + [0xFF])
    defer { receiver.stop() }
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let fire = try SendoutBinary.run([
      "fire", "voucher.published", "--to", "http://127.0.0.1:\(receiver.port)/h", "--retry-schedule", "none",
      "--audit", audit,
    ])
    #expect(!fire.stdout.contains("\u{1B}") && !fire.stdout.contains("\u{07}"), "stdout: \(fire.stdout)")
    #expect(fire.stdout.contains(#"HTTP 500: \u{1B}[2J\u{1B}]0;pwned\u{7}oops  "#), "stdout: \(fire.stdout)")
    #expect(!fire.stdout.contains("FAKE LINE"), "only the first line is shown")
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// `listen --forward-to URL` through the built binary, on loopback with a real application (issue 21): each arrival
/// reaches the application with its exact bytes and headers, the sender gets the application's answer, and an
/// application that is down is a 502 saying why, on the sender's side and on the listener's line.
@Suite(.timeLimit(.minutes(1))) struct ForwardToCLITests {
  /// Starts `listen --forward-to url`, fires one sendout at it, stops it; returns the fire's JSON line and what the
  /// listener printed.
  static func fire(through forwardTo: String) throws -> (record: JSON, listener: String) {
    let audit = FireCommandTests.temporaryAuditPath()
    defer { try? FileManager.default.removeItem(atPath: audit) }
    let (listener, output, read, port) = try SendoutBinary.startServer(
      ["listen", "--port", "0", "--secret", "s", "--forward-to", forwardTo])
    try #require(port > 0, "first line: \(String(decoding: read, as: UTF8.self))")
    let fired = try SendoutBinary.run(
      [
        "fire", "voucher.published", "--to", "http://127.0.0.1:\(port)/webhooks", "--secret", "s",
        "--retry-schedule", "none", "--json", "--audit", audit,
      ], timeoutSeconds: 30)
    listener.interrupt()
    listener.waitUntilExit()
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    let record = try JSONParser.parse(fired.stdout)
    return (record, String(decoding: read + Array(rest), as: UTF8.self))
  }

  @Test func theApplicationGetsTheExactRequestAndTheSenderItsAnswer() throws {
    let app = RawCapture(
      status: 400, headers: ["content-type: application/json", "x-app: checkout"],
      body: Array(#"{"error":"missing field customer"}"#.utf8))
    defer { app.stop() }
    let (record, listener) = try Self.fire(through: "http://127.0.0.1:\(app.port)/hooks?from=sendout")
    #expect(record["http_status"] == 400, "\(record.compactString)")
    #expect(record.value(atPath: "response.body") == #"{"error":"missing field customer"}"#)
    let answerHeaders = record.value(atPath: "response.headers")?.arrayValue ?? []
    #expect(answerHeaders.contains { $0["name"] == "x-app" && $0["value"] == "checkout" }, "\(answerHeaders)")
    let request = try #require(app.texts.last)
    let (head, body) = try #require(request.split(separator: "\r\n\r\n", maxSplits: 1).map(String.init).pairs)
    #expect(head.hasPrefix("POST /hooks?from=sendout HTTP/1.1\r\n"), "\(head)")
    #expect(head.lowercased().contains("host: 127.0.0.1:\(app.port)\r\n"))
    #expect(body == record["body"]?.stringValue, "the body's bytes, unchanged")
    let signature = (record["headers"]?.arrayValue ?? []).first { $0["name"] == "x-voucherify-signature" }?["value"]
    #expect(head.contains("x-voucherify-signature: \(signature?.stringValue ?? "-")\r\n"), "\(head)")
    #expect(!head.lowercased().contains("connection:") && !head.lowercased().contains("keep-alive"))
    #expect(
      listener.contains("signature valid") && listener.contains("→ 400 (the application's answer)"), "\(listener)")
  }

  @Test func anApplicationThatIsDownIsA502SayingWhy() throws {
    let (record, listener) = try Self.fire(through: "http://127.0.0.1:9/hooks")
    #expect(record["http_status"] == 502, "\(record.compactString)")
    let body = record.value(atPath: "response.body")?.stringValue ?? ""
    #expect(body.contains("could not forward to http://127.0.0.1:9/hooks: connection refused"), "\(body)")
    #expect(listener.contains("→ 502 (forward failed: connection refused)"), "\(listener)")
  }

  @Test func forwardToTakesAPlainHTTPURLAndNoFaults() throws {
    let https = try SendoutBinary.run(["listen", "--port", "0", "--forward-to", "https://example.com/x"])
    #expect(https.status == 64 && https.stderr.contains("expected a plain http:// URL"), "\(https.stderr)")
    let faults = try SendoutBinary.run([
      "listen", "--port", "0", "--forward-to", "http://127.0.0.1:9/", "--fail-first", "1",
    ])
    #expect(faults.status == 64 && faults.stderr.contains("leave out --respond"), "\(faults.stderr)")
  }
}

extension Array where Element == String {
  /// The two elements of a two-element array, or `nil`.
  fileprivate var pairs: (String, String)? { count == 2 ? (self[0], self[1]) : nil }
}

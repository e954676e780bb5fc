import Foundation
import SendoutCore
import SendoutSessions
import SendoutTestSupport
import Testing

/// Issue 17: `GET /_sendout/sendouts` of `sendout serve` read a FIFO audit log in a blocking `open`, and every API
/// call queued behind it. A log that became a FIFO after start-up is now an error answer at once, and the API goes on.
@Suite struct ServeAuditFileTests {
  @Test func aLogThatBecameAFIFOIsAnErrorAnswerNotAHang() async throws {
    let path = NSTemporaryDirectory() + "sendout-serve-fifo-\(UUID().uuidString)"
    let server = try await ServeServer(auditPath: path)  // nothing there yet: start-up accepts it
    #expect(mkfifo(path, 0o600) == 0)
    defer { SpecialFiles.remove(path) }
    // Bounded: the exchange gives up after 10 s, and the FIFO is released after 15 s if a regression blocks on it.
    let released = Task.detached {
      try await Task.sleep(nanoseconds: 15_000_000_000)
      SpecialFiles.release(path)
    }
    let (status, body) = try await server.call("GET", "/_sendout/sendouts")
    #expect(status == 500)
    #expect(body["details"]?.stringValue?.contains("is a FIFO (named pipe); it must be a regular file") == true)
    let (listed, _) = try await server.call("GET", "/v1/vouchers")
    #expect(listed == 200, "the API still answers")
    released.cancel()
    try await server.stop()
  }
}

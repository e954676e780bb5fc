import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// `sendout listen` under a real `ulimit -n 64`: 100 idle connections used to exhaust its descriptors, after which
/// `accept` failed with EMFILE in a busy loop (99.5 % CPU) and a real client was never answered.
@Suite struct FileLimitCLITests {
  @Test func anIdleCrowdPastUlimitDoesNotLockClientsOut() throws {
    let (process, _, read, port) = try SendoutBinary.startServer(
      ["listen", "--port", "0"], launcher: ["/bin/sh", "-c", #"ulimit -n 64 && exec "$0" "$@""#])
    defer { process.terminate() }
    try #require(port > 0, "\(String(decoding: read, as: UTF8.self))")
    let idle = try (0..<100).map { _ in try LoopbackSocket(port: port, timeoutSeconds: 3) }
    let client = try LoopbackSocket(port: port, timeoutSeconds: 3)
    client.send("POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(try client.readResponse()?.head.status == 200)
    #expect(idle.prefix(10).allSatisfy { $0.isClosedByPeer() }, "the oldest idle connections made room")
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `WebhookListener` under abuse: tricklers, oversized and malformed requests, idle crowds and abrupt
/// disconnects. After each, the listener still answers a well-behaved client.
@Suite struct ListenerAbuseTests {
  func start(_ configuration: ListenerConfiguration) throws -> WebhookListener {
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    return listener
  }

  func post(_ n: Int) -> String {
    let sendout = TestSendouts.make(n, secret: "s")
    return "POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\n"
      + sendout.headers.map { "\($0.name): \($0.value)\r\n" }.joined()
      + "content-length: \(sendout.body.count)\r\n\r\n" + String(decoding: sendout.body, as: UTF8.self)
  }

  /// A well-behaved client is answered 200.
  func expectServes(_ listener: WebhookListener, _ n: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.send(post(n))
    #expect(try client.readResponse()?.head.status == 200, sourceLocation: sourceLocation)
  }

  /// Headers trickled a byte every 10 ms never complete: the read timeout counts from the first byte,
  /// so the trickler gets 408 at the deadline although every read restarted the old idle timer.
  @Test func aTricklerIsCutOffAtTheRequestDeadline() throws {
    let listener = try start(ListenerConfiguration(port: 0, readTimeoutMilliseconds: 300))
    defer { listener.stop() }
    let trickler = try LoopbackSocket(port: listener.port, timeoutSeconds: 5)
    let trickle = trickler.trickle(
      Array("POST /webhooks HTTP/1.1\r\nx-slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 400))
    let started = ContinuousClock.now
    try expectServes(listener, 1)  // others are served meanwhile
    let response = try trickler.readResponse()
    trickle.stop()
    #expect(response?.head.status == 408)
    #expect(ContinuousClock.now - started < .seconds(2), "cut off near 300 ms, not after 4 s of trickling")
  }

  @Test(arguments: [
    "GARBAGE\r\n\r\n", "GET\r\n\r\n", "POST /webhooks\r\n\r\n", "POST /webhooks HTTP/1.1 extra\r\n\r\n",
    "\u{1}\u{2}\u{3}\r\n\r\n", "POST /webhooks HTTP/1.1\r\nno-colon-here\r\n\r\n",
    "POST /webhooks HTTP/1.1\r\ncontent-length: -5\r\n\r\n", "POST /webhooks HTTP/1.1\r\ncontent-length: 1x\r\n\r\n",
    "POST /webhooks HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
  ])
  func malformedRequestsGet400(_ request: String) throws {
    let listener = try start(ListenerConfiguration(port: 0))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.send(request)
    let status = try client.readResponse()?.head.status
    #expect(status == 400, "\(request.debugDescription) → \(status.map(String.init) ?? "nothing")")
    try expectServes(listener, 1)
  }

  @Test func oversizedHeadsGet431AndBodiesGet413() throws {
    let listener = try start(
      ListenerConfiguration(port: 0, limits: HTTPLimits(maxHeadBytes: 1024, maxHeaderCount: 10, maxBodyBytes: 100)))
    defer { listener.stop() }
    let cases: [(String, Int)] = [
      ("POST / HTTP/1.1\r\nx-big: " + String(repeating: "a", count: 5000) + "\r\n\r\n", 431),
      ("POST / HTTP/1.1\r\n" + (0..<20).map { "x-\($0): 1\r\n" }.joined() + "\r\n", 431),
      ("POST / HTTP/1.1\r\ncontent-length: 1000000000\r\n\r\n", 413),
      (
        "POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n" + "40\r\n" + String(repeating: "a", count: 64) + "\r\n"
          + "40\r\n" + String(repeating: "a", count: 64) + "\r\n0\r\n\r\n", 413
      ),
    ]
    for (request, status) in cases {
      let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
      client.send(request)
      #expect(try client.readResponse()?.head.status == status, "\(request.prefix(40).debugDescription)")
    }
    #expect(listener.received.isEmpty)
  }

  /// Hundreds of idle connections, and more than `maxConnections`: the extra ones are closed, the idle
  /// timeout frees the rest, and a new client is served.
  @Test func manyIdleConnectionsDoNotStarveOthers() throws {
    let listener = try start(ListenerConfiguration(port: 0, idleTimeoutMilliseconds: 300, maxConnections: 100))
    defer { listener.stop() }
    let idle = try (0..<150).map { _ in try LoopbackSocket(port: listener.port, timeoutSeconds: 3) }
    // Over the limit: closed at once. Within it: closed by the idle timeout (bounded by the 3 s read timeout).
    #expect(idle.allSatisfy { $0.isClosedByPeer() })
    try expectServes(listener, 1)
  }

  /// Clients that vanish halfway through a request, right after sending it, or with a reset.
  @Test func abruptDisconnectsAreSurvived() throws {
    let listener = try start(ListenerConfiguration(port: 0, behavior: ListenerBehavior(delayMilliseconds: 50)))
    defer { listener.stop() }
    for i in 0..<30 {
      let client = try LoopbackSocket(port: listener.port)
      let request = Array(post(100 + i).utf8)
      switch i % 3 {
      case 0: client.send(Array(request.prefix(request.count / 2)))
      case 1: client.send(request)
      default:
        client.send(Array(request.prefix(10)))
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
      }
    }  // each socket closes here
    try expectServes(listener, 1)
    #expect(listener.received.count >= 1)
  }
}

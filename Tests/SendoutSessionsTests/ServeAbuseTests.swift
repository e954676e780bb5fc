import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `sendout serve` under abuse, over raw loopback sockets: tricklers, oversize and malformed requests (answered
/// with Voucherify's `Error` body although the HTTP loop rejects them before the mock API), idle crowds, and clients
/// that vanish mid-request, which change nothing: no world change, no journal line, no webhook. After each, a
/// well-behaved call is served.
@Suite(.timeLimit(.minutes(1))) struct ServeAbuseTests {
  static func limits(read: Int64 = 10_000, idle: Int64 = 60_000, connections: Int = 1000) -> ServeConnectionLimits {
    var limits = ServeConnectionLimits()
    limits.readTimeoutMilliseconds = read
    limits.idleTimeoutMilliseconds = idle
    limits.maxConnections = connections
    return limits
  }

  static func port(_ server: ServeServer) throws -> Int {
    try #require(Int(server.url.split(separator: ":").last ?? ""))
  }

  static func request(_ method: String, _ path: String, body: String = "") -> [UInt8] {
    Array(
      ("\(method) \(path) HTTP/1.1\r\nhost: 127.0.0.1\r\nx-app-id: app\r\nx-app-token: token\r\n"
        + "content-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n\r\n" + body).utf8)
  }

  /// Expects Voucherify's `Error` body with `status` as its code.
  static func expectError(
    _ message: HTTPMessage?, _ status: Int, key: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let message = try #require(message, sourceLocation: sourceLocation)
    #expect(message.head.status == status, sourceLocation: sourceLocation)
    let body = try JSONParser.parse(message.body)
    #expect(
      body["code"]?.intValue == status && body["key"]?.stringValue == key, "\(body)", sourceLocation: sourceLocation)
    #expect(body["message"]?.stringValue != nil && body["details"]?.stringValue != nil, sourceLocation: sourceLocation)
    try ServeServer.expectValid(body, "Error", sourceLocation: sourceLocation)
  }

  /// A well-behaved call over a raw socket is answered 200.
  static func expectServes(_ port: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let client = try LoopbackSocket(port: port, timeoutSeconds: 3)
    client.send(request("GET", "/v1/campaigns"))
    #expect(try client.readResponse()?.head.status == 200, sourceLocation: sourceLocation)
  }

  @Test func aTricklerGets408AtTheDeadlineWhileOthersAreServed() async throws {
    let server = try await ServeServer(connections: Self.limits(read: 300))
    let port = try Self.port(server)
    let trickler = try LoopbackSocket(port: port, timeoutSeconds: 5)
    let trickle = trickler.trickle(
      Array("POST /v1/customers HTTP/1.1\r\nx-slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 400))
    let started = ContinuousClock.now
    try Self.expectServes(port)
    let response = try trickler.readResponse()
    trickle.stop()
    try Self.expectError(response, 408, key: "request_timeout")
    #expect(ContinuousClock.now - started < .seconds(2), "cut off near 300 ms, not after 4 s of trickling")
    try await server.stop()
  }

  @Test func oversizeBodiesGet413WithVoucherifysErrorBodyAndChangeNothing() async throws {
    let server = try await ServeServer()
    let port = try Self.port(server)
    // The head alone announces too much: rejected before any body byte is read (no reset races on the socket).
    let announced = try LoopbackSocket(port: port)
    announced.send(
      "POST /v1/customers HTTP/1.1\r\nx-app-id: app\r\nx-app-token: token\r\ncontent-length: 1048577\r\n\r\n"
        + #"{"source_id":"huge"}"#)
    try Self.expectError(announced.readResponse(), 413, key: "payload_too_large")
    let chunked = try LoopbackSocket(port: port)
    chunked.send(
      "POST /v1/customers HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n100001\r\n" + #"{"source_id":"huge"}"#)
    try Self.expectError(chunked.readResponse(), 413, key: "payload_too_large")
    let head = try LoopbackSocket(port: port)
    head.send("GET /v1/campaigns HTTP/1.1\r\nx-big: " + String(repeating: "a", count: 20_000) + "\r\n\r\n")
    try Self.expectError(head.readResponse(), 431, key: "request_header_fields_too_large")
    #expect(try await server.call("GET", "/v1/customers/huge").0 == 404)
    try Self.expectServes(port)
    try await server.stop()
  }

  @Test(arguments: [
    "GARBAGE\r\n\r\n", "GET\r\n\r\n", "POST /v1/customers HTTP/1.1 extra\r\n\r\n", "\u{1}\u{2}\u{3}\r\n\r\n",
    "POST /v1/customers HTTP/1.1\r\nno-colon-here\r\n\r\n", "POST /v1/customers HTTP/1.1\r\ncontent-length: -5\r\n\r\n",
    "POST /v1/customers HTTP/1.1\r\ncontent-length: 1x\r\n\r\n",
    "POST /v1/customers HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
  ])
  func malformedRequestsGet400WithVoucherifysErrorBody(_ request: String) async throws {
    let server = try await ServeServer()
    let port = try Self.port(server)
    let client = try LoopbackSocket(port: port, timeoutSeconds: 3)
    client.send(request)
    try Self.expectError(client.readResponse(), 400, key: "bad_request")
    try Self.expectServes(port)
    #expect(server.listener.received.isEmpty, "no webhook")
    try await server.stop()
  }

  /// More idle connections than `maxConnections`: the extra ones are closed at once, the rest by the idle timeout,
  /// and a new client is served.
  @Test func manyIdleConnectionsDoNotStarveOthers() async throws {
    let server = try await ServeServer(connections: Self.limits(idle: 300, connections: 50))
    let port = try Self.port(server)
    let idle = try (0..<120).map { _ in try LoopbackSocket(port: port, timeoutSeconds: 3) }
    #expect(idle.allSatisfy { $0.isClosedByPeer() })
    try Self.expectServes(port)
    try await server.stop()
  }

  /// Clients that vanish halfway through a call that would create a customer (half the body; the head only; a
  /// reset): the customer does not exist, the journal holds no line of them, and no webhook is sent for them.
  @Test func aClientThatDisconnectsMidRequestChangesNothing() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-abuse-state-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(state: state)
    let port = try Self.port(server)
    for i in 0..<30 {
      let client = try LoopbackSocket(port: port)
      let request = Self.request("POST", "/v1/customers", body: #"{"source_id":"ghost-\#(i)","email":"g@example.com"}"#)
      switch i % 3 {
      case 0: client.send(Array(request.prefix(request.count - 5)))
      case 1: client.send(Array(request.prefix(40)))
      default:
        client.send(Array(request.prefix(request.count - 1)))
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
      }
    }  // each socket closes here
    let (created, _) = try await server.call("POST", "/v1/customers", body: #"{"source_id":"real"}"#)
    #expect(created == 200)
    let arrived = await server.webhooks(until: "customer.created")
    for i in 0..<30 { #expect(try await server.call("GET", "/v1/customers/ghost-\(i)").0 == 404) }
    try await server.stop()
    let bodies = arrived.map { String(decoding: $0.body, as: UTF8.self) }
    #expect(bodies.count == 1 && bodies.allSatisfy { $0.contains("\"real\"") }, "only the real call's webhook")
    let journal = try String(contentsOfFile: state, encoding: .utf8)
    #expect(journal.contains("ghost-0"), "the GETs above are journaled (every call is)")
    #expect(!journal.contains("source_id\\\":\\\"ghost"), "no POST of the vanished clients is journaled")
    #expect(journal.contains("\\\"real\\\""), "the real call is journaled")
  }
}

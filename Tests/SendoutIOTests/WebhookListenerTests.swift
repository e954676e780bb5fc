import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct WebhookListenerTests {
  func start(_ configuration: ListenerConfiguration = ListenerConfiguration(port: 0, secret: "s")) throws
    -> WebhookListener
  {
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    return listener
  }

  func post(_ sendout: Sendout, chunked: Bool = false) -> String {
    let head =
      "POST /webhooks HTTP/1.1\r\nhost: 127.0.0.1\r\n" + sendout.headers.map { "\($0.name): \($0.value)\r\n" }.joined()
    let body = String(decoding: sendout.body, as: UTF8.self)
    if chunked {
      let half = body.utf8.count / 2
      let a = String(decoding: sendout.body[0..<half], as: UTF8.self)
      let b = String(decoding: sendout.body[half...], as: UTF8.self)
      return head + "transfer-encoding: chunked\r\n\r\n" + String(a.utf8.count, radix: 16) + "\r\n" + a + "\r\n"
        + String(b.utf8.count, radix: 16) + "\r\n" + b + "\r\n0\r\n\r\n"
    }
    return head + "content-length: \(sendout.body.count)\r\n\r\n" + body
  }

  @Test func portZeroPicksAFreePort() throws {
    let listener = try start()
    defer { listener.stop() }
    #expect(listener.port > 0)
    #expect(listener.baseURL == "http://127.0.0.1:\(listener.port)")
  }

  @Test func headAndBodyInSeparateReadsOnOneKeepAliveConnection() throws {
    let listener = try start()
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    for n in 1...3 {
      let request = post(TestSendouts.make(n, secret: "s"))
      let split = request.range(of: "\r\n\r\n")!.upperBound
      let head = String(request[..<split])
      let before = listener.bytesReceived
      client.send(head)
      // The body goes out only once the listener has read the head: two reads for certain.
      for _ in 0..<1000 where listener.bytesReceived < before + head.utf8.count { usleep(1000) }
      #expect(listener.bytesReceived == before + head.utf8.count)
      client.send(String(request[split...]))
      #expect(try client.readResponse()?.head.status == 200)
    }
    let got = listener.received
    #expect(got.count == 3)
    #expect(got.allSatisfy { $0.signature == .valid })
    #expect(got.map(\.sendoutID) == (1...3).map { TestSendouts.make($0).id })
    #expect(got.first?.eventType == "customer.publication.succeeded")
  }

  @Test func chunkedBodiesAreDecodedAndVerified() throws {
    let listener = try start()
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    let sendout = TestSendouts.make(1, secret: "s")
    client.send(post(sendout, chunked: true))
    #expect(try client.readResponse()?.head.status == 200)
    let got = try #require(listener.received.first)
    #expect(got.body == sendout.body)
    #expect(got.wasChunked)
    #expect(got.signature == .valid)
  }

  @Test(arguments: [("s", SignatureCheck.valid), ("other", .invalid), (nil, .absent)] as [(String?, SignatureCheck)])
  func signatureVerdicts(signWith: String?, expected: SignatureCheck) throws {
    let listener = try start()
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    client.send(post(TestSendouts.make(1, secret: signWith)))
    _ = try client.readResponse()
    #expect(listener.received.first?.signature == expected)
  }

  @Test func withoutASecretSignaturesAreUnchecked() throws {
    let listener = try start(ListenerConfiguration(port: 0))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    client.send(post(TestSendouts.make(1, secret: "s")))
    _ = try client.readResponse()
    #expect(listener.received.first?.signature == .unchecked)
  }

  @Test func oversizedBodyGets413AndTheConnectionCloses() throws {
    let listener = try start(ListenerConfiguration(port: 0, limits: HTTPLimits(maxBodyBytes: 100)))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    client.send(post(TestSendouts.make(1, padding: 500)))
    let response = try #require(try client.readResponse())
    #expect(response.head.status == 413)
    #expect(!response.head.keepAlive)
    #expect(listener.received.isEmpty)
  }

  @Test func oversizedHeadGets431() throws {
    let listener = try start(ListenerConfiguration(port: 0, limits: HTTPLimits(maxHeadBytes: 256)))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    client.send("POST / HTTP/1.1\r\nx-big: " + String(repeating: "a", count: 1000) + "\r\n\r\n")
    #expect(try client.readResponse()?.head.status == 431)
  }

  @Test func aStalledRequestGets408AfterTheReadTimeout() throws {
    let listener = try start(ListenerConfiguration(port: 0, readTimeoutMilliseconds: 100))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    client.send("POST / HTTP/1.1\r\ncontent-length: 10\r\n\r\nabc")
    #expect(try client.readResponse()?.head.status == 408)
  }

  @Test func faultsFailFirstThenRespond() throws {
    let listener = try start(
      ListenerConfiguration(port: 0, behavior: ListenerBehavior(status: 202, failFirst: 2, failStatus: 503)))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    var statuses: [Int] = []
    for n in 1...4 {
      client.send(post(TestSendouts.make(n)))
      statuses.append(try client.readResponse()?.head.status ?? 0)
    }
    #expect(statuses == [503, 503, 202, 202])
    #expect(listener.received.map(\.respondedStatus) == statuses)
  }

  @Test func failRateIsSeededAndReproducible() throws {
    func run() throws -> [Int] {
      let listener = try start(ListenerConfiguration(port: 0, behavior: ListenerBehavior(failRate: 0.5, seed: 42)))
      defer { listener.stop() }
      let client = try LoopbackSocket(port: listener.port)
      return try (1...20).map { n in
        client.send(post(TestSendouts.make(n)))
        return try client.readResponse()?.head.status ?? 0
      }
    }
    let first = try run()
    #expect(first == (try run()))
    #expect(first.contains(500) && first.contains(200))
  }

  @Test func manyConnectionsAtOnce() async throws {
    let listener = try start()
    defer { listener.stop() }
    let clients = try (0..<50).map { _ in try LoopbackSocket(port: listener.port) }
    for (i, c) in clients.enumerated() { c.send(post(TestSendouts.make(i + 1, secret: "s"))) }
    for c in clients { #expect(try c.readResponse()?.head.status == 200) }
    #expect(listener.received.count == 50)
  }

  @Test func aDelayedAnswerDoesNotBlockOtherConnections() throws {
    let listener = try start(ListenerConfiguration(port: 0, behavior: ListenerBehavior(delayMilliseconds: 2000)))
    defer { listener.stop() }
    let slow = try LoopbackSocket(port: listener.port)
    slow.send(post(TestSendouts.make(1)))
    for _ in 0..<400 where listener.received.isEmpty { usleep(5000) }
    listener.behavior = ListenerBehavior()
    let fast = try LoopbackSocket(port: listener.port, timeoutSeconds: 1)
    fast.send(post(TestSendouts.make(2)))
    #expect(try fast.readResponse()?.head.status == 200)
    #expect(try slow.readResponse()?.head.status == 200)
  }

  @Test func expectContinueGetsA100BeforeTheBody() throws {
    let listener = try start()
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port)
    let sendout = TestSendouts.make(1, secret: "s")
    client.send("POST /webhooks HTTP/1.1\r\nexpect: 100-continue\r\ncontent-length: \(sendout.body.count)\r\n\r\n")
    #expect(try client.readResponse()?.head.status == 100)
    client.send(sendout.body)
    #expect(try client.readResponse()?.head.status == 200)
    #expect(listener.received.first?.body == sendout.body)
  }
}

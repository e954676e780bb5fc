import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// Issue 10, class 1 and 6 on the codec and the listener: numbers from the network are read with explicit
/// ranges (an error, never a trap), HEAD gets no body, `100 Continue` never follows the final answer, and an
/// idle crowd cannot lock a client out.
@Suite struct HTTPHardeningTests {
  func parse(_ text: String, kind: HTTPParser.Kind) throws(HTTPParseError) -> HTTPMessage? {
    var parser = HTTPParser(kind: kind)
    parser.feed(Array(text.utf8))
    if let message = try parser.next() { return message }
    return try parser.finish()
  }

  @Test(arguments: ["-1", "+1", "0x1", "1 0", "-0", "ffffffffffffffff", "", " ", "g", "1\u{0}"])
  func chunkSizesOutOfRangeAreMalformed(size: String) {
    let request = "POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n\(size)\r\nabc\r\n0\r\n\r\n"
    let response = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n\(size)\r\nabc\r\n0\r\n\r\n"
    for (text, kind) in [(request, HTTPParser.Kind.request), (response, .response)] {
      #expect(throws: HTTPParseError.self) { _ = try parse(text, kind: kind) }
    }
  }

  @Test func chunkSizesWithExtensionsAndSpacesBeforeThemParse() throws {
    let text = "POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3 ;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n"
    #expect(try parse(text, kind: .request)?.body == Array("abc0123456789".utf8))
  }

  @Test(arguments: ["-99", "+20", "600", "099", "20", "2000", "1e2", "abc"])
  func statusCodesOutOfRangeAreMalformed(status: String) {
    #expect(throws: HTTPParseError.self) {
      _ = try parse("HTTP/1.1 \(status) X\r\ncontent-length: 0\r\n\r\n", kind: .response)
    }
  }

  @Test(arguments: ["99999999999999999999", "-5", "+5", "1e3", "0x10", "5, 6"])
  func contentLengthsOutOfRangeAreMalformed(length: String) {
    #expect(throws: HTTPParseError.self) {
      _ = try parse("POST / HTTP/1.1\r\ncontent-length: \(length)\r\n\r\nhello", kind: .request)
    }
  }

  @Test func continueIsOnlyRequestedWhileTheBodyIsMissing() throws {
    let head = "POST / HTTP/1.1\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n"
    var waiting = HTTPParser(kind: .request)
    waiting.feed(Array(head.utf8))
    #expect(try waiting.next() == nil)
    let asked = waiting.takeContinueRequest()
    #expect(asked, "head alone: the client waits for 100 Continue")
    var whole = HTTPParser(kind: .request)
    whole.feed(Array((head + "ok").utf8))
    #expect(try whole.next() != nil)
    let askedAfter = whole.takeContinueRequest()
    #expect(!askedAfter, "body already here: no 100 Continue after the final answer")
  }

  @Test func errorsQuotingTheNetworkEscapeControlCharacters() {
    do {
      _ = try parse("POST /\u{1B}[2J HTTP/9\r\n\r\n", kind: .request)
      Issue.record("accepted HTTP/9")
    } catch {
      #expect(!error.reason.contains("\u{1B}"), "\(error.reason)")
    }
  }

  // MARK: The listener

  func start(_ configuration: ListenerConfiguration) throws -> WebhookListener {
    let listener = WebhookListener(configuration: configuration)
    try listener.start()
    return listener
  }

  @Test func aChunkSizeOfMinusOneIsAnsweredWith400AndTheListenerLivesOn() throws {
    let listener = try start(ListenerConfiguration(port: 0))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.send("POST /webhooks HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n-1\r\nabc\r\n0\r\n\r\n")
    #expect(try client.readResponse()?.head.status == 400)
    let next = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    next.send("POST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(try next.readResponse()?.head.status == 200)
  }

  @Test func headIsAnsweredWithoutABody() throws {
    let listener = try start(ListenerConfiguration(port: 0))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.parser.nextResponseIsToHEAD = true
    client.send("HEAD /webhooks HTTP/1.1\r\nhost: x\r\n\r\nPOST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
    let head = try #require(try client.readResponse())
    #expect(head.head.status == 200)
    #expect(head.body.isEmpty)
    // Had the HEAD answer carried a body, these bytes would be read as the next status line.
    let post = try #require(try client.readResponse())
    #expect(post.head.status == 200)
    #expect(post.body == Array(#"{"received":true}"#.utf8))
  }

  @Test func noContinueFollowsTheFinalAnswerWhenTheBodyCameAlong() throws {
    let listener = try start(ListenerConfiguration(port: 0))
    defer { listener.stop() }
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.send(
      "POST /webhooks HTTP/1.1\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n{}"
        + "POST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(try client.readResponse()?.head.status == 200)
    #expect(try client.readResponse()?.head.status == 200, "the second answer, not a stray 100 Continue")
  }

  @Test func aHostileTargetAndTypeAreEscapedInTheListenerLine() throws {
    let lines = LockedLines()
    let listener = try start(ListenerConfiguration(port: 0, onReceive: { lines.append($0.line) }))
    defer { listener.stop() }
    let body = #"{"id":"whs_\u001b]0;pwned\u0007","type":"x\u001b[2J\u0000\u009b31m"}"#
    let client = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    client.send("POST /hooks\u{1B}[31m\u{7F} HTTP/1.1\r\ncontent-length: \(body.utf8.count)\r\n\r\n\(body)")
    #expect(try client.readResponse()?.head.status == 200)
    let line = try #require(lines.all.first)
    #expect(!line.unicodeScalars.contains { TerminalText.needsEscape($0) }, "\(line.debugDescription)")
    #expect(line.contains(#"/hooks\u{1B}[31m\u{7F}"#))
    #expect(line.contains(#"x\u{1B}[2J\u{0}\u{9B}31m"#))
    #expect(line.contains(#"whs_\u{1B}]0;pwned\u{7}"#))
  }

  @Test func anIdleCrowdAtTheCapIsEvictedOldestFirst() throws {
    let listener = try start(ListenerConfiguration(port: 0, maxConnections: 4))
    defer { listener.stop() }
    // Four idle clients fill the cap; each has been answered once, so the listener knows them.
    var crowd: [LoopbackSocket] = []
    for _ in 0..<4 {
      let idle = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
      idle.send("POST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
      #expect(try idle.readResponse()?.head.status == 200)
      crowd.append(idle)
    }
    // A fifth client is served: the oldest idle connection made room.
    let newcomer = try LoopbackSocket(port: listener.port, timeoutSeconds: 3)
    newcomer.send("POST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(try newcomer.readResponse()?.head.status == 200)
    #expect(crowd[0].isClosedByPeer(), "the oldest idle connection was closed")
    crowd[3].send("POST /webhooks HTTP/1.1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(try crowd[3].readResponse()?.head.status == 200, "the newest idle one was kept")
  }

  @Test func listensAndIsReachedOnIPv6Loopback() throws {
    let listener = WebhookListener(configuration: ListenerConfiguration(host: "::1", port: 0))
    do { try listener.start() } catch {
      withKnownIssue("no IPv6 loopback on this machine") { throw error }
      return
    }
    defer { listener.stop() }
    #expect(listener.baseURL == "http://[::1]:\(listener.port)")
    guard case .success(let target) = LoadTarget.parse(listener.baseURL + "/webhooks") else {
      Issue.record("LoadTarget refused \(listener.baseURL)")
      return
    }
    #expect(target.host == "::1")
    #expect(target.hostHeader == "[::1]:\(listener.port)")
  }
}

/// Lines collected from the listener's thread.
final class LockedLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []
  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}

import SendoutCore
import SendoutIO
import Testing

@Suite struct HTTPParserTests {
  let request =
    "POST /hooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}"

  func parseAll(_ pieces: [String], kind: HTTPParser.Kind = .request, limits: HTTPLimits = HTTPLimits()) throws
    -> [HTTPMessage]
  {
    var parser = HTTPParser(kind: kind, limits: limits)
    var out: [HTTPMessage] = []
    for piece in pieces {
      parser.feed(Array(piece.utf8))
      while let m = try parser.next() { out.append(m) }
    }
    if let m = try parser.finish() { out.append(m) }
    return out
  }

  @Test func parsesARequestWithContentLength() throws {
    let m = try #require(try parseAll([request]).first)
    #expect(m.head.method == "POST")
    #expect(m.head.target == "/hooks")
    #expect(m.head.value("content-type") == "application/json")
    #expect(m.body == Array("{\"a\":1}".utf8))
    #expect(m.head.keepAlive)
  }

  @Test(arguments: [1, 2, 3, 5, 17, 64])
  func anySplitGivesTheSameMessage(chunk: Int) throws {
    let bytes = Array((request + request).utf8)
    let pieces = stride(from: 0, to: bytes.count, by: chunk).map {
      String(decoding: bytes[$0..<min($0 + chunk, bytes.count)], as: UTF8.self)
    }
    let messages = try parseAll(pieces)
    #expect(messages.count == 2)
    #expect(messages.allSatisfy { $0.body == Array("{\"a\":1}".utf8) })
  }

  @Test func decodesChunkedBodiesWithExtensionsAndTrailers() throws {
    let text =
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\n{\"a\r\n4\r\n\":1}\r\n0\r\nx-trailer: t\r\n\r\n"
    let m = try #require(try parseAll([text]).first)
    #expect(m.body == Array("{\"a\":1}".utf8))
    #expect(m.wasChunked)
  }

  @Test func readsAResponseUntilCloseWhenUnframed() throws {
    let m = try #require(try parseAll(["HTTP/1.1 200 OK\r\n\r\nhello", " world"], kind: .response).first)
    #expect(m.head.status == 200)
    #expect(m.body == Array("hello world".utf8))
  }

  @Test func aRepeatedOrListedLengthThatAgreesFramesTheBody() throws {
    for text in [
      "POST / HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\n{}",
      "POST / HTTP/1.1\r\nContent-Length: 2 , 2\r\n\r\n{}",
    ] {
      #expect(try parseAll([text]).map(\.body) == [Array("{}".utf8)])
    }
  }

  @Test func noBodyFor204() throws {
    #expect(try parseAll(["HTTP/1.1 204 No Content\r\n\r\n"], kind: .response).first?.body == [])
  }

  @Test(arguments: [
    ("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n", HTTPParseError.bodyTooLarge(limit: 10)),
    ("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", .unsupportedTransferEncoding("gzip")),
    (
      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
      .malformed("both transfer-encoding and content-length")
    ),
    ("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .malformed("invalid content-length '1,2'")),
    ("POST / HTTP/1.1\r\nContent-Length: 2, 3\r\n\r\n", .malformed("invalid content-length '2,3'")),
    // A list with no length in it frames nothing: refused, not taken as a request without a body.
    ("POST / HTTP/1.1\r\nContent-Length: ,\r\n\r\n", .malformed("invalid content-length ''")),
    ("POST / HTTP/2.0\r\n\r\n", .malformed("unsupported version 'HTTP/2.0'")),
  ])
  func rejects(text: String, error: HTTPParseError) {
    #expect(throws: error) { try parseAll([text], limits: HTTPLimits(maxBodyBytes: 10)) }
  }

  @Test func chunkedBodiesCountTowardsTheLimit() {
    let text = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n"
    #expect(throws: HTTPParseError.bodyTooLarge(limit: 10)) {
      try parseAll([text], limits: HTTPLimits(maxBodyBytes: 10))
    }
  }

  @Test func headLimitGives431() {
    let text = "POST / HTTP/1.1\r\nx-big: " + String(repeating: "a", count: 200) + "\r\n\r\n"
    #expect(throws: HTTPParseError.headTooLarge(limit: 100)) {
      try parseAll([text], limits: HTTPLimits(maxHeadBytes: 100))
    }
    #expect(HTTPParseError.headTooLarge(limit: 100).status == 431)
  }

  @Test func headLimitAppliesBeforeTheHeadIsComplete() {
    let text = "POST / HTTP/1.1\r\nx-big: " + String(repeating: "a", count: 200)
    #expect(throws: HTTPParseError.headTooLarge(limit: 100)) {
      try parseAll([text], limits: HTTPLimits(maxHeadBytes: 100))
    }
  }

  @Test func cutOffMessagesAreIncomplete() {
    #expect(throws: HTTPParseError.incomplete) { try parseAll(["POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nab"]) }
  }

  @Test(arguments: [
    ("HTTP/1.1", "", true), ("HTTP/1.1", "close", false), ("HTTP/1.0", "", false), ("HTTP/1.0", "keep-alive", true),
    ("HTTP/1.1", "Upgrade, CLOSE", false), ("HTTP/1.1", "keep-alive,\tclose ", false), ("HTTP/1.1", "closed", true),
    ("HTTP/1.0", "Keep-Alive", true), ("HTTP/1.0", " upgrade ,keep-alive", true), ("HTTP/1.0", "keep-alive-ish", false),
    ("HTTP/1.0", ",", false),
  ])
  func keepAlive(version: String, connection: String, expected: Bool) throws {
    let text = "GET / \(version)\r\n" + (connection.isEmpty ? "" : "Connection: \(connection)\r\n") + "\r\n"
    #expect(try parseAll([text]).first?.head.keepAlive == expected)
  }

  @Test func serializerOutputParsesBack() throws {
    let bytes = HTTPSerializer.request(
      target: "/x", host: "127.0.0.1:1", headers: [HTTPHeader("content-type", "application/json")],
      body: Array("{}".utf8))
    let m = try #require(try parseAll([String(decoding: bytes, as: UTF8.self)]).first)
    #expect(m.body == Array("{}".utf8))
    #expect(m.head.value("content-length") == "2")
  }

  /// The end-of-head search skips ahead by up to four bytes: CR and LF runs next to the terminator must neither hide
  /// it nor end the head early, in any split.
  @Test(arguments: [1, 2, 3, 4, 5, 7, 200])
  func crAndLfRunsNearTheEndOfTheHeadEndItWhereTheFirstCrLfCrLfIs(chunk: Int) throws {
    let text = "GET /a HTTP/1.1\r\nX: a\r\r\r\nY: \nb\n\r\n\r\nGET /b HTTP/1.1\r\nZ: \r\r\n\r\n"
    let bytes = Array(text.utf8)
    let pieces = stride(from: 0, to: bytes.count, by: chunk).map {
      String(decoding: bytes[$0..<min($0 + chunk, bytes.count)], as: UTF8.self)
    }
    let messages = try parseAll(pieces)
    #expect(messages.map(\.head.target) == ["/a", "/b"])
    #expect(messages.first?.head.headers == [HTTPHeader("X", "a\r\r"), HTTPHeader("Y", "\nb\n")])
    #expect(messages.last?.head.headers == [HTTPHeader("Z", "\r")])  // CR CR LF CR LF: the head ends after the first CR
  }
}

import SendoutCore
import SendoutIO
import Testing

/// Seeded fuzzing of the HTTP codec in both directions — requests as the listener reads them, responses as
/// the load client reads them — with the shapes of issue 10 among the seeds (chunk size `-1`, interim
/// answers, close-delimited HTTP/1.0, expect-continue, smuggling pairs). Every input, fed in random
/// splits, ends as messages or an error: never a trap, never more body than the limit, never a hang.
@Suite struct HTTPFuzzTests {
  static let requestSeeds: [String] = [
    "POST /webhooks HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 7\r\n\r\n{\"a\":1}",
    "POST /h HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n0\r\nx-trailer: 1\r\n\r\n",
    "POST /h HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n-1\r\nabc\r\n0\r\n\r\n",
    "POST /h HTTP/1.1\r\nexpect: 100-continue\r\ncontent-length: 2\r\n\r\n{}GET / HTTP/1.0\r\n\r\n",
    "HEAD /h HTTP/1.1\r\nhost: x\r\n\r\nPOST /h HTTP/1.1\r\ncontent-length: 0\r\n\r\n",
    "POST /h HTTP/1.1\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n",
    "POST /h HTTP/1.1\r\ncontent-length: 3\r\ncontent-length: 4\r\n\r\nabcd",
    "POST /\u{1B}[2J HTTP/1.1\r\ncontent-length: 99999999999999999999\r\n\r\n",
  ]

  static let responseSeeds: [String] = [
    "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n",
    "HTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
    "HTTP/1.0 200 OK\r\ncontent-type: text/plain\r\n\r\nuntil the connection closes",
    "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nffffffffffffffff\r\nx\r\n0\r\n\r\n",
    "HTTP/1.1 -99 Odd\r\ncontent-length: 0\r\n\r\n",
    "HTTP/1.1 200 OK\r\ncontent-encoding: gzip\r\ncontent-length: 4\r\n\r\n\u{1F}\u{8B}xx",
  ]

  static let tokens: [String] = [
    "\r\n", "\r\n\r\n", "-1", "+1", "0x", "ffffffffffffffff", "9223372036854775808", ";", " ", "\t", ":",
    "content-length: ", "transfer-encoding: chunked\r\n", "HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.0 ", "\u{0}",
    "\u{1B}", "HEAD ", "expect: 100-continue\r\n", "connection: close\r\n", "0\r\n\r\n",
  ]

  @Test func requestParserSurvivesMutations() { fuzz(.request, seeds: Self.requestSeeds, seed: 0x4854_5450_0001) }

  @Test func responseParserSurvivesMutations() { fuzz(.response, seeds: Self.responseSeeds, seed: 0x4854_5450_0002) }

  func fuzz(_ kind: HTTPParser.Kind, seeds: [String], seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    let limits = HTTPLimits(maxHeadBytes: 2048, maxHeaderCount: 20, maxBodyBytes: 4096)
    for i in 0..<3_000 {
      var bytes = Array(seeds[i % seeds.count].utf8)
      for _ in 0..<rng.int(in: 0...4) { mutate(&bytes, &rng) }
      var parser = HTTPParser(kind: kind, limits: limits)
      var offset = 0
      var messages = 0
      do {
        while offset < bytes.count {
          let end = min(bytes.count, offset + rng.int(in: 1...64))
          parser.feed(bytes[offset..<end])
          offset = end
          while let message = try parser.next() {
            messages += 1
            #expect(message.body.count <= limits.maxBodyBytes)
            if let status = message.head.status { #expect((100...599).contains(status)) }
          }
          _ = parser.takeContinueRequest()
        }
        if try parser.finish() != nil { messages += 1 }
      } catch {
        #expect(!error.reason.isEmpty)
      }
      #expect(messages <= bytes.count / 16 + 1, "no message out of nothing")
    }
  }

  func mutate(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
    let at = bytes.isEmpty ? 0 : rng.int(in: 0...bytes.count)
    switch rng.int(in: 0...5) {
    case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << rng.int(in: 0...7))
    case 1: bytes = Array(bytes.prefix(at))
    case 2 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + rng.int(in: 1...8)))
    case 3: bytes.insert(UInt8(truncatingIfNeeded: rng.int(in: 0...255)), at: at)
    case 4:  // a digit run replaced by an extreme number
      let digits = Array("0123456789".utf8)
      if let first = bytes[min(at, bytes.count)...].firstIndex(where: digits.contains) {
        var end = first
        while end < bytes.count, digits.contains(bytes[end]) { end += 1 }
        let extremes = ["-1", "9223372036854775807", "18446744073709551616", "0", "999", "+7"]
        bytes.replaceSubrange(first..<end, with: Array(extremes[rng.int(in: 0...extremes.count - 1)].utf8))
      }
    default: bytes.insert(contentsOf: Array(Self.tokens[rng.int(in: 0...Self.tokens.count - 1)].utf8), at: at)
    }
  }
}

import SendoutCore
import Testing

@testable import SendoutIO

/// The bytes the listener, `serve` and the delivery client put on the wire: start line, the given fields in order
/// (any `content-length` among them replaced by the true one), the blank line, the body.
@Suite struct HTTPSerializerTests {
  @Test func writesAResponseWithItsFieldsInOrder() {
    let bytes = HTTPSerializer.response(
      status: 201, headers: [HTTPHeader("content-type", "application/json"), HTTPHeader("x-b", "2")],
      body: Array(#"{"a":1}"#.utf8))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\nx-b: 2\r\ncontent-length: 7\r\n\r\n{\"a\":1}")
  }

  @Test func closesWhenNotKeptAliveAndOmitsTheBodyOfAHeadAnswer() {
    let closing = HTTPSerializer.response(status: 503, body: Array("down".utf8), keepAlive: false)
    #expect(
      String(decoding: closing, as: UTF8.self)
        == "HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 4\r\n\r\ndown")
    let head = HTTPSerializer.response(status: 200, body: Array("12345678901".utf8), headOnly: true)
    #expect(String(decoding: head, as: UTF8.self) == "HTTP/1.1 200 OK\r\ncontent-length: 11\r\n\r\n")
  }

  @Test func anUnknownStatusHasAnEmptyReason() {
    let bytes = HTTPSerializer.response(status: 299)
    #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 299 \r\ncontent-length: 0\r\n\r\n")
  }

  @Test func replacesAGivenContentLengthInAnyCase() {
    let given = ["content-length", "Content-LENGTH", "CONTENT-LENGTH"].map { HTTPHeader($0, "999") }
    let bytes = HTTPSerializer.request(
      target: "/hooks?x=1", host: "127.0.0.1:8080", headers: given + [HTTPHeader("x-content-length", "1")],
      body: Array("{}".utf8))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "POST /hooks?x=1 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\nx-content-length: 1\r\ncontent-length: 2\r\n\r\n{}")
    #expect(HTTPSerializer.isContentLength("content-length"))
    #expect(!HTTPSerializer.isContentLength("content-lengths"))
    #expect(!HTTPSerializer.isContentLength("content-lengt"))
  }

  @Test func writesLengthsOfEveryMagnitude() {
    for count in [0, 9, 10, 99, 100, 12_345, 1_048_576] {
      let bytes = HTTPSerializer.response(status: 200, body: [UInt8](repeating: 0x61, count: count), headOnly: true)
      #expect(String(decoding: bytes, as: UTF8.self) == "HTTP/1.1 200 OK\r\ncontent-length: \(count)\r\n\r\n")
    }
  }
}

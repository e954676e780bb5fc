import SendoutCore
import Testing

@testable import SendoutIO

/// The load client's request writer must put on the wire exactly what the shared codec writes.
@Suite struct RequestWriterTests {
  @Test func writesWhatHTTPSerializerWrites() {
    let writer = RequestWriter(target: "/hooks?x=1", host: "127.0.0.1:8080")
    var out: [UInt8] = Array("left over from the last request".utf8)
    for body in [[UInt8](), Array("{}".utf8), [UInt8](repeating: 0x61, count: 12_345)] {
      let headers = [
        HTTPHeader("content-type", "application/json"), HTTPHeader("x-voucherify-signature", "ab12"),
        HTTPHeader("Content-Length", "999"), HTTPHeader("x-custom", "v"),
      ]
      writer.write(headers: headers, body: body, into: &out)
      let expected = HTTPSerializer.request(target: "/hooks?x=1", host: "127.0.0.1:8080", headers: headers, body: body)
      #expect(out == expected)
    }
  }
}

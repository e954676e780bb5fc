import SendoutCore
import Testing

@testable import SendoutIO

/// The load client's request writer must put on the wire exactly what the shared codec writes for the sendout the
/// builder would make: the same bytes, the signature computed where the body lies.
@Suite struct RequestWriterTests {
  @Test func writesWhatHTTPSerializerWritesForTheMadeSendout() throws {
    let writer = RequestWriter(target: "/hooks?x=1", host: "127.0.0.1:8080")
    for secret in ["secretKey", nil] {
      var (event, endpoint) = try SingleEventRequest(
        eventType: "customer.redemption.succeeded", seed: 5, secret: secret
      ).prepare()
      endpoint.headers = [HTTPHeader("Content-Length", "999"), HTTPHeader("x-custom", "v")]
      var made = SendoutBuilder(endpoint: endpoint, seed: 5)
      var lent = SendoutBuilder(endpoint: endpoint, seed: 5)
      var out: [UInt8] = Array("left over from the last request".utf8)
      for _ in 0..<3 {  // the first renders the body, the others write the new id over the last one's
        let sendout = made.make(event)
        let bodyStart = lent.withNext(event) { writer.write($0, into: &out) }
        let expected = HTTPSerializer.request(
          target: "/hooks?x=1", host: "127.0.0.1:8080", headers: sendout.headers, body: sendout.body)
        #expect(out == expected, "secret \(secret ?? "none")")
        #expect(Array(out[bodyStart...]) == sendout.body)
      }
    }
  }
}

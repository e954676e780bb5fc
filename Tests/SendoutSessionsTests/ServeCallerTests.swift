import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

/// What `sendout serve` tells of the caller (issue 19, item 6): events name the `X-App-Id` the call carried, and a
/// request the HTTP loop refuses still gets a `request_id`, as any refused call does.
@Suite(.timeLimit(.minutes(1))) struct ServeCallerTests {
  @Test func eventsNameTheCallersAppID() async throws {
    let server = try await ServeServer()
    #expect(try await server.call("POST", "/v1/customers", body: #"{"source_id":"caller-1"}"#).0 == 200)
    let arrived = await server.webhooks(until: "customer.created")
    let created = try #require(arrived.first { $0.eventType == "customer.created" })
    let source = try JSONParser.parse(created.body)["event"]?["event_source"]
    #expect(source?["channel"] == "API")
    #expect(source?["api_key"]?["app_id"] == "app", "the X-App-Id ServeServer sends: \(source?.compactString ?? "")")
    try await server.stop()
  }

  @Test func anOversizeBodyGetsARequestID() async throws {
    let server = try await ServeServer()
    let port = try #require(Int(server.url.split(separator: ":").last ?? ""))
    let socket = try LoopbackSocket(port: port)
    socket.send(
      "POST /v1/customers HTTP/1.1\r\nx-app-id: app\r\nx-app-token: token\r\ncontent-length: 1048577\r\n\r\n{}")
    let reply = try #require(try socket.readResponse())
    #expect(reply.head.status == 413)
    let body = try JSONParser.parse(reply.body)
    #expect(body["key"] == "payload_too_large")
    #expect(body["request_id"]?.stringValue?.isEmpty == false, "\(body.compactString)")
    try await server.stop()
  }
}

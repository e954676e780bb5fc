import Foundation
import SendoutCore
import SendoutIO
import SendoutSessions
import SendoutTestSupport
import Testing

/// The client-side endpoints (`/client/v1/…`): client keys and an origin authorize them and nothing else, and the
/// app keys do not authorize them.
@Suite struct ServeClientTests {
  @Test func clientKeysValidateRedeemAndTrackEvents() async throws {
    let server = try await ServeServer()
    let (_, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"max"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let body =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":8000},"customer":{"source_id":"max"}}"#
    let (validated, validation) = try await server.call("POST", "/client/v1/validations", body: body, client: true)
    #expect(validated == 200, "\(validation)")
    try ServeServer.expectValid(validation, "ClientValidationsValidateResponseBody")
    #expect(validation["valid"] == true && validation.value(atPath: "order.total_amount") == 7000)
    let (redeemed, redemption) = try await server.call("POST", "/client/v1/redemptions", body: body, client: true)
    #expect(redeemed == 200, "\(redemption)")
    try ServeServer.expectValid(redemption, "ClientRedemptionsRedeemResponseBody")
    let (tracked, event) = try await server.call(
      "POST", "/client/v1/events", body: #"{"event":"checkout_done","customer":{"source_id":"max"}}"#, client: true)
    #expect(tracked == 200, "\(event)")
    try ServeServer.expectValid(event, "ClientEventsCreateResponseBody")
    #expect(try await server.drained())
    let arrived = server.listener.received
    try await server.stop()
    #expect(arrived.contains { $0.eventType == "redemption.succeeded" })
    // customer.custom_event goes to distributions only, as on the platform: not to the project webhook.
    #expect(!arrived.contains { $0.eventType == "customer.custom_event" })
  }

  @Test func eachKindOfKeyAuthorizesItsOwnPathsOnly() async throws {
    let server = try await ServeServer()
    let body = #"{"redeemables":[{"object":"voucher","id":"X"}],"order":{"amount":100}}"#
    let (appOnClient, error) = try await server.call("POST", "/client/v1/validations", body: body)
    #expect(appOnClient == 401 && error["key"] == "unauthorized" && error["code"] == 401, "\(error)")
    let (clientOnServer, _) = try await server.call("POST", "/v1/validations", body: body, client: true)
    #expect(clientOnServer == 401)
    let (none, _) = try await server.call("POST", "/client/v1/events", body: "{}", keys: false)
    #expect(none == 401)
    try await server.stop()
  }
}

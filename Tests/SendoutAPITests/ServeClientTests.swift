import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// The client-side endpoints (`/client/v1/…`): called in process with the client keys.
@Suite struct ServeClientTests {
  @Test func clientKeysValidateRedeemAndTrackEvents() throws {
    let server = try InProcessAPI.served()
    let (_, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"max"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let body =
      #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":8000},"customer":{"source_id":"max"}}"#
    let (validated, validation) = try server.send("POST", "/client/v1/validations", body: body, client: true)
    #expect(validated == 200, "\(validation)")
    try InProcessAPI.expectValid(validation, "ClientValidationsValidateResponseBody")
    #expect(validation["valid"] == true && validation.value(atPath: "order.total_amount") == 7000)
    let (redeemed, redemption) = try server.send("POST", "/client/v1/redemptions", body: body, client: true)
    #expect(redeemed == 200, "\(redemption)")
    try InProcessAPI.expectValid(redemption, "ClientRedemptionsRedeemResponseBody")
    let (tracked, event) = try server.send(
      "POST", "/client/v1/events", body: #"{"event":"checkout_done","customer":{"source_id":"max"}}"#, client: true)
    #expect(tracked == 200, "\(event)")
    try InProcessAPI.expectValid(event, "ClientEventsCreateResponseBody")
    let arrived = server.sendouts
    #expect(arrived.contains { $0.eventType == "redemption.succeeded" })
    // customer.custom_event goes to distributions only, as on the platform: not to the project webhook.
    #expect(!arrived.contains { $0.eventType == "customer.custom_event" })
  }
}

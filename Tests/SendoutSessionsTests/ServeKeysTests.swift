import SendoutCore
import Testing

/// The keys a call carries in its headers: client keys and an origin authorize the client-side endpoints
/// (`/client/v1/…`) and nothing else, and the app keys do not authorize them.
@Suite struct ServeKeysTests {
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

import SendoutCore
import Testing

/// Repeated reads are answered from the read cache, and never stale: every call that may change the world empties it.
@Suite struct ServeReadCacheTests {
  @Test func aReadAfterAWriteShowsTheWrite() async throws {
    let server = try await ServeServer()
    let (_, publication) = try await server.call(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"rc"},"campaign":{"name":"Welcome Offer"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue)
    let (_, first) = try await server.call("GET", "/v1/vouchers/\(code)")
    let (_, again) = try await server.call("GET", "/v1/vouchers/\(code)")
    #expect(first == again && first["active"] == true)
    let (disabled, _) = try await server.call("POST", "/v1/vouchers/\(code)/disable")
    #expect(disabled == 200)
    let (_, after) = try await server.call("GET", "/v1/vouchers/\(code)")
    #expect(after["active"] == false, "the disable emptied the cache")
    let (unauthorized, error) = try await server.call("GET", "/v1/vouchers/\(code)", keys: false)
    #expect(unauthorized == 401 && error["key"] == "unauthorized", "a kept answer still needs the keys")
    let (_, redeemed) = try await server.call(
      "POST", "/v1/redemptions",
      body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"order":{"amount":1000}}"#)
    #expect(redeemed["key"] == "voucher_disabled" || redeemed["result"] != nil)
    let (_, customer) = try await server.call("GET", "/v1/customers/rc")
    #expect(customer["source_id"] == "rc")
    let (_, renamed) = try await server.call("PUT", "/v1/customers/rc", body: #"{"name":"Renamed"}"#)
    #expect(renamed["name"] == "Renamed")
    let (_, reread) = try await server.call("GET", "/v1/customers/rc")
    #expect(reread["name"] == "Renamed", "the update emptied the cache")
    try await server.stop()
  }
}

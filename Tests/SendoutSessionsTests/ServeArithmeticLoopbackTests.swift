import SendoutCore
import SendoutTestSupport
import Testing

/// Issue 17's red-team repro over real loopback HTTP: a 400, and the server answers the next call (the in-process
/// cases are SendoutAPITests' ServeArithmeticTests).
@Suite struct ServeArithmeticLoopbackTests {
  /// The repro over real loopback HTTP with the public client-side keys, then the next request.
  @Test func theReproIsA400AndTheServerAnswersTheNextCall() async throws {
    let server = try await ServeServer()
    let (_, vouchers) = try await server.call("GET", "/v1/vouchers?limit=1")
    let code = try #require(vouchers.value(atPath: "vouchers.0.code")?.stringValue)
    for body in [ServeRepro.overflowingOrder(code: nil), ServeRepro.overflowingOrder(code: code)] {
      let (status, answer) = try await server.call("POST", "/client/v1/validations", body: body, client: true)
      #expect(status == 400 && answer["key"] == "invalid_payload", "\(answer)")
    }
    let (_, answer) = try await server.call(
      "POST", "/client/v1/validations", body: ServeRepro.overflowingOrder(code: code), client: true)
    #expect(answer["details"]?.stringValue?.contains("order.items.0") == true, "\(answer)")
    let (next, list) = try await server.call("GET", "/v1/vouchers?limit=1")
    #expect(next == 200 && list["object"] == "list")
    try await server.stop()
  }
}

import SendoutCore
import Testing

@Suite struct CustomHeaderTests {
  @Test(arguments: [
    ("x-tenant: acme", "x-tenant", "acme"), ("authorization:Bearer abc", "authorization", "Bearer abc"),
    ("x-1:  a: b ", "x-1", "a: b"),
  ])
  func parses(text: String, name: String, value: String) throws {
    #expect(try CustomHeader.parse(text) == HTTPHeader(name, value))
  }

  @Test(arguments: ["X-Tenant: a", "x_tenant: a", "x tenant: a", ": a", "no-colon"])
  func rejectsNamesVoucherifyDoesNotAllow(text: String) {
    #expect(throws: DeliveryError.self) { try CustomHeader.parse(text) }
  }

  @Test func rejectsHeadersSendoutSetsItself() {
    #expect(throws: DeliveryError.reservedHeaderName("x-voucherify-signature")) {
      try CustomHeader.parse("x-voucherify-signature: x")
    }
    #expect(throws: DeliveryError.reservedHeaderName("content-type")) {
      try CustomHeader.parse("content-type: text/plain")
    }
  }

  @Test func messageQuotesTheNameAndTheRule() {
    #expect(DeliveryError.invalidHeaderName("X-Tenant").message.contains("'X-Tenant'"))
    #expect(DeliveryError.invalidHeaderName("X-Tenant").message.contains("lowercase letters, digits and dashes"))
  }

  @Test(arguments: [
    ("authorization", true), ("proxy-authorization", true), ("x-api-key", true), ("x-auth-token", true),
    ("cookie", true),
    ("x-client-secret", true), ("x-voucherify-signature", false), ("x-tenant", false), ("content-type", false),
  ])
  func sensitivity(name: String, sensitive: Bool) { #expect(CustomHeader.isSensitive(name: name) == sensitive) }
}

@Suite struct TargetURLTests {
  @Test(arguments: ["http://127.0.0.1:8080/webhooks", "https://example.com", "HTTP://localhost:3000/x?y=1"])
  func accepts(url: String) throws { try TransportRequest.validate(url: url) }

  @Test(arguments: ["localhost:3000/x", "ftp://x", "http://", "http:///x", "http://:80/x", "127.0.0.1"])
  func rejects(url: String) {
    #expect(throws: DeliveryError.invalidTargetURL(url)) { try TransportRequest.validate(url: url) }
  }
}

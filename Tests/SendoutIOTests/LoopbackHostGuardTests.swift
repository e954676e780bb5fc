import SendoutCore
import SendoutIO
import Testing

/// The one `Host` check of every page Sendout serves on loopback: which names are this machine, and which paths
/// it guards.
@Suite struct LoopbackHostGuardTests {
  @Test(arguments: [
    ("localhost", true), ("localhost:8080", true), ("LocalHost:1", true), ("127.0.0.1", true),
    ("127.0.0.1:18080", true), ("127.1.2.3:80", true), ("[::1]", true), ("[::1]:8080", true),
    ("127.0.0.1.evil.example", false), ("127.evil.example:80", false), ("localhost.evil.example", false),
    ("evil.example:8080", false), ("0.0.0.0:8080", false), ("127.0.0.256", false), ("127.0.0.1:80x", false),
    ("localhost:", true), ("[::2]:80", false), ("", false),
  ])
  func namesThisMachine(host: String, expected: Bool) {
    #expect(LoopbackHostGuard.namesThisMachine(host: host) == expected)
  }

  /// A bind address named like `127.evil.example` counted as loopback before (a prefix test).
  @Test func onlyA127AddressIsLoopbackNotANameStartingWith127() {
    #expect(!HTTPServer.isLoopback("127.evil.example"))
    #expect(HTTPServer.isLoopback("127.0.0.9"))
  }

  @Test func guardsItsPrefixOnlyAndPassesARequestWithoutHost() {
    func head(_ target: String, host: String?) -> HTTPHead {
      HTTPHead(startLine: .request(method: "GET", target: target), headers: host.map { [HTTPHeader("host", $0)] } ?? [])
    }
    let reserved = LoopbackHostGuard.reserved
    #expect(reserved.refusal(head("/_sendout/api/x?y=1", host: "evil.example")) != nil)
    #expect(reserved.refusal(head("/_sendout", host: "evil.example")) != nil)
    #expect(reserved.refusal(head("/_sendoutx", host: "evil.example")) == nil)
    #expect(reserved.refusal(head("/_sendout?page=1", host: "evil.example")) != nil)
    #expect(reserved.refusal(head("/_sendoutx?/_sendout/", host: "evil.example")) == nil, "only the path counts")
    #expect(reserved.refusal(head("/v1/customers", host: "evil.example")) == nil)
    #expect(reserved.refusal(head("/_sendout/", host: nil)) == nil, "HTTP/1.0 and scripts send no Host")
    #expect(LoopbackHostGuard.everything.refusal(head("/", host: "evil.example")) != nil)
    let refusal = reserved.refusal(head("/_sendout/", host: "evil\u{1B}[2J.example"))
    #expect(refusal?.contains("\\u{1B}") == true, "the Host is quoted escaped")
  }
}

import SendoutIO
import Testing

/// `HTTPServer.reaches`: whether a URL points back at a server bound to a host and port on this machine.
@Suite struct ServerReachTests {
  @Test(arguments: [
    ("http://127.0.0.1:8080/x", "127.0.0.1", true), ("http://localhost:8080/", "127.0.0.1", true),
    ("http://127.1:8080", "127.0.0.1", true), ("http://2130706433:8080/", "127.0.0.1", true),
    ("http://[::1]:8080/", "127.0.0.1", true), ("http://0.0.0.0:8080/", "::1", true),
    ("http://[::ffff:127.0.0.1]:8080/", "0.0.0.0", true), ("http://127.0.0.1:8080/", "0.0.0.0", true),
    ("http://10.0.0.1:8080/", "10.0.0.1", true), ("http://10.1:8080/", "10.0.0.1", true),
    ("http://127.0.0.1:8081/", "127.0.0.1", false), ("http://127.0.0.1/", "127.0.0.1", false),
    ("http://10.0.0.2:8080/", "10.0.0.1", false), ("http://127.0.0.1:8080/", "10.0.0.1", false),
    ("http://example.com:8080/", "0.0.0.0", false),
  ])
  func reaches(_ url: String, _ host: String, _ expected: Bool) {
    #expect(HTTPServer.reaches(url, host: host, port: 8080) == expected)
  }

  @Test func defaultPortsAndAnUnboundServer() {
    #expect(HTTPServer.reaches("http://localhost/", host: "127.0.0.1", port: 80))
    #expect(HTTPServer.reaches("https://localhost/", host: "127.0.0.1", port: 443))
    #expect(!HTTPServer.reaches("http://localhost:0/", host: "127.0.0.1", port: 0))
  }
}

import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// `listen --ui`'s endpoints over real loopback HTTP: the page, the arrivals list and one arrival.
@Suite(.timeLimit(.minutes(1))) struct ArrivalsUITests {
  final class UIListener {
    let listener: WebhookListener
    let base: String

    init(secret: String? = "s") throws {
      var configuration = ListenerConfiguration(port: 0, secret: secret)
      configuration.servesUI = true
      listener = WebhookListener(configuration: configuration)
      let port = try listener.start()
      base = "http://127.0.0.1:\(port)"
    }

    deinit { listener.stop() }

    /// One request on its own connection, written by hand, and the response.
    func request(_ path: String, method: String = "GET", body: [UInt8] = [], headers: [String: String] = [:])
      throws -> (status: Int, headers: [String: String], body: [UInt8])
    {
      let client = try LoopbackSocket(port: listener.port)
      var all = ["host": "127.0.0.1", "content-length": "\(body.count)"]
      all.merge(headers) { $1 }
      var head = "\(method) \(path) HTTP/1.1\r\n"
      for (name, value) in all.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
      client.send(Array((head + "\r\n").utf8) + body)
      let response = try #require(try client.readResponse())
      var lower: [String: String] = [:]
      for header in response.head.headers { lower[header.name.lowercased()] = header.value }
      return (response.head.status ?? 0, lower, response.body)
    }

    func json(_ path: String) throws -> JSON {
      let (status, _, body) = try request(path)
      #expect(status == 200, "\(path): \(String(decoding: body, as: UTF8.self))")
      return try JSONParser.parse(body)
    }

    func post(_ body: String, path: String = "/webhooks", secret: String? = "s") throws {
      var headers = ["content-type": "application/json"]
      if let secret {
        headers[VoucherifySignature.headerName] = VoucherifySignature(secret: secret).sign(Array(body.utf8))
      }
      _ = try request(path, method: "POST", body: Array(body.utf8), headers: headers)
    }
  }

  @Test func arrivalsAppearInOrderWithTheirFieldsAndUIRequestsAreNotArrivals() throws {
    let ui = try UIListener()
    _ = try ui.request("/_sendout/")
    try ui.post(#"{"id":"whs_1","type":"voucher.published","data":{}}"#)
    try ui.post(#"{"id":"whs_2","event":{"type":"redemption.succeeded"}}"#, secret: "wrong")
    try ui.post("not json", path: "/other", secret: nil)
    let list = try ui.json("/_sendout/api/arrivals")
    let arrivals = try #require(list["arrivals"]?.arrayValue)
    #expect(arrivals.count == 3)
    #expect(arrivals.map { $0["seq"] } == [1, 2, 3])
    #expect(arrivals.map { $0["sendout_id"] } == ["whs_1", "whs_2", .null])
    #expect(arrivals.map { $0["event_type"] } == ["voucher.published", "redemption.succeeded", .null])
    #expect(arrivals.map { $0["signature"] } == ["valid", "invalid", "absent"])
    #expect(arrivals.map { $0["path"] } == ["/webhooks", "/webhooks", "/other"])
    #expect(arrivals[0]["size"] == 51)
    #expect(arrivals[0]["status"] == 200)
    #expect(list["latest"] == 3)
    #expect(list["next"] == 3)
    #expect(list["dropped"] == 0)
    #expect(ui.listener.receivedCount == 3, "the page and API requests are not counted")
    let after = try ui.json("/_sendout/api/arrivals?since=2&limit=10")
    #expect(after["arrivals"]?.arrayValue?.map { $0["seq"] } == [3])
    let none = try ui.json("/_sendout/api/arrivals?since=3")
    #expect(none["arrivals"]?.arrayValue?.isEmpty == true)
    #expect(none["next"] == 3)
  }

  /// DNS rebinding: a page on `evil.example`, rebound to 127.0.0.1, sends its own name as `Host`. It read every
  /// arrival's body (customer emails, phones, addresses) before; now every page and JSON endpoint refuses it,
  /// while webhooks from senders using any name still arrive.
  @Test func aForeignHostGetsNoPageNorDataButItsWebhooksArrive() throws {
    let ui = try UIListener()
    try ui.post(#"{"id":"whs_1","data":{"customer":{"email":"ada@example.com"}}}"#)
    for path in ["/_sendout/", "/_sendout/arrivals.js", "/_sendout/api/arrivals", "/_sendout/api/arrivals/1"] {
      for host in ["evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example"] {
        let refused = try ui.request(path, headers: ["host": host])
        #expect(refused.status == 403, "\(path) for Host \(host)")
        #expect(!String(decoding: refused.body, as: UTF8.self).contains("ada@example.com"))
      }
    }
    for host in ["localhost:1", "127.0.0.1", "127.0.0.2:80", "[::1]:8080", "LOCALHOST"] {
      #expect(try ui.request("/_sendout/api/arrivals/1", headers: ["host": host]).status == 200, "Host \(host)")
    }
    _ = try ui.request("/webhooks", method: "POST", body: Array("{}".utf8), headers: ["host": "hooks.example.com"])
    #expect(ui.listener.receivedCount == 2, "a webhook from any Host is an arrival")
  }

  @Test func oneArrivalHasHeadersRedactedAndTheBodyPrettyPrinted() throws {
    let ui = try UIListener()
    try ui.post(#"{"id":"whs_1","data":{"amount":12900}}"#)
    _ = try ui.request(
      "/webhooks", method: "POST", body: Array("x".utf8), headers: ["authorization": "Bearer hunter2"])
    let first = try ui.json("/_sendout/api/arrivals/1")
    #expect(first["body"] == #"{"id":"whs_1","data":{"amount":12900}}"#)
    #expect(first["body_pretty"]?.stringValue?.contains("\n  \"data\": {\n    \"amount\": 12900") == true)
    let names = first["headers"]?.arrayValue?.compactMap { $0["name"]?.stringValue?.lowercased() } ?? []
    #expect(names.contains(VoucherifySignature.headerName))
    let second = try ui.json("/_sendout/api/arrivals/2")
    #expect(second["body_pretty"] == .null)
    let auth = second["headers"]?.arrayValue?.first { $0["name"]?.stringValue?.lowercased() == "authorization" }
    #expect(auth?["value"] == "[redacted]")
    let missing = try ui.request("/_sendout/api/arrivals/99")
    #expect(missing.status == 404)
  }

  @Test func aScriptInTheBodyComesBackAsDataNeverAsMarkup() throws {
    let ui = try UIListener()
    let hostile = #"{"id":"<script>alert(1)</script>","type":"<img src=x onerror=alert(2)>"}"#
    try ui.post(hostile)
    for path in ["/_sendout/api/arrivals", "/_sendout/api/arrivals/1"] {
      let (status, headers, body) = try ui.request(path)
      let text = String(decoding: body, as: UTF8.self)
      #expect(status == 200)
      #expect(!text.contains("<script>") && !text.contains("<img"), "\(path): \(text)")
      #expect(headers["content-type"] == "application/json; charset=utf-8")
      #expect(headers["x-content-type-options"] == "nosniff")
    }
    let one = try ui.json("/_sendout/api/arrivals/1")
    #expect(one["sendout_id"] == "<script>alert(1)</script>", "the same data, only escaped in transit")
    #expect(one["body"]?.stringValue == hostile)
    #expect(!ArrivalsPage.script.contains("innerHTML"), "the page puts data in with textContent only")
    #expect(!ArrivalsPage.script.contains("insertAdjacentHTML") && !ArrivalsPage.script.contains("document.write"))
  }

  @Test func thePageAndItsAssetsAreServedWithAContentSecurityPolicy() throws {
    let ui = try UIListener()
    let page = try ui.request("/_sendout/")
    #expect(page.status == 200)
    #expect(page.headers["content-type"] == "text/html; charset=utf-8")
    #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
    #expect(String(decoding: page.body, as: UTF8.self).contains("<table id=\"arrivals\""))
    let script = try ui.request("/_sendout/arrivals.js")
    #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
    let css = try ui.request("/_sendout/arrivals.css")
    #expect(css.status == 200)
    #expect(String(decoding: css.body, as: UTF8.self).contains("prefers-color-scheme: dark"))
    let unknown = try ui.request("/_sendout/nope")
    #expect(unknown.status == 404)
    let post = try ui.request("/_sendout/api/arrivals", method: "POST", body: Array("{}".utf8))
    #expect(post.status == 405)
    let huge = try ui.json("/_sendout/api/arrivals?since=9223372036854775807")
    #expect(huge["arrivals"]?.arrayValue?.isEmpty == true)
    #expect(huge["next"] == 0, "next never runs ahead of the latest arrival")
    #expect(try ui.request("/_sendout/api/arrivals/9223372036854775807").status == 404)
    let bad = try ui.request("/_sendout/api/arrivals?since=-1")
    #expect(bad.status == 400)
    #expect(String(decoding: bad.body, as: UTF8.self).contains("since=-1"))
    #expect(ui.listener.receivedCount == 0)
  }

  @Test func withoutUITheReservedPrefixIsAnOrdinaryWebhookPath() throws {
    let listener = WebhookListener(configuration: ListenerConfiguration(port: 0))
    let port = try listener.start()
    defer { listener.stop() }
    let client = try LoopbackSocket(port: port)
    client.send("POST /_sendout/api/arrivals HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}")
    let response = try #require(try client.readResponse())
    #expect(response.head.status == 200)
    #expect(listener.receivedCount == 1)
    #expect(listener.arrivals == nil)
  }
}

@Suite struct ArrivalLogTests {
  static func webhook(_ body: String) -> ReceivedWebhook {
    ReceivedWebhook(
      message: HTTPMessage(
        head: HTTPHead(startLine: .request(method: "POST", target: "/"), headers: []),
        body: Array(body.utf8)),
      secret: nil, receivedAt: Timestamp(milliseconds: 0), respondedStatus: 200)
  }

  @Test func keepsTheLastCapacityArrivalsAndCountsTheDropped() {
    let log = ArrivalLog(capacity: 3)
    for n in 1...10 { #expect(log.append(Self.webhook("\(n)")) == n) }
    let page = log.page(since: 0, limit: 100)
    #expect(page.entries.map(\.seq) == [8, 9, 10])
    #expect(page.dropped == 7)
    #expect(page.latest == 10)
    #expect(log.entry(7) == nil)
    #expect(log.entry(9)?.webhook.body == Array("9".utf8))
    #expect(log.page(since: 9, limit: 100).entries.map(\.seq) == [10])
    #expect(log.page(since: 8, limit: 1).entries.map(\.seq) == [9])
    #expect(log.page(since: .max, limit: 1000).entries.isEmpty, "no overflow on a huge since")
    #expect(log.entry(.max) == nil && log.entry(.min) == nil && log.entry(0) == nil)
  }

  @Test func bodyBytesAreBoundedToo() {
    let log = ArrivalLog(capacity: 100, maxBodyBytes: 1000)
    for _ in 0..<50 { log.append(Self.webhook(String(repeating: "x", count: 300))) }
    #expect(log.count == 3)
    #expect(log.page(since: 0, limit: 10).dropped == 47)
  }

  @Test func memoryStaysFlatOverManyArrivals() {
    let log = ArrivalLog(capacity: 10_000)
    for n in 0..<50_000 { log.append(Self.webhook("{\"n\":\(n)}")) }
    #expect(log.count == 10_000)
    #expect(log.page(since: 0, limit: 1).entries.first?.seq == 40_001)
  }
}

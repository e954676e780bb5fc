import Foundation
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

/// The Arrivals page's "Forward to URL" (issue 21, item 9): the exact bytes and headers re-sent from the listener, the
/// answer kept with secrets redacted, and only the page itself may ask for it.
@Suite(.timeLimit(.minutes(1))) struct ArrivalForwardTests {
  /// A transport that answers with what it was sent, so a test sees what a receiver would.
  final class Echo: WebhookTransport {
    func send(_ request: TransportRequest) async throws(TransportError) -> TransportResponse {
      TransportResponse(
        status: 401, headers: [HTTPHeader("www-authenticate", "Bearer"), HTTPHeader("x-echo", "ok")],
        body: Array("you sent \(request.headers.map { "\($0.name)=\($0.value)" }.joined(separator: ";"))".utf8))
    }
  }

  static func webhook(headers: [HTTPHeader], body: String) -> ReceivedWebhook {
    let head = HTTPHead(startLine: .request(method: "POST", target: "/webhooks"), headers: headers)
    return ReceivedWebhook(
      message: HTTPMessage(head: head, body: Array(body.utf8)), secret: nil, receivedAt: Timestamp(milliseconds: 0),
      respondedStatus: 200)
  }

  @Test func theRequestKeepsTheExactBytesAndHeadersButNotTheFraming() throws {
    let body = "{\"id\":\"whs_1\",  \"n\": 1}\n"
    let webhook = Self.webhook(
      headers: [
        HTTPHeader("Host", "127.0.0.1:1"), HTTPHeader("Content-Length", "25"),
        HTTPHeader("x-voucherify-signature", "abc"),
        HTTPHeader("Connection", "keep-alive"), HTTPHeader("User-Agent", "Voucherify"),
      ], body: body)
    let request = try ArrivalForward.request(webhook, to: "http://127.0.0.1:3000/app")
    #expect(request.body == Array(body.utf8))
    #expect(request.headers == [HTTPHeader("x-voucherify-signature", "abc"), HTTPHeader("User-Agent", "Voucherify")])
    #expect(throws: DeliveryError.self) { try ArrivalForward.request(webhook, to: "ftp://x/") }
  }

  @Test func theAnswerIsKeptWithSecretsRedacted() async throws {
    let webhook = Self.webhook(
      headers: [
        HTTPHeader("authorization", "Bearer s3cr3t-t0ken-value"), HTTPHeader("content-type", "application/json"),
      ],
      body: "{}")
    let result = await ArrivalForward.send(
      try ArrivalForward.request(webhook, to: "http://u:pw@127.0.0.1:1/x"), transport: Echo())
    #expect(result.status == 401)
    #expect(result.url == "http://u@127.0.0.1:1/x", "no password shown")
    let answer = try #require(result.answer)
    #expect(!answer.body.contains("s3cr3t-t0ken-value"), "a receiver echoing the token cannot show it")
    #expect(answer.body.contains(CustomHeader.redactedValue))
    #expect(result.json["response"]?["headers"]?.arrayValue?.count == 2)
  }

  @Test func thePageForwardsAnArrivalAndReadsTheAnswer() async throws {
    let ui = try ArrivalsUITests.UIListener(secret: nil)
    let app = WebhookListener(configuration: ListenerConfiguration(port: 0))
    try app.start()
    defer { app.stop() }
    let body = #"{"id":"whs_fw","type":"voucher.published","data":{"code":"<b>X</b>"}}"#
    try ui.post(body, secret: nil)
    let request = #"{"url":"\#(app.baseURL)/app"}"#
    let json = ["content-type": "application/json"]
    #expect(try ui.request("/_sendout/api/arrivals/1/forward", method: "POST", body: Array(request.utf8)).status == 415)
    let foreign = try ui.request(
      "/_sendout/api/arrivals/1/forward", method: "POST", body: Array(request.utf8),
      headers: json.merging(["origin": "http://evil.example"]) { $1 })
    #expect(foreign.status == 403)
    #expect(
      try ui.request("/_sendout/api/arrivals/9/forward", method: "POST", body: Array(request.utf8), headers: json)
        .status == 404)
    let started = try ui.request(
      "/_sendout/api/arrivals/1/forward", method: "POST", body: Array(request.utf8), headers: json)
    #expect(started.status == 202)
    let number = try JSONParser.parse(started.body)["forward"]?.intValue ?? 0
    // 30 s is a bound, not a wait: a full suite on two cores can starve the task that forwards for seconds.
    let arrived = await app.waitForRequests(count: 1, timeoutMilliseconds: 30_000)
    #expect(arrived.map(\.body) == [Array(body.utf8)], "the exact bytes")
    #expect(arrived.first?.header("content-type") == "application/json")
    var result = JSON.null
    for _ in 0..<3_000 {
      result = try ui.json("/_sendout/api/forwards/\(number)")
      if result["done"] == true { break }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    #expect(result["status"] == 200)
    #expect(result["done"] == true)
    let list = try ui.json("/_sendout/api/arrivals")
    #expect(list["latest"] == 1, "forwards are no arrivals of this listener")
  }
}

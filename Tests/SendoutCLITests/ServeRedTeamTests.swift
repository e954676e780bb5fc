import Foundation
import SendoutCore
import Testing

/// Issue 17's list, end to end: every hostile request from the red-team review, sent to the real `sendout serve
/// --state`, gets Voucherify's error body (or its documented answer), the mock answers the next call, and after a
/// `kill -9` it restarts cleanly from its journal, after each one. The list runs in four consecutive parts, each on a
/// state file of its own and in parallel (a part's journal grows over its requests, as the whole list's did).
@Suite(.timeLimit(.minutes(1))) struct ServeRedTeamTests {
  typealias ServeProcess = ServeStateTests.ServeProcess

  /// One hostile request and the statuses it may get.
  struct Hostile: CustomStringConvertible {
    var description: String
    var method = "POST"
    var path: String
    var body: String
    var keys = true
    var client = false
    var allowed: Set<Int> = [400]
  }

  static func hostile(port: String, project: String, code: String) -> [Hostile] {
    let pad500k = String(repeating: "P", count: 500_000)
    let duplicates =
      "{\"source_id\":\"dup\",\"metadata\":{" + String(repeating: "\"k\":1,", count: 150_000) + "\"k\":2}}"
    return [
      Hostile(
        description: "an Int64 price times 2 through the public client keys", path: "/client/v1/validations",
        body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"#
          + #""order":{"items":[{"price":9223372036854775807,"quantity":2}]}}"#, keys: false, client: true),
      Hostile(
        description: "two Int64 item amounts in a redemption", path: "/v1/redemptions",
        body: #"{"redeemables":[{"object":"voucher","id":"\#(code)"}],"#
          + #""order":{"items":[{"amount":9223372036854775807},{"amount":9223372036854775807}]}}"#),
      Hostile(
        description: "an Int64 price times 2 in an order", path: "/v1/orders",
        body: #"{"amount":100,"items":[{"price":9223372036854775807,"quantity":2}]}"#),
      Hostile(
        description: "two Int64 item amounts", path: "/v1/orders",
        body: #"{"items":[{"amount":9223372036854775807},{"amount":9223372036854775807}]}"#),
      Hostile(description: "a negative order amount", path: "/v1/orders", body: #"{"amount":-100}"#),
      Hostile(
        description: "a negative quantity", path: "/v1/orders",
        body: #"{"amount":100,"items":[{"price":100,"quantity":-3}]}"#),
      Hostile(
        description: "100,000 codes with a 500 KB prefix", path: "/v1/campaigns",
        body: #"{"name":"huge","campaign_type":"DISCOUNT_COUPONS","vouchers_count":100000,"#
          + #""voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100},"#
          + #""code_config":{"prefix":"\#(pad500k)"}}}"#),
      Hostile(
        description: "a code length of 200,000", path: "/v1/campaigns",
        body: #"{"name":"long","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1,"#
          + #""voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100},"#
          + #""code_config":{"length":200000}}}"#),
      Hostile(
        description: "150,000 repeated keys (kept last, in linear time)", path: "/v1/customers", body: duplicates,
        allowed: [200, 400]),
      Hostile(
        description: "a project webhook pointed at the mock itself",
        path: "/management/v1/projects/\(project)/webhooks",
        body: #"{"target_url":"http://localhost:\#(port)/v1/customers","events":["customer.created"]}"#),
      Hostile(description: "a JSON array body", path: "/v1/customers", body: "[1,2,3]"),
      Hostile(description: "a JSON string body", path: "/v1/customers", body: #""x""#),
      Hostile(description: "a JSON null body", path: "/v1/customers", body: "null"),
      Hostile(
        description: "a keyless 1 MB body", path: "/v1/customers",
        body: #"{"source_id":"k","metadata":{"pad":""# + String(repeating: "a", count: 1_000_000) + #""}}"#,
        keys: false, allowed: [401, 413]),
      Hostile(
        description: "the clock to the last writable millisecond", path: "/_sendout/clock",
        body: #"{"to":"9999-12-31T23:59:59.999Z"}"#, allowed: [200]),
      Hostile(description: "the clock past year 9999", path: "/_sendout/clock", body: #"{"advance":"1d"}"#),
    ]
  }

  /// The list's four consecutive parts (the clock's two requests stay together, in order).
  static let parts = [0..<4, 4..<8, 8..<12, 12..<16]

  @Test func thePartsCoverTheWholeList() {
    let count = Self.hostile(port: "", project: "", code: "").count
    #expect(Self.parts.flatMap { Array($0) } == Array(0..<count))
  }

  @Test(arguments: parts)
  func theMockSurvivesEveryHostileRequestAndRestartsCleanlyAfterEach(part: Range<Int>) async throws {
    let (state, audit) = (
      NSTemporaryDirectory() + "sendout-red-team-\(UUID().uuidString)",
      NSTemporaryDirectory() + "sendout-red-team-audit-\(UUID().uuidString)"
    )
    defer { for path in [state, audit] { try? FileManager.default.removeItem(atPath: path) } }
    let extra = ["--at", "2024-03-13T13:45:00.000Z", "--client-app-id", "capp", "--client-token", "ctoken"]
    var serve = try ServeProcess(state: state, audit: audit, extra: extra)
    defer { serve.kill() }
    let project = try #require(serve.line(containing: "Project: ")?.split(separator: " ").dropFirst().first)
    let (_, vouchers) = try await serve.call("GET", "/v1/vouchers?limit=1")
    let code = try #require(vouchers.value(atPath: "vouchers.0.code")?.stringValue)
    let client = ["X-Client-Application-Id": "capp", "X-Client-Token": "ctoken", "origin": "http://shop.test"]
    for index in part {
      // Each restart binds another port: the self-aimed webhook names the current one.
      let hostile = Self.hostile(port: String(serve.port), project: String(project), code: code)[index]
      let (status, answer) = try await serve.call(
        hostile.method, hostile.path, body: hostile.body, keys: hostile.keys, headers: hostile.client ? client : [:])
      #expect(hostile.allowed.contains(status), "\(hostile): \(status) \(answer.compactString.prefix(300))")
      if status >= 400 {
        #expect(answer["code"]?.intValue == status && answer["key"]?.stringValue != nil, "\(hostile): \(answer)")
      }
      let (alive, _) = try await serve.call("GET", "/v1/customers?limit=1")
      #expect(alive == 200, "answers after \(hostile)")
      serve.kill()
      serve = try ServeProcess(state: state, audit: audit, extra: Array(extra.dropFirst(2)))  // the file's clock
      #expect(serve.firstLine.contains("calls replayed"), "restarts after \(hostile): \(serve.firstLine)")
      let (again, _) = try await serve.call("GET", "/v1/customers?limit=1")
      #expect(again == 200, "restarts cleanly after \(hostile)")
    }
  }
}

import Foundation
import SendoutCore
import SendoutSessions
import Testing

/// One authenticated call must stay bounded work: code generation sizes are refused before a code is drawn, and the
/// simulated clock stops where the journal and the audit log can still write the time (9999-12-31T23:59:59.999Z).
@Suite(.timeLimit(.minutes(1))) struct ServeBoundsTests {
  static let campaign = #""name":"Big","campaign_type":"DISCOUNT_COUPONS""#

  /// `vouchers_count` and a code config of length 8 whose field `opening` holds `size` times `character`.
  static func config(count: Int, _ opening: String, _ size: Int, _ character: String) -> String {
    #","vouchers_count":\#(count),"voucher":{"code_config":{"length":8,"#
      + opening + String(repeating: character, count: size) + #""}}"#
  }

  /// Each body asked the old server for seconds (or gigabytes) of work under the world lock: a 500 KB prefix copied
  /// into every code, a 200,000-character code, a pattern or charset of any size, more codes than a campaign holds.
  @Test(arguments: [
    (#","vouchers_count":100001"#, "invalid_campaign_params", "100000"),
    (#","vouchers_count":1,"voucher":{"code_config":{"length":200000}}"#, "invalid_code_config", "length"),
    (Self.config(count: 2, #""prefix":""#, 500_000, "P"), "invalid_code_config", "prefix` is 500000"),
    (Self.config(count: 0, #""postfix":""#, 101, "x"), "invalid_code_config", "postfix` is 101"),
    (Self.config(count: 0, #""charset":""#, 257, "c"), "invalid_code_config", "charset` is 257"),
    (#","voucher":{"code_config":{"pattern":""# + String(repeating: "#", count: 101) + #""}}"#,
     "invalid_code_config", "pattern` is 101"),
  ])
  func oversizeCodeGenerationIsRefusedBeforeAnyWork(_ fields: String, _ key: String, _ names: String) async throws {
    let server = try await ServeServer()
    let (_, before) = try await server.call("GET", "/v1/campaigns")
    let (status, error) = try await server.call("POST", "/v1/campaigns", body: "{" + Self.campaign + fields + "}")
    #expect(status == 400 && error["key"]?.stringValue == key, "\(error)")
    let details = error["details"]?.stringValue ?? ""
    #expect(details.contains(names) && details.count < 300, "the limit is named, the value not echoed: \(details)")
    try ServeServer.expectValid(error, "Error")
    let (_, after) = try await server.call("GET", "/v1/campaigns")
    #expect(after["total"] == before["total"], "nothing was created")
    try await server.stop()
  }

  @Test func aCampaignHoldsAtMostItsLimitAndWhatItsPatternCanMake() async throws {
    let server = try await ServeServer()
    let small = ###"{"name":"Tiny","campaign_type":"DISCOUNT_COUPONS","vouchers_count":3,"###
      + ###""voucher":{"code_config":{"pattern":"##","charset":"ab"}}}"###
    let (created, campaign) = try await server.call("POST", "/v1/campaigns", body: small)
    #expect(created == 200, "\(campaign)")
    let (spent, error) = try await server.call("POST", "/v1/campaigns/Tiny/vouchers?vouchers_count=2")
    #expect(spent == 400 && error["key"] == "invalid_code_config", "4 codes at most, 5 asked: \(error)")
    let (_, big) = try await server.call(
      "POST", "/v1/campaigns", body: #"{"name":"Big","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1}"#)
    let (full, fullError) = try await server.call("POST", "/v1/campaigns/Big/vouchers?vouchers_count=100000")
    #expect(full == 400 && fullError["key"] == "invalid_campaign_params", "\(fullError)")
    #expect(fullError["details"]?.stringValue?.contains("at most 100000") == true)
    let (_, after) = try await server.call("GET", "/v1/campaigns/Big")
    #expect(after["vouchers_count"] == 1 && big["vouchers_count"] == 1)
    #expect(try await server.call("POST", "/v1/campaigns/Tiny/vouchers").0 == 200, "one more still fits")
    try await server.stop()
  }

  /// Moved past 9999 the clock wrote five-digit years that neither the journal nor the audit log reads back, and
  /// `serve --state` no longer started; now the move is a 400 and a restart replays every call.
  @Test func theClockStopsAtTheLastWritableTime() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-clock-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(at: "9999-12-30T00:00:00.000Z", state: state)
    for body in [#"{"advance":"2d"}"#, #"{"advance":"36500d"}"#, #"{"to":"10000-01-01T00:00:00Z"}"#] {
      let (status, error) = try await server.call("POST", "/_sendout/clock", body: body)
      #expect(status == 400 && error["key"] == "invalid_payload", "\(body): \(error)")
      #expect(error["details"]?.stringValue?.contains("9999-12-31T23:59:59.999Z") == true, "\(error)")
    }
    let (moved, clock) = try await server.call("POST", "/_sendout/clock", body: #"{"advance":"1d"}"#)
    #expect(moved == 200 && clock["now"] == "9999-12-31T00:00:00.000Z")
    let (last, end) = try await server.call("POST", "/_sendout/clock", body: #"{"to":"9999-12-31T23:59:59.999Z"}"#)
    #expect(last == 200 && end["now"] == "9999-12-31T23:59:59.999Z")
    // 50 codes tick the world's clock on past the last millisecond: it stays there.
    let (created, campaign) = try await server.call(
      "POST", "/v1/campaigns", body: #"{"name":"Late","campaign_type":"DISCOUNT_COUPONS","vouchers_count":50}"#)
    #expect(created == 200, "\(campaign)")
    let createdAt = campaign["created_at"]?.stringValue ?? ""
    #expect(Timestamp(iso8601: createdAt) != nil, "a time every reader parses: \(createdAt)")
    try await server.stop()

    let again = try await ServeServer(at: "9999-12-30T00:00:00.000Z", state: state)
    let (found, replayed) = try await again.call("GET", "/v1/campaigns/Late")
    #expect(found == 200 && replayed["id"] == campaign["id"], "\(replayed)")
    try await again.stop()
  }
}

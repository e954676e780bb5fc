import SendoutCore
import SendoutTestSupport
import Testing

/// One authenticated call must stay bounded work: code generation sizes are refused before a code is drawn.
@Suite(.timeLimit(.minutes(1))) struct CodeGenerationBoundsTests {
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
    (
      #","voucher":{"code_config":{"pattern":""# + String(repeating: "#", count: 101) + #""}}"#,
      "invalid_code_config", "pattern` is 101"
    ),
  ])
  func oversizeCodeGenerationIsRefusedBeforeAnyWork(_ fields: String, _ key: String, _ names: String) throws {
    let server = try InProcessAPI.served()
    let (_, before) = try server.send("GET", "/v1/campaigns")
    let (status, error) = try server.send("POST", "/v1/campaigns", body: "{" + Self.campaign + fields + "}")
    #expect(status == 400 && error["key"]?.stringValue == key, "\(error)")
    let details = error["details"]?.stringValue ?? ""
    #expect(details.contains(names) && details.count < 300, "the limit is named, the value not echoed: \(details)")
    try InProcessAPI.expectValid(error, "Error")
    let (_, after) = try server.send("GET", "/v1/campaigns")
    #expect(after["total"] == before["total"], "nothing was created")
  }

  @Test func aCampaignHoldsAtMostItsLimitAndWhatItsPatternCanMake() throws {
    let server = try InProcessAPI.served()
    let small =
      ###"{"name":"Tiny","campaign_type":"DISCOUNT_COUPONS","vouchers_count":3,"###
      + ###""voucher":{"code_config":{"pattern":"##","charset":"ab"}}}"###
    let (created, campaign) = try server.send("POST", "/v1/campaigns", body: small)
    #expect(created == 200, "\(campaign)")
    let (spent, error) = try server.send("POST", "/v1/campaigns/Tiny/vouchers?vouchers_count=2")
    #expect(spent == 400 && error["key"] == "invalid_code_config", "4 codes at most, 5 asked: \(error)")
    let (_, big) = try server.send(
      "POST", "/v1/campaigns", body: #"{"name":"Big","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1}"#)
    let (full, fullError) = try server.send("POST", "/v1/campaigns/Big/vouchers?vouchers_count=100000")
    #expect(full == 400 && fullError["key"] == "invalid_campaign_params", "\(fullError)")
    #expect(fullError["details"]?.stringValue?.contains("at most 100000") == true)
    let (_, after) = try server.send("GET", "/v1/campaigns/Big")
    #expect(after["vouchers_count"] == 1 && big["vouchers_count"] == 1)
    #expect(try server.send("POST", "/v1/campaigns/Tiny/vouchers").0 == 200, "one more still fits")
  }
}

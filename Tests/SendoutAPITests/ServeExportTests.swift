import SendoutAPI
import SendoutCore
import Testing

/// Exports through the in-process mock: scheduled until the simulated clock passes their processing time, then done
/// with a CSV of the world at that moment (the fields asked, the rows the filters and scope select, in the order
/// asked), served by `download-export` with the export's token; a 400 names what is refused; no webhook.
@Suite struct ServeExportTests {
  /// Creates an export (`path`, `body`), moves the clock past its processing and downloads it: the export as
  /// answered when done and the CSV's records.
  static func exported(_ api: InProcessAPI, _ body: String, at path: String = "/v1/exports") throws -> (
    JSON, [[String]]
  ) {
    let (status, made) = try api.send("POST", path, body: body)
    #expect(status == 200, "\(path) \(body): \(made)")
    let id = try #require(made["id"]?.stringValue, "\(made)")
    api.moveClock(to: api.read { $0.now }.adding(milliseconds: Export.processingMilliseconds))
    let (_, done) = try api.send("GET", "/v1/exports/\(id)")
    let url = try #require(done.value(atPath: "result.url")?.stringValue, "\(done)")
    let token = try #require(url.split(separator: "=").last)
    let (got, bytes) = api.raw("GET", "/v1/exports/\(id)?token=\(token)")
    #expect(got == 200, "\(String(decoding: bytes, as: UTF8.self))")
    return (done, CSVRows.parse(String(decoding: bytes, as: UTF8.self)))
  }

  /// The column `name` of `records` (header first).
  static func column(_ records: [[String]], _ name: String) throws -> [String] {
    let at = try #require(records.first?.firstIndex(of: name), "no column \(name) in \(records.first ?? [])")
    return records.dropFirst().map { $0[at] }
  }

  @Test func anExportIsScheduledUntilTheClockPassesItsProcessingThenDone() throws {
    let api = try InProcessAPI()
    let (status, made) = try api.send("POST", "/v1/exports", body: #"{"exported_object":"customer"}"#)
    #expect(status == 200)
    #expect(made["status"] == "SCHEDULED" && made["result"] == .null && made["channel"] == "API", "\(made)")
    #expect(made["id"]?.stringValue?.hasPrefix("exp_") == true && made["exported_object"] == "customer")
    #expect(made.value(atPath: "parameters.fields") == ["name", "source_id"], "the documented defaults")
    let id = try #require(made["id"]?.stringValue)
    let token = try #require(api.read { $0.exports[id: id]?.token })
    #expect(try api.send("GET", "/v1/exports/\(id)").1["status"] == "SCHEDULED")
    let (early, why) = try api.send("GET", "/v1/exports/\(id)?token=\(token)")
    #expect(early == 404 && why["details"]?.stringValue?.contains("SCHEDULED") == true, "\(why)")
    let due = api.read { $0.now }.adding(milliseconds: Export.processingMilliseconds)
    api.moveClock(to: due.adding(milliseconds: -1))
    #expect(try api.send("GET", "/v1/exports/\(id)").1["status"] == "SCHEDULED", "not before its time")
    api.moveClock(to: due)
    let (_, done) = try api.send("GET", "/v1/exports/\(id)")
    #expect(done["status"] == "DONE")
    #expect(done.value(atPath: "result.url") == .string("/_sendout/exports/\(id)?token=\(token)"))
    #expect(api.sendouts.isEmpty, "Voucherify sends no webhook for exports")
    let (wrong, _) = try api.send("GET", "/v1/exports/\(id)?token=nope")
    #expect(wrong == 404, "a wrong token finds nothing")
  }

  @Test func theCSVHoldsTheWorldsRowsForEachObject() throws {
    let api = try InProcessAPI()
    _ = try api.send("POST", "/v1/orders", body: #"{"source_id":"exp-o1","amount":1234,"status":"PAID"}"#)
    let (_, vouchers) = try Self.exported(api, #"{"exported_object":"voucher","parameters":{"fields":["id","code"]}}"#)
    #expect(vouchers.first == ["id", "code"])
    #expect(try Self.column(vouchers, "code") == api.read { $0.vouchers.filter { !$0.deleted }.map(\.code) })
    let (_, customers) = try Self.exported(
      api, #"{"exported_object":"customer","parameters":{"fields":["id","email","loyalty_points"]}}"#)
    #expect(try Self.column(customers, "id") == api.read { $0.customers.map(\.id) })
    #expect(try Self.column(customers, "email") == api.read { $0.customers.map { $0.email ?? "" } })
    let (_, orders) = try Self.exported(
      api, #"{"parameters":{"fields":["id","total_amount"]}}"#, at: "/v1/orders/export")
    #expect(try Self.column(orders, "id") == api.read { $0.orders.map(\.id) })
    #expect(try Self.column(orders, "total_amount") == api.read { $0.orders.map { String($0.totalAmount) } })
    let (_, redemptions) = try Self.exported(api, #"{"exported_object":"redemption"}"#)
    #expect(redemptions.first == ["id", "object", "voucher_code", "customer_id", "date", "result"])
    #expect(try Self.column(redemptions, "id") == api.read { $0.redemptions.map(\.id) })
    let results = api.read { $0.redemptions.map { $0.succeeded ? "SUCCESS" : "FAILURE" } }
    #expect(try Self.column(redemptions, "result") == results)
    let (_, publications) = try Self.exported(api, #"{"exported_object":"publication"}"#)
    #expect(publications.count == api.read { $0.publications.count } + 1)
    let (_, transactions) = try Self.exported(api, #"{"exported_object":"voucher_transactions"}"#)
    #expect(try Self.column(transactions, "id") == api.read { $0.transactions.map(\.id) })
    let (_, buckets) = try Self.exported(api, #"{"exported_object":"points_expiration"}"#)
    #expect(try Self.column(buckets, "id") == api.read { $0.buckets.map(\.id) })
  }

  @Test func theFileIsTheWorldWhenTheExportWasDoneNotLater() throws {
    let api = try InProcessAPI()
    let (_, made) = try api.send(
      "POST", "/v1/exports", body: #"{"exported_object":"customer","parameters":{"fields":["id"]}}"#)
    let id = try #require(made["id"]?.stringValue)
    let before = api.read { $0.customers.count }
    api.moveClock(to: api.read { $0.now }.adding(milliseconds: Export.processingMilliseconds))
    _ = try api.send("POST", "/v1/customers", body: #"{"source_id":"after-the-export"}"#)
    let token = try #require(api.read { $0.exports[id: id]?.token })
    let (_, bytes) = api.raw("GET", "/v1/exports/\(id)?token=\(token)")
    #expect(CSVRows.parse(String(decoding: bytes, as: UTF8.self)).count == before + 1, "header and the rows then")
  }

  @Test func hostileValuesAreQuotedAndGuarded() throws {
    let api = try InProcessAPI()
    let (_, customer) = try api.send(
      "POST", "/v1/customers",
      body: #"{"source_id":"=cmd|' /C calc'!A0","name":"Doe, \"Jane\"\nline 2","metadata":{"note":"@SUM(1)"}}"#)
    let id = try #require(customer["id"]?.stringValue)
    let (done, _) = try Self.exported(
      api,
      #"{"exported_object":"customer","parameters":{"fields":["source_id","name","metadata.note"],"filters":{"id":{"conditions":{"$is":"\#(id)"}}}}}"#
    )
    let path = try #require(done.value(atPath: "result.url")?.stringValue)
    let (_, bytes) = api.raw("GET", path.replacingOccurrences(of: "/_sendout/exports/", with: "/v1/exports/"))
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "source_id,name,metadata.note\r\n'=cmd|' /C calc'!A0,\"Doe, \"\"Jane\"\"\nline 2\",'@SUM(1)\r\n")
  }

  @Test func filtersAndOrderSelectAndSortTheRows() throws {
    let api = try InProcessAPI()
    for (n, amount) in [(1, 300), (2, 100), (3, 200)] {
      _ = try api.send(
        "POST", "/v1/orders", body: #"{"source_id":"f-\#(n)","amount":\#(amount),"metadata":{"shop":"s\#(n % 2)"}}"#)
    }
    let (_, sorted) = try Self.exported(
      api,
      #"{"parameters":{"fields":["source_id","amount"],"order":"-status","filters":{"source_id":{"conditions":{"$starts_with":"f-"}},"amount":{"conditions":{"$more_than":150}}}}}"#,
      at: "/v1/orders/export")
    #expect(Set(try Self.column(sorted, "source_id")) == ["f-1", "f-3"])
    let (_, either) = try Self.exported(
      api,
      #"{"parameters":{"fields":["source_id"],"filters":{"junction":"or","source_id":{"conditions":{"$in":["f-2"]}},"metadata.shop":{"conditions":{"$is":"s1"}}}}}"#,
      at: "/v1/orders/export")
    #expect(try Self.column(either, "source_id") == ["f-1", "f-2", "f-3"])
    let (_, byCode) = try Self.exported(
      api, #"{"exported_object":"voucher","parameters":{"fields":["code"],"order":"-code"}}"#)
    let codes = try Self.column(byCode, "code")
    #expect(codes == codes.sorted(by: >) && codes.count > 1)
  }

  @Test func aPathScopesTheExportToWhatItNames() throws {
    let api = try InProcessAPI()
    let (gift, program, card) = api.read { w in
      (
        w.vouchers.first { $0.campaignType == .giftVouchers && $0.holderID != nil }!,
        w.firstCampaign(.loyaltyProgram)!,
        w.vouchers.first { $0.campaignType == .loyaltyProgram && $0.holderID != nil }!
      )
    }
    _ = try api.send("POST", "/v1/vouchers/\(gift.code)/balance", body: #"{"amount":500}"#)
    let (_, one) = try Self.exported(api, "{}", at: "/v1/vouchers/\(gift.code)/transactions/export")
    #expect(try Self.column(one, "id") == api.read { $0.transactions.filter { $0.voucherID == gift.id }.map(\.id) })
    #expect(try Self.column(one, "id").isEmpty == false)
    let (done, campaign) = try Self.exported(api, "{}", at: "/v1/campaigns/\(gift.campaignID)/transactions/export")
    #expect(done.value(atPath: "parameters.filters.campaign_id.conditions.$in") == [.string(gift.campaignID)])
    #expect(campaign.count == api.read { $0.transactions.filter { $0.campaignID == gift.campaignID }.count } + 1)
    let (_, member) = try Self.exported(
      api, "{}", at: "/v1/loyalties/\(program.id)/members/\(card.code)/transactions/export")
    #expect(member.count == api.read { $0.transactions.filter { $0.voucherID == card.id }.count } + 1)
    try api.expectRefusals([
      ("POST", "/v1/loyalties/\(gift.campaignID)/transactions/export", "{}", 404, "not_found", nil),
      (
        "POST", "/v1/loyalties/\(gift.campaignID)/members/\(card.code)/transactions/export", "{}", 404, "not_found",
        nil
      ),
      ("POST", "/v1/loyalties/\(gift.campaignID)/points-expiration/export", "{}", 404, "not_found", nil),
      ("POST", "/v1/vouchers/NO-SUCH-CODE/transactions/export", "{}", 404, "not_found", nil),
    ])
    let (_, points) = try Self.exported(api, "{}", at: "/v1/loyalties/\(program.id)/points-expiration/export")
    #expect(points.first == ["id", "campaign_id", "voucher_id", "status", "expires_at", "points"])
  }

  @Test func whatIsNotSimulatedIsA400NamingIt() throws {
    let api = try InProcessAPI()
    try api.expectRefusals([
      ("POST", "/v1/exports", #"{"exported_object":"product"}"#, 400, "invalid_payload", "`exported_object`"),
      (
        "POST", "/v1/exports", #"{"exported_object":"order","parameters":{"fields":["nope"]}}"#, 400, "invalid_payload",
        "`parameters.fields`: \"nope\""
      ),
      (
        "POST", "/v1/orders/export", #"{"parameters":{"order":"amount"}}"#, 400, "invalid_payload", "`parameters.order`"
      ),
      (
        "POST", "/v1/orders/export", #"{"parameters":{"filters":{"items":{"conditions":{"$is":"x"}}}}}"#, 400,
        "invalid_payload", "`parameters.filters.items`"
      ),
      (
        "POST", "/v1/orders/export", #"{"parameters":{"filters":{"status":{"conditions":{"$regex":"x"}}}}}"#, 400,
        "invalid_payload", "`parameters.filters.status.conditions.$regex`"
      ),
      (
        "POST", "/v1/orders/export", #"{"parameters":{"filters":{"junction":"xor"}}}"#, 400, "invalid_payload",
        "`parameters.filters.junction`"
      ),
      (
        "POST", "/v1/orders/export", #"{"parameters":{"filters":{"created_at":{"conditions":{"$after":"soon"}}}}}"#,
        400,
        "invalid_payload", "ISO-8601"
      ),
      ("GET", "/v1/exports/exp_nope", nil, 404, "not_found", nil),
      ("DELETE", "/v1/exports/exp_nope", nil, 404, "not_found", nil),
    ])
    #expect(api.read { $0.exports.isEmpty }, "a refused export is not kept")
  }

  @Test func aDeletedExportIsGoneWithItsFile() throws {
    let api = try InProcessAPI()
    let (done, _) = try Self.exported(api, #"{"exported_object":"order"}"#)
    let id = try #require(done["id"]?.stringValue)
    let token = try #require(api.read { $0.exports[id: id]?.token })
    let (deleted, _) = try api.send("DELETE", "/v1/exports/\(id)")
    #expect(deleted == 204)
    #expect(try api.send("GET", "/v1/exports/\(id)").0 == 404)
    #expect(api.raw("GET", "/v1/exports/\(id)?token=\(token)").0 == 404)
    #expect(try api.send("GET", "/v1/exports").1["total"] == 0)
  }
}

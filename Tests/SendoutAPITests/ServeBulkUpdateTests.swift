import SendoutCore
import Testing

/// The JSON bulk updates and imports: each row applied when the action falls due, through the single operation
/// (its webhooks included); a row that operation refuses is reported in the result as Voucherify reports it and
/// the other rows still apply; a body of the wrong shape is a 400 naming the field, and changes nothing.
@Suite struct ServeBulkUpdateTests {
  /// Accepts `body` at `path` (202 unless `status`), moves the clock past its due time, and answers the done action.
  static func run(_ api: InProcessAPI, _ path: String, _ body: String, status: Int = 202) throws -> JSON {
    let (got, answer) = try api.send("POST", path, body: body)
    #expect(got == status, "\(path): \(answer.compactString)")
    let id = try #require(answer["async_action_id"]?.stringValue, "\(answer)")
    ServeAsyncActionTests.advance(api, 1_000)
    let (_, action) = try api.send("GET", "/v1/async-actions/\(id)")
    #expect(action["status"] == "DONE", "\(action)")
    try InProcessAPI.expectValid(action, "AsyncActionGetResponseBody")
    return action
  }

  @Test func customersAreUpsertedAndAMetadataUpdateReportsTheOnesNotFound() throws {
    let api = try InProcessAPI.served()
    #expect(try api.send("POST", "/v1/customers", body: #"{"source_id":"bulk-old","name":"Old"}"#).0 == 200)
    let upserts = try Self.run(
      api, "/v1/customers/bulk/async", #"[{"source_id":"bulk-old","email":"o@x.io"},{"source_id":"bulk-new"}]"#)
    #expect(upserts.value(atPath: "result.done_count") == 2)
    let (_, old) = try api.send("GET", "/v1/customers/bulk-old")
    #expect(old["name"] == "Old" && old["email"] == "o@x.io", "an upsert changes the fields given")
    #expect(try api.bodies(of: "customer.updated").count == 1 && api.bodies(of: "customer.created").count == 2)
    let metadata = try Self.run(
      api, "/v1/customers/metadata/async", #"{"source_ids":["bulk-old","bulk-ghost"],"metadata":{"tier":"gold"}}"#)
    #expect(metadata["type"] == "CUSTOMERS.METADATA_UPDATE" && metadata["operation_status"] == "SUCCESS")
    #expect(metadata.value(atPath: "result.done_count") == 1 && metadata.value(atPath: "result.failed_count") == 1)
    let error = try #require(metadata.value(atPath: "result.errors.0"), "\(metadata)")
    #expect(error["source_id"] == "bulk-ghost" && error["key"] == "not_found", "\(error)")
    #expect(try api.send("GET", "/v1/customers/bulk-old").1.value(atPath: "metadata.tier") == "gold")
    #expect(try api.send("GET", "/v1/customers/bulk-ghost").0 == 404, "a metadata update upserts nothing")
  }

  @Test func productsAreUpsertedAndTheirMetadataSet() throws {
    let api = try InProcessAPI.served()
    let bulk = try Self.run(
      api, "/v1/products/bulk/async", #"[{"source_id":"bp-1","name":"One","price":100},{"source_id":"bp-2"}]"#)
    #expect(bulk["type"] == "PRODUCTS.BULK_UPDATE" && bulk.value(atPath: "result.done_count") == 2)
    let metadata = try Self.run(
      api, "/v1/products/metadata/async", #"{"source_ids":["bp-1","bp-9"],"metadata":{"color":"red"}}"#)
    #expect(metadata.value(atPath: "result.errors.0.source_id") == "bp-9", "\(metadata)")
    let (_, product) = try api.send("GET", "/v1/products/bp-1")
    #expect(product["price"] == 100 && product.value(atPath: "metadata.color") == "red")
  }

  @Test func vouchersGetTheirMetadataAndAnUnknownCodeFails() throws {
    let api = try InProcessAPI.served()
    for code in ["BULK-A", "BULK-B"] {
      #expect(try api.send("POST", "/v1/vouchers/\(code)", body: #"{"campaign":"Welcome Offer"}"#).0 == 200)
    }
    let sent = api.sendouts.count
    let bulk = try Self.run(
      api, "/v1/vouchers/bulk/async",
      #"[{"code":"BULK-A","metadata":{"n":1}},{"code":"NO-SUCH","metadata":{"n":2}}]"#)
    #expect(bulk.value(atPath: "result.errors.0.code") == "NO-SUCH" && bulk.value(atPath: "result.done_count") == 1)
    let all = try Self.run(
      api, "/v1/vouchers/metadata/async", #"{"codes":["BULK-A","BULK-B"],"metadata":{"season":"fall"}}"#)
    #expect(all.value(atPath: "result.failed_count") == 0, "\(all)")
    let (_, a) = try api.send("GET", "/v1/vouchers/BULK-A")
    #expect(a.value(atPath: "metadata.n") == 1 && a.value(atPath: "metadata.season") == "fall", "\(a)")
    #expect(try api.bodies(of: "voucher.updated").count == 3 && api.sendouts.count == sent + 3)
  }

  @Test func importsCreateCodesAndOrdersAndReportTheRowsRefused() throws {
    let api = try InProcessAPI.served()
    #expect(try api.send("POST", "/v1/vouchers/IMP-TAKEN", body: #"{"campaign":"Welcome Offer"}"#).0 == 200)
    let campaign = try Self.run(
      api, "/v1/campaigns/Welcome%20Offer/import", #"[{"code":"IMP-1"},{"code":"IMP-TAKEN"},{"code":"IMP-2"}]"#)
    #expect(campaign["type"] == "CAMPAIGN.VOUCHERS_IMPORT" && campaign["operation_status"] == nil)
    #expect(campaign.value(atPath: "result.message") == "2 voucher(s) imported successfully, 1 failed.")
    #expect(campaign.value(atPath: "result.failed.0.code") == "IMP-TAKEN", "\(campaign)")
    #expect(try api.send("GET", "/v1/vouchers/IMP-2").0 == 200)
    let standalone = try Self.run(
      api, "/v1/vouchers/import",
      #"[{"code":"IMP-3","campaign":"Welcome Offer","type":"DISCOUNT_VOUCHER","discount":{"type":"PERCENT","percent_off":10}}]"#
    )
    #expect(standalone.value(atPath: "result.done_count") == 1, "\(standalone)")
    #expect(try api.send("GET", "/v1/vouchers/IMP-3").1.value(atPath: "discount.percent_off") == 10)
    let orders = try Self.run(
      api, "/v1/orders/import", #"[{"source_id":"imp-o1","amount":1000},{"source_id":"imp-o2","amount":2000}]"#,
      status: 200)
    #expect(orders.value(atPath: "result.message") == "2 order(s) imported successfully, 0 failed.")
    #expect(try api.send("GET", "/v1/orders/imp-o2").1["amount"] == 2000)
  }

  @Test func aBodyOfTheWrongShapeIsRefusedAndChangesNothing() throws {
    let api = try InProcessAPI.served()
    try api.expectRefusals([
      ("POST", "/v1/customers/bulk/async", #"{"source_id":"x"}"#, 400, "invalid_payload", "array"),
      ("POST", "/v1/customers/bulk/async", "[]", 400, "invalid_payload", "non-empty"),
      ("POST", "/v1/customers/bulk/async", #"[{"name":5}]"#, 400, "invalid_payload", "name"),
      ("POST", "/v1/customers/metadata/async", #"{"metadata":{"a":1}}"#, 400, "invalid_payload", "source_ids"),
      ("POST", "/v1/products/metadata/async", #"{"source_ids":["a"]}"#, 400, "invalid_payload", "metadata"),
      ("POST", "/v1/vouchers/bulk/async", #"[{"metadata":{"a":1}}]"#, 400, "invalid_payload", "0.code"),
      ("POST", "/v1/vouchers/import", #"[{"type":"DISCOUNT_VOUCHER"}]"#, 400, "invalid_payload", nil),
      ("POST", "/v1/campaigns/nope/import", #"[{"code":"Z"}]"#, 404, "not_found", "nope"),
    ])
    #expect(api.read { $0.asyncActions.isEmpty }, "no action was accepted")
  }
}

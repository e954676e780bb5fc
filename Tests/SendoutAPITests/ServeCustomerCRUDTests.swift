import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Customers and vouchers changed and listed through `sendout serve`: each answer validated against the spec's
/// schema, each webhook carrying the ids of the answer, and the main errors.
@Suite struct ServeCustomerCRUDTests {
  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try InProcessAPI.expectValid(body, schema, sourceLocation: sourceLocation)
  }

  @Test func aCustomerIsUpdatedListedAndDeletedWithItsWebhooks() throws {
    let server = try InProcessAPI.served()
    let (_, created) = try server.send(
      "POST", "/v1/customers", body: #"{"source_id":"kim","name":"Kim","email":"kim@example.com"}"#)
    let id = try #require(created["id"]?.stringValue)
    let (status, updated) = try server.send(
      "PUT", "/v1/customers/kim",
      body: #"{"name":"Kim Lee","address":{"city":"Oslo"},"metadata":{"tier":"gold"}}"#)
    #expect(status == 200, "\(updated)")
    try expectValid(updated, "CustomersUpdateResponseBody")
    #expect(updated["id"]?.stringValue == id && updated["name"] == "Kim Lee")
    #expect(updated.value(atPath: "address.city") == "Oslo" && updated.value(atPath: "metadata.tier") == "gold")
    #expect(updated["email"] == "kim@example.com", "fields not sent stay")

    let (listed, list) = try server.send("GET", "/v1/customers?city=Oslo")
    #expect(listed == 200)
    try expectValid(list, "CustomersListResponseBody")
    #expect(list["total"] == 1 && list.value(atPath: "customers.0.id")?.stringValue == id)
    let (_, all) = try server.send("GET", "/v1/customers?limit=2&page=1&order=-created_at")
    #expect(all["customers"]?.arrayValue?.count == 2 && all["has_more"] == true)
    #expect(all.value(atPath: "customers.0.id")?.stringValue == id, "newest first")
    let (_, byName) = try server.send("GET", "/v1/customers?name=Kim%20Lee&email=kim%40example.com")
    #expect(byName["total"] == 1)
    let (_, future) = try server.send("GET", "/v1/customers?created_at%5Bafter%5D=2030-01-01T00:00:00Z")
    #expect(future["total"] == 0)

    let (deleted, nothing) = try server.send("DELETE", "/v1/customers/\(id)")
    #expect(deleted == 204 && nothing == .null)
    let (gone, error) = try server.send("GET", "/v1/customers/\(id)")
    #expect(gone == 404 && error["key"] == "not_found" && error["resource_type"] == "customer")

    let updates = try server.bodies(of: "customer.updated")
    #expect(updates.map { $0.value(atPath: "data.customer.id")?.stringValue } == [id])
    #expect(updates.first?.value(atPath: "data.customer.name") == "Kim Lee")
    let deletions = try server.bodies(of: "customer.deleted")
    #expect(deletions.map { $0.value(atPath: "data.customer.id")?.stringValue } == [id])
  }

  @Test func customerErrorsNameTheFieldOrTheMissingCustomer() throws {
    let server = try InProcessAPI.served()
    _ = try server.send("POST", "/v1/customers", body: #"{"source_id":"lou"}"#)
    let cases: [InProcessAPI.Refusal] = [
      ("PUT", "/v1/customers/lou", #"{"name":5}"#, 400, "invalid_customer", "`name`"),
      ("PUT", "/v1/customers/lou", #"{"address":{"city":true}}"#, 400, "invalid_customer", "`address.city`"),
      ("PUT", "/v1/customers/nobody", "{}", 404, "not_found", nil),
      ("DELETE", "/v1/customers/nobody", nil, 404, "not_found", nil),
      ("GET", "/v1/customers?limit=0", nil, 400, "invalid_query_params", "`limit`"),
      ("GET", "/v1/customers?order=name", nil, 400, "invalid_query_params", "`order`"),
      ("GET", "/v1/customers?created_at%5Bbefore%5D=yesterday", nil, 400, "invalid_query_params", "created_at"),
      ("GET", "/v1/customers?segment_id=seg_nope", nil, 404, "not_found", nil),
      ("POST", "/v1/customers/importCSV", nil, 400, "invalid_payload", "multipart/form-data"),
    ]
    try server.expectRefusals(cases)
  }

  @Test func vouchersAreCreatedUpdatedListedAndDeleted() throws {
    let server = try InProcessAPI.served()
    let (status, voucher) = try server.send(
      "POST", "/v1/vouchers/MY-CODE-1", body: #"{"campaign":"Welcome Offer","metadata":{"batch":"a"}}"#)
    #expect(status == 200, "\(voucher)")
    try expectValid(voucher, "VouchersCreateResponseBody")
    let id = try #require(voucher["id"]?.stringValue)
    #expect(voucher["code"] == "MY-CODE-1" && voucher["campaign"] == "Welcome Offer")
    let (drawn, random) = try server.send("POST", "/v1/vouchers", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(drawn == 200 && random["code"]?.stringValue?.hasPrefix("WELCOME-") == true, "\(random)")
    let (duplicate, dup) = try server.send(
      "POST", "/v1/vouchers/MY-CODE-1", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(duplicate == 409 && dup["key"] == "duplicate_found")

    let (changed, updated) = try server.send(
      "PUT", "/v1/vouchers/MY-CODE-1",
      body: #"{"active":false,"expiration_date":"2030-01-01T00:00:00Z","metadata":{"batch":"b"}}"#)
    #expect(changed == 200, "\(updated)")
    try expectValid(updated, "VouchersUpdateResponseBody")
    #expect(updated["active"] == false && updated.value(atPath: "metadata.batch") == "b")
    #expect(updated["expiration_date"] == "2030-01-01T00:00:00.000Z")

    let (listed, list) = try server.send("GET", "/v1/vouchers?campaign=Welcome%20Offer&order=-created_at&limit=2")
    #expect(listed == 200)
    try expectValid(list, "VouchersListResponseBody")
    #expect(list["total"] == 5, "3 generated with the campaign and 2 created: \(list["total"] ?? .null)")
    #expect(list.value(atPath: "vouchers.0.id") == random["id"] && list["vouchers"]?.arrayValue?.count == 2)
    let (_, byCode) = try server.send("GET", "/v1/vouchers?code=MY-CODE-1")
    #expect(byCode["total"] == 1)

    let (deleted, _) = try server.send("DELETE", "/v1/vouchers/MY-CODE-1")
    #expect(deleted == 204)
    let (gone, _) = try server.send("GET", "/v1/vouchers/MY-CODE-1")
    #expect(gone == 404)
    let (inBin, _) = try server.send("POST", "/v1/vouchers/MY-CODE-1", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(inBin == 409, "a voucher in the bin keeps its code")
    let codeOfRandom = try #require(random["code"]?.stringValue)
    let (forced, _) = try server.send("DELETE", "/v1/vouchers/\(codeOfRandom)?force=true")
    #expect(forced == 204)
    let (reused, again) = try server.send(
      "POST", "/v1/vouchers/\(codeOfRandom)", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(reused == 200 && again["id"] != random["id"], "a permanent deletion frees the code")

    let created = try server.bodies(of: "voucher.created")
    #expect(created.first?.value(atPath: "data.voucher.id")?.stringValue == id)
    let updates = try server.bodies(of: "voucher.updated")
    #expect(updates.map { $0.value(atPath: "data.voucher.id")?.stringValue } == [id])
    let deletions = try server.bodies(of: "voucher.deleted")
    #expect(deletions.first?.value(atPath: "data.voucher.id")?.stringValue == id)
  }

  @Test func voucherErrorsAreVoucherifys() throws {
    let server = try InProcessAPI.served()
    _ = try server.send("POST", "/v1/vouchers/X3", body: #"{"campaign":"Welcome Offer"}"#)
    let cases: [InProcessAPI.Refusal] = [
      ("POST", "/v1/vouchers", #"{"type":"DISCOUNT_VOUCHER"}"#, 501, "not_implemented", "standalone"),
      ("POST", "/v1/vouchers", #"{"campaign":"No Such"}"#, 404, "not_found", nil),
      ("POST", "/v1/vouchers/X1", #"{"campaign":"Welcome Offer","active":"yes"}"#, 400, "invalid_voucher", "`active`"),
      (
        "POST", "/v1/vouchers/X2", #"{"campaign":"Welcome Offer","redemption":{"quantity":"2"}}"#, 400,
        "invalid_voucher", "`redemption.quantity`"
      ),
      ("PUT", "/v1/vouchers/NOPE", "{}", 404, "not_found", nil),
      ("PUT", "/v1/vouchers/X3", #"{"start_date":"soon"}"#, 400, "invalid_voucher", "`start_date`"),
      ("DELETE", "/v1/vouchers/X3?force=maybe", nil, 400, "invalid_query_params", "`force`"),
      ("DELETE", "/v1/vouchers/NOPE", nil, 404, "not_found", nil),
      ("GET", "/v1/vouchers?order=price", nil, 400, "invalid_query_params", "`order`"),
      ("GET", "/v1/vouchers/NOPE/transactions", nil, 404, "not_found", nil),
    ]
    try server.expectRefusals(cases)
  }

  @Test func aGiftCardsTransactionsAreListed() throws {
    let server = try InProcessAPI.served()
    let (_, campaigns) = try server.send("GET", "/v1/campaigns?campaign_type=GIFT_VOUCHERS")
    let gift = try #require(campaigns.value(atPath: "campaigns.0.name")?.stringValue)
    let (_, card) = try server.send("POST", "/v1/vouchers/GIFT-OF-MINE", body: #"{"campaign":"\#(gift)"}"#)
    #expect(card["type"] == "GIFT_VOUCHER", "\(card)")
    _ = try server.send("POST", "/v1/vouchers/GIFT-OF-MINE/balance", body: #"{"amount":700}"#)
    _ = try server.send("POST", "/v1/vouchers/GIFT-OF-MINE/balance", body: #"{"amount":300}"#)
    let (status, list) = try server.send(
      "GET", "/v1/vouchers/GIFT-OF-MINE/transactions?limit=1&order=-created_at")
    #expect(status == 200, "\(list)")
    try expectValid(list, "VouchersTransactionsListResponseBody")
    #expect(list["has_more"] == true && list["data"]?.arrayValue?.count == 1)
    #expect(list.value(atPath: "data.0.voucher_id") == card["id"])
    #expect(list.value(atPath: "data.0.details.balance.amount") == 300, "the newest first: \(list)")
    #expect(list.value(atPath: "data.0.type") == "CREDITS_ADDITION")
    let campaignID = try #require(card["campaign_id"]?.stringValue)
    let (ofCampaign, all) = try server.send("GET", "/v1/campaigns/\(campaignID)/transactions?limit=100")
    #expect(ofCampaign == 200, "\(all)")
    try expectValid(all, "CampaignsTransactionsListResponseBody")
    let ids = all["data"]?.arrayValue?.compactMap { $0["voucher_id"] } ?? []
    #expect(ids.filter { $0 == card["id"] }.count == 2, "both top-ups of the card: \(all)")
  }
}

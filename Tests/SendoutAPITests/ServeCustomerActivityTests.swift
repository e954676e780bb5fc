import SendoutAPI
import SendoutCore
import Testing

/// What Voucherify keeps about one customer: the activity feed, the wallet of redeemables, and the permanent deletion
/// that forgets the customer, each read by id or `source_id`, with its 404s and 400s.
@Suite struct ServeCustomerActivityTests {
  /// A new customer with a code of the sample's coupon campaign and a gift card published to them.
  static func customerWithWallet(_ server: InProcessAPI) throws -> (id: String, code: String) {
    let (made, customer) = try server.send("POST", "/v1/customers", body: #"{"source_id":"wallet-ann","name":"Ann"}"#)
    #expect(made == 200)
    var code = ""
    for campaign in ["Welcome Offer", try #require(server.read { $0.firstCampaign(.giftVouchers)?.name })] {
      let (status, publication) = try server.send(
        "POST", "/v1/publications", body: #"{"customer":{"source_id":"wallet-ann"},"campaign":{"name":"\#(campaign)"}}"#
      )
      #expect(status == 200, "\(publication)")
      if code.isEmpty { code = try #require(publication.value(atPath: "voucher.code")?.stringValue) }
    }
    return (try #require(customer["id"]?.stringValue), code)
  }

  @Test func theActivityFeedListsTheCustomersEventsNewestFirstWithTheirData() throws {
    let server = try InProcessAPI.served()
    let (id, _) = try Self.customerWithWallet(server)
    _ = try server.send("PUT", "/v1/customers/wallet-ann", body: #"{"name":"Ann B"}"#)
    let (status, feed) = try server.send("GET", "/v1/customers/wallet-ann/activity?limit=100")
    #expect(status == 200, "\(feed)")
    let items = feed["data"]?.arrayValue ?? []
    #expect(items.first?["type"] == "customer.updated" && items.last?["type"] == "customer.created", "\(items)")
    #expect(items.last?.value(atPath: "data.data.customer.id") == .string(id))
    #expect(items.last?.value(atPath: "data.event_source.channel") == "API")
    try InProcessAPI.expectValid(feed, "CustomersActivityListResponseBody")
    let (_, oldest) = try server.send("GET", "/v1/customers/\(id)/activity?order=created_at&limit=1")
    #expect(oldest.value(atPath: "data.0.type") == "customer.created" && oldest["has_more"] == true)
    let (_, typed) = try server.send("GET", "/v1/customers/\(id)/activity?type=customer.updated")
    #expect(typed["data"]?.arrayValue?.count == 1)
    let (_, later) = try server.send("GET", "/v1/customers/\(id)/activity?start_date=2030-01-01T00:00:00Z")
    #expect(later["data"]?.arrayValue?.isEmpty == true)
    let (_, actions) = try server.send("GET", "/v1/customers/\(id)/activity?category=ACTION")
    #expect(actions["data"]?.arrayValue?.isEmpty == true, "every recorded event is an effect")
    try server.expectRefusals([
      ("GET", "/v1/customers/cust_nope/activity", nil, 404, "not_found", "cust_nope"),
      ("GET", "/v1/customers/\(id)/activity?start_date=yesterday", nil, 400, "invalid_query_params", "`start_date`"),
    ])
  }

  @Test func theWalletListsTheRedeemablesTheCustomerHoldsWithTheirStatus() throws {
    let server = try InProcessAPI.served()
    let (id, code) = try Self.customerWithWallet(server)
    let (status, wallet) = try server.send("GET", "/v1/customers/\(id)/redeemables")
    #expect(status == 200, "\(wallet)")
    try InProcessAPI.expectValid(wallet, "CustomersRedeemablesListResponseBody")
    let items = wallet["data"]?.arrayValue ?? []
    #expect(items.count == 2 && wallet["total"] == 2, "\(wallet)")
    #expect(items.first?.value(atPath: "redeemable.voucher.code") == .string(code))
    #expect(items.allSatisfy { $0.value(atPath: "redeemable.status") == "ACTIVE" && $0["customer_id"] == .string(id) })
    let (_, gifts) = try server.send(
      "GET", "/v1/customers/wallet-ann/redeemables?filters[campaign_type][conditions][$is]=GIFT_VOUCHERS")
    #expect(gifts["data"]?.arrayValue?.map { $0["voucher_type"] } == ["GIFT_VOUCHER"], "\(gifts)")
    let (_, either) = try server.send(
      "GET",
      "/v1/customers/wallet-ann/redeemables?filters[voucher_type][conditions][$in]=GIFT_VOUCHER,LOYALTY_CARD")
    #expect(either["data"]?.arrayValue?.count == 1)
    let (_, newest) = try server.send("GET", "/v1/customers/wallet-ann/redeemables?order=-id")
    #expect(newest["data"]?.arrayValue?.first == items.last)
    _ = try server.send("POST", "/v1/vouchers/\(code)/disable")
    let (_, after) = try server.send("GET", "/v1/customers/wallet-ann/redeemables?limit=1")
    #expect(after.value(atPath: "data.0.redeemable.status") == "DISABLED" && after["has_more"] == true, "\(after)")
    try server.expectRefusals([
      ("GET", "/v1/customers/cust_nope/redeemables", nil, 404, "not_found", "cust_nope"),
      (
        "GET", "/v1/customers/\(id)/redeemables?filters[code][conditions][$is]=X", nil, 400, "invalid_query_params",
        "`filters[code][conditions][$is]`"
      ),
      (
        "GET", "/v1/customers/\(id)/redeemables?filters[junction]=xor", nil, 400, "invalid_query_params",
        "`filters[junction]`"
      ),
    ])
  }

  @Test func aPermanentDeletionForgetsTheCustomerAndSaysWhatItRemoved() throws {
    let server = try InProcessAPI.served()
    let (id, _) = try Self.customerWithWallet(server)
    let (tracked, _) = try server.send(
      "POST", "/v1/events", body: #"{"event":"signed_up","customer":{"source_id":"wallet-ann"}}"#)
    #expect(tracked == 200)
    let (_, order) = try server.send("POST", "/v1/orders", body: #"{"amount":100,"customer":{"id":"\#(id)"}}"#)
    let (status, deletion) = try server.send("POST", "/v1/customers/wallet-ann/permanent-deletion")
    #expect(status == 200, "\(deletion)")
    try InProcessAPI.expectValid(deletion, "CustomersPermanentDeletionCreateResponseBody")
    #expect(deletion["status"] == "DONE" && deletion["related_object_id"] == .string(id))
    #expect(deletion["object"] == "pernament_deletion", "as Voucherify spells it")
    #expect(deletion.value(atPath: "data_json.events") == 1 && deletion.value(atPath: "data_json.orders") == 1)
    #expect((deletion.value(atPath: "data_json.customer_events")?.intValue ?? 0) >= 3, "\(deletion)")
    #expect(try server.bodies(of: "customer.deleted").count == 1, "as a delete sends")
    for path in ["/v1/customers/\(id)", "/v1/customers/\(id)/activity", "/v1/customers/wallet-ann/redeemables"] {
      let (gone, _) = try server.send("GET", path)
      #expect(gone == 404, "\(path)")
    }
    let orderID = try #require(order["id"]?.stringValue)
    let (_, kept) = try server.send("GET", "/v1/orders/\(orderID)")
    #expect(kept["customer_id"] == .null, "the order stays for its redemptions, no longer the customer's: \(kept)")
    try server.expectRefusals([("POST", "/v1/customers/\(id)/permanent-deletion", nil, 404, "not_found", id)])
  }
}

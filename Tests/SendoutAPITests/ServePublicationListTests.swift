import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// `GET /v1/publications` through `sendout serve`: the world's publications, filtered, ordered and paged as the spec
/// lists, each item the spec's single-voucher shape.
@Suite struct ServePublicationListTests {
  @Test func publicationsAreListedFilteredAndOrdered() throws {
    let api = try InProcessAPI.served()
    let (_, made) = try api.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"lister"},"campaign":{"name":"Welcome Offer"}}"#)
    let id = try #require(made["id"]?.stringValue)
    let program = try #require(api.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let (joined, _) = try api.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"other"},"campaign":{"id":"\#(program)"}}"#)
    #expect(joined == 200)
    let customer = try #require(made["customer_id"]?.stringValue)
    let code = try #require(made.value(atPath: "voucher.code")?.stringValue)
    let (status, all) = try api.send("GET", "/v1/publications?order=created_at&limit=100")
    #expect(status == 200 && all["data_ref"] == "publications", "\(all)")
    try InProcessAPI.expectValid(all, "PublicationsListResponseBody")
    #expect(all.value(atPath: "publications.0.id")?.stringValue == id, "oldest first")
    #expect(all.value(atPath: "publications.0.voucher.code")?.stringValue == code)
    let (_, newest) = try api.send("GET", "/v1/publications?order=-created_at&limit=1")
    #expect(newest.value(atPath: "publications.0.voucher.loyalty_card") != nil && newest["total"] == all["total"])
    #expect(all["total"]?.intValue == api.read { $0.publications.count } && all["total"] == 2)
    let cases: [(String, Int)] = [
      ("customer=\(customer)", 1), ("voucher=\(code)", 1), ("campaign=Welcome%20Offer", 1), ("campaign=\(program)", 1),
      ("result=FAILURE", 0),
      ("voucher_type=loyalty&customer=\(customer)", 0), ("voucher_type=loyalty", 1),
      ("is_referral_code=true&customer=\(customer)", 0),
      ("source_id=none", 0),
    ]
    for (query, expected) in cases {
      let (got, listed) = try api.send("GET", "/v1/publications?\(query)")
      #expect(got == 200, "\(query): \(listed)")
      let count = try #require(listed["total"]?.intValue)
      #expect(count == expected, "\(query)")
    }
    try api.expectRefusals([
      ("GET", "/v1/publications?filters=x", nil, 501, "not_implemented", "filters"),
      ("GET", "/v1/publications?campaign=nope", nil, 404, "not_found", "nope"),
      ("GET", "/v1/publications?order=name", nil, 400, "invalid_query_params", "order"),
    ])
  }
}

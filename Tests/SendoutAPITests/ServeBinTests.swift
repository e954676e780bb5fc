import SendoutAPI
import SendoutCore
import Testing

/// The bin as Voucherify's `force` parameters describe it: a campaign or voucher deleted without `force` is moved to
/// the bin and keeps its code; deleting its bin entry removes it for good and frees the code, as `force=true` does at
/// once (which puts nothing in the bin). Deletes keep sending their webhooks; the bin's own calls send none.
@Suite struct ServeBinTests {
  @Test func aVoucherDeletedWithoutForceIsInTheBinUntilItsEntryIsDeleted() throws {
    let server = try InProcessAPI.served()
    let (_, made) = try server.send("POST", "/v1/vouchers/BIN-1", body: #"{"campaign":"Welcome Offer"}"#)
    let (deleted, _) = try server.send("DELETE", "/v1/vouchers/BIN-1")
    let sentDeletions = try server.bodies(of: "voucher.deleted").count
    #expect(deleted == 204 && sentDeletions == 1)
    let (status, bin) = try server.send("GET", "/v1/trash-bin")
    #expect(status == 200, "\(bin)")
    try InProcessAPI.expectValid(bin, "TrashBinListResponseBody")
    let entry = try #require(bin["data"]?.arrayValue?.last)
    #expect(entry["resource_type"] == "voucher" && entry["object"] == "voucher" && entry["resource_name"] == "BIN-1")
    #expect(entry["resource_id"] == made["id"] && entry["resource_parent_id"] == made["campaign_id"])
    #expect(entry["deleted_by_user_id"] == .null, "deleted through the API")
    #expect(entry["id"]?.stringValue?.hasPrefix("tbe_") == true)
    let (taken, _) = try server.send("POST", "/v1/vouchers/BIN-1", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(taken == 409, "a voucher in the bin keeps its code")
    let sent = server.sendouts.count
    let entryID = try #require(entry["id"]?.stringValue)
    let (removed, _) = try server.send("DELETE", "/v1/trash-bin/\(entryID)")
    #expect(removed == 204 && server.sendouts.count == sent, "no webhook")
    let (again, _) = try server.send("POST", "/v1/vouchers/BIN-1", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(again == 200, "deleted for good: the code is free")
    try server.expectRefusals([
      ("DELETE", "/v1/trash-bin/\(entryID)", nil, 404, "not_found", entryID),
      (
        "GET", "/v1/trash-bin?filters[name][conditions][$is]=x", nil, 400, "invalid_query_params",
        "`filters[name][conditions][$is]`"
      ),
    ])
  }

  @Test func aCampaignGoesToTheBinAsOneEntryAndForceLeavesNone() throws {
    let server = try InProcessAPI.served()
    for name in ["Bin A", "Bin B"] {
      let (made, campaign) = try server.send(
        "POST", "/v1/campaigns", body: #"{"name":"\#(name)","campaign_type":"DISCOUNT_COUPONS","vouchers_count":2}"#)
      #expect(made == 200, "\(campaign)")
    }
    let (_, a) = try server.send("GET", "/v1/campaigns/Bin%20A")
    let (_, b) = try server.send("GET", "/v1/campaigns/Bin%20B")
    let aID = try #require(a["id"]?.stringValue)
    let bID = try #require(b["id"]?.stringValue)
    let (_, codes) = try server.send("GET", "/v1/vouchers?campaign_id=\(aID)")
    let code = try #require(codes.value(atPath: "vouchers.0.code")?.stringValue, "\(codes)")
    _ = try server.send("DELETE", "/v1/campaigns/\(aID)")
    _ = try server.send("DELETE", "/v1/campaigns/\(bID)?force=true")
    #expect(try server.bodies(of: "campaign.deleted").count == 2, "both deletes send their webhook")
    let (_, bin) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=campaign")
    let entries = bin["data"]?.arrayValue ?? []
    #expect(entries.map { $0["resource_id"] } == [.string(aID)] && bin["total"] == 1, "\(bin)")
    let (_, none) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=voucher")
    #expect(none["data"]?.arrayValue?.isEmpty == true, "the campaign's codes go with its one entry")
    let (taken, _) = try server.send("POST", "/v1/vouchers/\(code)", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(taken == 409)
    _ = try server.send("DELETE", "/v1/trash-bin/\(try #require(entries.first?["id"]?.stringValue))")
    let (free, _) = try server.send("POST", "/v1/vouchers/\(code)", body: #"{"campaign":"Welcome Offer"}"#)
    #expect(free == 200, "the campaign's codes are freed with it")
  }

  @Test func aProductGoesToTheBinWithItsSKUsAndKeepsItsSourceIDUntilItsEntryIsDeleted() throws {
    let server = try InProcessAPI.served()
    let (_, product) = try server.send("POST", "/v1/products", body: #"{"source_id":"bin-mug","name":"Mug"}"#)
    let (_, sku) = try server.send("POST", "/v1/products/bin-mug/skus", body: #"{"source_id":"bin-mug-red"}"#)
    let (_, other) = try server.send("POST", "/v1/products", body: #"{"source_id":"bin-cup"}"#)
    let (deleted, _) = try server.send("DELETE", "/v1/products/bin-mug")
    #expect(deleted == 204)
    try server.expectRefusals([
      ("GET", "/v1/products/bin-mug", nil, 404, "not_found", "bin-mug"),
      ("GET", "/v1/skus/bin-mug-red", nil, 404, "not_found", "bin-mug-red"),
      ("POST", "/v1/products", #"{"source_id":"bin-mug"}"#, 409, "duplicate_found", "bin-mug"),
      ("POST", "/v1/products/bin-cup/skus", #"{"source_id":"bin-mug-red"}"#, 409, "duplicate_found", "bin-mug-red"),
    ])
    let (_, listed) = try server.send("GET", "/v1/products?limit=100")
    #expect(listed["products"]?.arrayValue?.contains { $0["id"] == product["id"] } == false, "not listed")
    let (_, bin) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=product")
    let entry = try #require(bin["data"]?.arrayValue?.first, "\(bin)")
    try InProcessAPI.expectValid(bin, "TrashBinListResponseBody")
    #expect(bin["total"] == 1 && entry["resource_id"] == product["id"] && entry["resource_name"] == "Mug")
    #expect(entry["object"] == "product" && entry["resource_parent_id"] == .null)
    let (_, skuEntries) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=sku")
    #expect(skuEntries["data"]?.arrayValue?.isEmpty == true, "the SKUs go with the product's one entry")
    _ = try server.send("DELETE", "/v1/trash-bin/\(try #require(entry["id"]?.stringValue))")
    let (again, fresh) = try server.send("POST", "/v1/products", body: #"{"source_id":"bin-mug"}"#)
    #expect(again == 200 && fresh["id"] != product["id"], "deleted for good: the source id is free")
    let (freed, _) = try server.send("POST", "/v1/products/bin-cup/skus", body: #"{"source_id":"bin-mug-red"}"#)
    #expect(freed == 200 && sku["id"] != .null, "and its SKUs' source ids")
    #expect(other["id"] != .null)
  }

  @Test func aSKUGoesToTheBinOnItsOwnAndForceLeavesNoEntry() throws {
    let server = try InProcessAPI.served()
    let (_, product) = try server.send("POST", "/v1/products", body: #"{"source_id":"bin-pen"}"#)
    let (_, blue) = try server.send("POST", "/v1/products/bin-pen/skus", body: #"{"source_id":"pen-blue"}"#)
    _ = try server.send("POST", "/v1/products/bin-pen/skus", body: #"{"source_id":"pen-red","sku":"Red"}"#)
    let (binned, _) = try server.send("DELETE", "/v1/products/bin-pen/skus/pen-blue")
    let (forced, _) = try server.send("DELETE", "/v1/products/bin-pen/skus/pen-red?force=true")
    #expect(binned == 204 && forced == 204)
    let (_, skus) = try server.send("GET", "/v1/products/bin-pen/skus")
    #expect(skus["total"] == 0, "\(skus)")
    let (_, bin) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=sku")
    let entries = bin["data"]?.arrayValue ?? []
    #expect(entries.map { $0["resource_id"] } == [blue["id"] ?? .null], "\(bin)")
    #expect(entries.first?["resource_parent_id"] == product["id"] && entries.first?["resource_name"] == "pen-blue")
    let (taken, _) = try server.send("POST", "/v1/products/bin-pen/skus", body: #"{"source_id":"pen-blue"}"#)
    let (free, _) = try server.send("POST", "/v1/products/bin-pen/skus", body: #"{"source_id":"pen-red"}"#)
    #expect(taken == 409 && free == 200, "force frees the source id at once")
    let (gone, _) = try server.send("DELETE", "/v1/products/bin-pen?force=true")
    let (_, none) = try server.send("GET", "/v1/trash-bin?filters[resource_type][conditions][$is]=product")
    #expect(gone == 204 && none["data"]?.arrayValue?.isEmpty == true, "force puts nothing in the bin")
  }
}

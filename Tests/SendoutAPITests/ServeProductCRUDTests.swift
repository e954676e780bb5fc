import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Products and SKUs through `sendout serve`: round trips that hold exactly what the application sent (`null` for
/// the rest) and what Voucherify adds, by id or source id, upserts, 404s after a delete, the request check's 400s,
/// and no webhook (Voucherify sends none for the catalog).
@Suite struct ServeProductCRUDTests {
  @Test func aProductIsCreatedReadUpdatedListedAndDeleted() throws {
    let api = try InProcessAPI.served()
    let sent = api.sendouts.count
    let (_, before) = try api.send("GET", "/v1/products")
    let (status, made) = try api.send(
      "POST", "/v1/products", body: #"{"source_id":"shirt-1","name":"Shirt","metadata":{"fabric":"cotton"}}"#)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, "ProductsCreateResponseBody")
    let id = try #require(made["id"]?.stringValue)
    #expect(id.hasPrefix("prod_") && made["object"] == "product")
    #expect(made["price"] == .null && made["attributes"] == .null && made["image_url"] == .null, "not given: null")
    #expect(made["updated_at"] == .null && made.value(atPath: "metadata.fabric") == "cotton")
    #expect(made.value(atPath: "skus.total") == 0)
    for key in [id, "shirt-1"] {
      let (got, read) = try api.send("GET", "/v1/products/\(key)")
      #expect(got == 200 && read == made, "GET by \(key)")
    }
    let (changed, updated) = try api.send("PUT", "/v1/products/shirt-1", body: #"{"price":2500,"metadata":null}"#)
    #expect(changed == 200 && updated["price"] == 2500 && updated["name"] == "Shirt", "\(updated)")
    #expect(updated["metadata"] == .null && updated["updated_at"] != .null, "null clears; absent stays")
    let (_, kept) = try api.send("PUT", "/v1/products/\(id)", body: #"{"source_id":null}"#)
    #expect(kept["source_id"] == "shirt-1", "an update's body has no source_id")
    try InProcessAPI.expectValid(updated, "ProductsUpdateResponseBody")
    let (_, upserted) = try api.send("POST", "/v1/products", body: #"{"source_id":"shirt-1","name":"Tee"}"#)
    #expect(upserted["id"]?.stringValue == id && upserted["name"] == "Tee" && upserted["price"] == 2500)
    let (listed, all) = try api.send("GET", "/v1/products?limit=100&order=-created_at")
    #expect(listed == 200 && all["total"]?.intValue == (before["total"]?.intValue ?? 0) + 1)
    #expect(all.value(atPath: "products.0.id")?.stringValue == id, "newest first")
    try InProcessAPI.expectValid(all, "ProductsListResponseBody")
    let (deleted, _) = try api.send("DELETE", "/v1/products/\(id)")
    #expect(deleted == 204)
    let (gone, error) = try api.send("GET", "/v1/products/shirt-1")
    #expect(gone == 404 && error["key"] == "not_found")
    #expect(api.sendouts.count == sent, "Voucherify sends no product webhooks")
  }

  @Test func aSKUBelongsToItsProductAndGoesWithIt() throws {
    let api = try InProcessAPI.served()
    let (_, product) = try api.send("POST", "/v1/products", body: #"{"source_id":"mug","attributes":["color"]}"#)
    let productID = try #require(product["id"]?.stringValue)
    let (status, sku) = try api.send(
      "POST", "/v1/products/mug/skus", body: #"{"source_id":"mug-red","sku":"Red mug","attributes":{"color":"red"}}"#)
    #expect(status == 200, "\(sku)")
    try InProcessAPI.expectValid(sku, "ProductsSkusCreateResponseBody")
    let id = try #require(sku["id"]?.stringValue)
    #expect(id.hasPrefix("sku_") && sku["product_id"]?.stringValue == productID && sku["object"] == "sku")
    #expect(sku["price"] == .null && sku["currency"] == .null && sku["updated_at"] == .null)
    for key in [id, "mug-red"] {
      let (got, read) = try api.send("GET", "/v1/skus/\(key)")
      #expect(got == 200 && read == sku, "GET by \(key)")
      try InProcessAPI.expectValid(read, "SkusGetResponseBody")
    }
    let (changed, updated) = try api.send(
      "PUT", "/v1/products/\(productID)/skus/\(id)", body: #"{"price":900,"currency":"EUR"}"#)
    #expect(changed == 200 && updated["price"] == 900 && updated["sku"] == "Red mug", "\(updated)")
    let (listed, skus) = try api.send("GET", "/v1/products/mug/skus")
    #expect(listed == 200 && skus["total"] == 1 && skus["data_ref"] == "skus")
    try InProcessAPI.expectValid(skus, "ProductsSkusListResponseBody")
    let (_, withSKU) = try api.send("GET", "/v1/products/mug")
    #expect(withSKU.value(atPath: "skus.data.0") == updated && withSKU.value(atPath: "skus.total") == 1)
    let (_, other) = try api.send("POST", "/v1/products", body: #"{"name":"Other"}"#)
    let otherID = try #require(other["id"]?.stringValue)
    let (wrongParent, _) = try api.send("DELETE", "/v1/products/\(otherID)/skus/\(id)")
    #expect(wrongParent == 404, "a SKU is deleted through its own product only")
    let (_, second) = try api.send("POST", "/v1/products/mug/skus", body: #"{"sku":"Blue mug"}"#)
    let secondID = try #require(second["id"]?.stringValue)
    let (deleted, _) = try api.send("DELETE", "/v1/products/mug/skus/\(id)")
    #expect(deleted == 204)
    let (gone, error) = try api.send("GET", "/v1/skus/\(id)")
    #expect(gone == 404 && error["key"] == "not_found")
    _ = try api.send("DELETE", "/v1/products/mug?force=true")
    let (orphan, _) = try api.send("GET", "/v1/skus/\(secondID)")
    #expect(orphan == 404, "deleting a product deletes its SKUs")
  }

  @Test func badCatalogCallsAreRefused() throws {
    let api = try InProcessAPI.served()
    try api.expectRefusals([
      ("POST", "/v1/products", #"{"name":"x","price":"cheap"}"#, 400, "invalid_payload", "price"),
      ("POST", "/v1/products", #"{"attributes":"size"}"#, 400, "invalid_payload", "attributes"),
      ("PUT", "/v1/products/nope", #"{"name":"x"}"#, 404, "not_found", "nope"),
      ("GET", "/v1/products/nope", nil, 404, "not_found", "Cannot find product with id nope"),
      ("POST", "/v1/products/nope/skus", #"{"sku":"x"}"#, 404, "not_found", "product"),
      ("GET", "/v1/products/nope/skus", nil, 404, "not_found", "product"),
      ("GET", "/v1/skus/nope", nil, 404, "not_found", "Cannot find sku with id nope"),
    ])
    let (_, product) = try api.send("POST", "/v1/products", body: #"{"name":"y"}"#)
    let id = try #require(product["id"]?.stringValue)
    try api.expectRefusals([
      ("POST", "/v1/products/\(id)/skus", #"{"price":1.5}"#, 400, "invalid_payload", "price"),
      ("PUT", "/v1/products/\(id)/skus/nope", #"{"sku":"x"}"#, 404, "not_found", "sku"),
    ])
  }
}

import SendoutCore
import Testing

/// Product collections through `sendout serve`: a STATIC collection keeps the products and SKUs sent, an AUTO_UPDATE
/// one evaluates its filter over the world's products when read (a product created later joins it), 404s for an
/// unknown or deleted one, 400/501 for a filter the mock cannot evaluate, no webhook, and the same ids when the same
/// calls are applied again (what a journal replay does). These operations answered 501 before.
@Suite struct ServeProductCollectionTests {
  /// Makes `body` at `path`, expecting 200; its `id`.
  static func made(_ api: InProcessAPI, _ path: String, _ body: String) throws -> String {
    let (status, answer) = try api.send("POST", path, body: body)
    #expect(status == 200, "\(path) \(body): \(answer)")
    return try #require(answer["id"]?.stringValue, "\(answer)")
  }

  @Test func aStaticCollectionKeepsItsProductsAndSKUs() throws {
    let api = try InProcessAPI.served()
    let sent = api.sendouts.count
    let shirt = try Self.made(api, "/v1/products", #"{"source_id":"shirt","name":"Shirt","price":2000}"#)
    let large = try Self.made(api, "/v1/products/\(shirt)/skus", #"{"source_id":"shirt-l","sku":"L","price":2100}"#)
    let mug = try Self.made(api, "/v1/products", #"{"source_id":"mug","name":"Mug","price":700}"#)
    let body =
      #"{"type":"STATIC","name":"Shirts","products":[{"id":"\#(mug)","object":"product"},"#
      + #"{"id":"\#(large)","product_id":"\#(shirt)","object":"sku"},{"id":"prod_unknown","object":"product"}]}"#
    let (status, collection) = try api.send("POST", "/v1/product-collections", body: body)
    #expect(status == 200, "\(collection)")
    try InProcessAPI.expectValid(collection, "ProductCollectionsCreateResponseBody")
    let id = try #require(collection["id"]?.stringValue)
    #expect(id.hasPrefix("pc_") && id.count == 27 && collection["object"] == "products_collection")
    #expect(collection["type"] == "STATIC" && collection["name"] == "Shirts" && collection["filter"] == nil)
    #expect(collection.value(atPath: "products.1.product_id")?.stringValue == shirt, "kept as sent")
    #expect(collection["products"]?.arrayValue?.count == 3, "an id the world does not know is kept")
    let (got, read) = try api.send("GET", "/v1/product-collections/\(id)")
    #expect(got == 200 && read == collection)
    let (listed, members) = try api.send("GET", "/v1/product-collections/\(id)/products")
    #expect(listed == 200, "\(members)")
    try InProcessAPI.expectValid(members, "ProductCollectionsProductsListResponseBody")
    #expect(members["total"] == 2, "the unknown product is not listed: \(members)")
    #expect(members.value(atPath: "data.0.id")?.stringValue == mug && members.value(atPath: "data.0.skus") == nil)
    #expect(members.value(atPath: "data.1.id")?.stringValue == large)
    #expect(members.value(atPath: "data.1.product.id")?.stringValue == shirt, "a SKU with its product")
    #expect(api.sendouts.count == sent, "Voucherify sends no product collection webhooks")
  }

  @Test func anAutoUpdateCollectionTakesAProductCreatedLater() throws {
    let api = try InProcessAPI.served()
    _ = try Self.made(api, "/v1/products", #"{"source_id":"pen","name":"Pen","price":500,"metadata":{"brand":"V"}}"#)
    _ = try Self.made(api, "/v1/products", #"{"source_id":"tv","name":"TV","price":90000,"metadata":{"brand":"V"}}"#)
    let filter =
      #"{"junction":"and","metadata.brand":{"conditions":{"$is":["V"]}},"price":{"conditions":{"$less_than":[1000]}}}"#
    let id = try Self.made(
      api, "/v1/product-collections", #"{"type":"AUTO_UPDATE","name":"Cheap V","filter":\#(filter)}"#)
    func names() throws -> [String] {
      let (status, body) = try api.send("GET", "/v1/product-collections/\(id)/products?limit=100")
      #expect(status == 200, "\(body)")
      return (body["data"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }
    #expect(try names() == ["Pen"], "the TV costs too much")
    _ = try Self.made(api, "/v1/products", #"{"source_id":"cup","name":"Cup","price":300,"metadata":{"brand":"V"}}"#)
    _ = try Self.made(api, "/v1/products", #"{"source_id":"zz-cap","name":"Cap","price":300,"metadata":{"brand":"W"}}"#)
    #expect(try names() == ["Pen", "Cup"], "a product created later joins; another brand does not")
    let (_, read) = try api.send("GET", "/v1/product-collections/\(id)")
    #expect(read["type"] == "AUTO_UPDATE" && read.value(atPath: "filter.junction") == "and" && read["products"] == nil)
    try InProcessAPI.expectValid(read, "ProductCollectionsGetResponseBody")
    let orID = try Self.made(
      api, "/v1/product-collections",
      #"{"name":"TV or cap","filter":{"junction":"OR","name":{"conditions":{"$is":["TV"]}},"source_id":{"conditions":{"$starts_with":["zz-ca"]}}}}"#
    )
    let (_, either) = try api.send("GET", "/v1/product-collections/\(orID)/products")
    #expect(either["total"] == 2, "`or` takes either field; no `type` with a filter is AUTO_UPDATE: \(either)")
  }

  @Test func listsDeletesAndAnswers404() throws {
    let api = try InProcessAPI.served()
    let (_, before) = try api.send("GET", "/v1/product-collections")
    let first = try Self.made(api, "/v1/product-collections", #"{"name":"A","products":[]}"#)
    api.moveClock(to: api.read { $0.now.adding(milliseconds: 1_000) })
    let second = try Self.made(api, "/v1/product-collections", #"{"type":"STATIC","name":"B"}"#)
    let (status, list) = try api.send("GET", "/v1/product-collections?order=-created_at&limit=100")
    #expect(status == 200 && list["total"]?.intValue == (before["total"]?.intValue ?? 0) + 2, "\(list)")
    #expect(list.value(atPath: "data.0.id")?.stringValue == second, "newest first")
    try InProcessAPI.expectValid(list, "ProductCollectionsListResponseBody")
    let (deleted, empty) = try api.send("DELETE", "/v1/product-collections/\(first)")
    #expect(deleted == 204 && empty == .null)
    try api.expectRefusals([
      ("GET", "/v1/product-collections/\(first)", nil, 404, "not_found", first),
      ("DELETE", "/v1/product-collections/\(first)", nil, 404, "not_found", first),
      ("GET", "/v1/product-collections/pc_nope/products", nil, 404, "not_found", "pc_nope"),
      ("POST", "/v1/product-collections", #"{"type":"AUTO_UPDATE","name":"x"}"#, 400, "invalid_payload", "`filter`"),
      (
        "POST", "/v1/product-collections", #"{"name":"x","filter":{"junction":"xor"}}"#, 400, "invalid_payload",
        "'xor'"
      ),
      (
        "POST", "/v1/product-collections",
        #"{"name":"x","filter":{"junction":"and","metadata.loc":{"conditions":{"$in_location":["loc_1"]}}}}"#, 501,
        "not_implemented", "$in_location"
      ),
      (
        "POST", "/v1/product-collections",
        #"{"name":"x","filter":{"junction":"and","attributes":{"conditions":{"$is":["a"]}}}}"#, 501,
        "not_implemented", "attributes"
      ),
      (
        "POST", "/v1/product-collections", #"{"name":"x","products":[{"id":"prod_1","object":"voucher"}]}"#, 400,
        "invalid_payload", "products.0.object"
      ),
    ])
  }

  @Test func theSameCallsGiveTheSameIDsAgain() throws {
    func run() throws -> [String] {
      let api = try InProcessAPI.served()
      let product = try Self.made(api, "/v1/products", #"{"name":"Pen","price":500}"#)
      return [
        product,
        try Self.made(
          api, "/v1/product-collections", #"{"name":"S","products":[{"id":"\#(product)","object":"product"}]}"#),
        try Self.made(
          api, "/v1/product-collections",
          #"{"name":"A","filter":{"junction":"and","price":{"conditions":{"$more_than":[1]}}}}"#),
      ]
    }
    let first = try run()
    #expect(try run() == first, "a replay of the journal gives every collection the id it had")
  }
}

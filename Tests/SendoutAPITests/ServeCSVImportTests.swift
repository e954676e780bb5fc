import SendoutCore
import Testing

/// The CSV imports: a `multipart/form-data` body whose `file` part is a CSV with Voucherify's documented headers
/// becomes an async action whose rows are applied when it falls due; a body that is no multipart, a file that is
/// no CSV (named by line and column) or a column the mock cannot hold is refused before anything changes.
@Suite struct ServeCSVImportTests {
  /// `csv` as the `file` part of a multipart body, as `curl -F file=@import.csv` sends it.
  static func multipart(_ csv: String, boundary: String = "------------------------d74496d66958873e") -> String {
    "--\(boundary)\r\ncontent-disposition: form-data; name=\"file\"; filename=\"import.csv\"\r\n"
      + "content-type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
  }

  @Test func customersAreImportedWithTheirAddressAndMetadata() throws {
    let api = try InProcessAPI.served()
    let csv = """
      Name,Email,Source_id,Address_City,Tier
      Ann,ann@x.io,csv-ann,Oslo,gold
      "Bob, Jr.",,csv-bob,,
      """
    let action = try ServeBulkUpdateTests.run(api, "/v1/customers/importCSV", Self.multipart(csv))
    #expect(action["type"] == "CUSTOMERS.IMPORT_CSV")
    #expect(action.value(atPath: "result.message") == "2 customer(s) imported successfully, 0 failed.", "\(action)")
    let (_, ann) = try api.send("GET", "/v1/customers/csv-ann")
    #expect(ann["email"] == "ann@x.io" && ann.value(atPath: "address.city") == "Oslo")
    #expect(ann.value(atPath: "metadata.Tier") == "gold", "an unmapped column is metadata")
    #expect(try api.send("GET", "/v1/customers/csv-bob").1["name"] == "Bob, Jr.")
    #expect(try api.bodies(of: "customer.created").count == 2)
  }

  @Test func productsAndSKUsAreImportedAndABadRowIsReportedByNumber() throws {
    let api = try InProcessAPI.served()
    let products = try ServeBulkUpdateTests.run(
      api, "/v1/products/importCSV",
      Self.multipart("name,source_id,price,attributes\nShirt,csv-shirt,2500,\"size,color\"\n,csv-nameless,1,\n"),
      status: 200)
    #expect(products.value(atPath: "result.done_count") == 1 && products.value(atPath: "result.failed.0.row") == 2)
    #expect(products.value(atPath: "result.failed.0.reason") == "name: property is required", "\(products)")
    let (_, shirt) = try api.send("GET", "/v1/products/csv-shirt")
    #expect(shirt["price"] == 2500 && shirt["attributes"] == ["size", "color"], "\(shirt)")
    let skus = try ServeBulkUpdateTests.run(
      api, "/v1/skus/importCSV",
      Self.multipart(
        "product_id,sku,source_id,price,attributes\ncsv-shirt,Shirt L,csv-shirt-l,2600,\"{'size':'L'}\"\n"
          + "csv-shirt,Shirt M,csv-shirt-m,lots,\n"),
      status: 200)
    #expect(skus.value(atPath: "result.done_count") == 1, "\(skus)")
    #expect(skus.value(atPath: "result.failed.0.reason") == "price: must be an integer (actual value is 'lots')")
    let (_, sku) = try api.send("GET", "/v1/skus/csv-shirt-l")
    #expect(sku["price"] == 2600 && sku.value(atPath: "attributes.size") == "L", "\(sku)")
  }

  @Test func codesAreImportedIntoACampaign() throws {
    let api = try InProcessAPI.served()
    let action = try ServeBulkUpdateTests.run(
      api, "/v1/campaigns/Welcome%20Offer/importCSV",
      Self.multipart("Code,Active,Note\r\nCSV-1,true,first\r\nCSV-2,false,\r\n"), status: 200)
    #expect(action["type"] == "CAMPAIGN.VOUCHERS_IMPORT_CSV" && action.value(atPath: "result.done_count") == 2)
    let (_, second) = try api.send("GET", "/v1/vouchers/CSV-2")
    #expect(second["active"] == false)
    #expect(try api.send("GET", "/v1/vouchers/CSV-1").1.value(atPath: "metadata.Note") == "first")
    let standalone = try ServeBulkUpdateTests.run(
      api, "/v1/vouchers/importCSV", Self.multipart("Code,Start Date\nCSV-3,2024-01-01\n"))
    #expect(standalone.value(atPath: "result.failed.0.code") == "CSV-3", "standalone codes are not simulated")
  }

  @Test func aBadBodyOrFileIsRefusedNamingWhereAndChangesNothing() throws {
    let api = try InProcessAPI.served()
    try api.expectRefusals([
      ("POST", "/v1/customers/importCSV", #"{"file":"a.csv"}"#, 400, "invalid_payload", "multipart/form-data"),
      (
        "POST", "/v1/customers/importCSV", "--b\r\ncontent-disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--",
        400, "invalid_payload", "no `file` part"
      ),
      ("POST", "/v1/customers/importCSV", "--b\r\n\r\nx", 400, "invalid_payload", "closing boundary"),
      (
        "POST", "/v1/customers/importCSV", Self.multipart("Name,Email\nAnn,\"ann@x.io\nBob,b"), 400,
        "invalid_payload", "line 2, column 5: the double quote opened here is never closed"
      ),
      (
        "POST", "/v1/customers/importCSV", Self.multipart("Name,Email\nA\"nn,a\n"), 400, "invalid_payload",
        "line 2, column 2"
      ),
      ("POST", "/v1/customers/importCSV", Self.multipart("Name,Email\nAnn\n"), 400, "invalid_payload", "1 fields"),
      (
        "POST", "/v1/customers/importCSV", Self.multipart("Name,my tier\nAnn,gold\n"), 400, "invalid_payload",
        "my tier"
      ),
      ("POST", "/v1/customers/importCSV", Self.multipart(""), 400, "invalid_payload", "no header"),
      (
        "POST", "/v1/campaigns/Welcome%20Offer/importCSV", Self.multipart("Code,Gift Amount\nG-1,100\n"), 501,
        "not_implemented", "Gift Amount"
      ),
    ])
    #expect(api.read { $0.asyncActions.isEmpty }, "no action was accepted")
  }

  @Test func aBodyThatIsNoUTF8IsRefused() throws {
    let api = try InProcessAPI.served()
    let bytes = Array(Self.multipart("Name\nAnn\n").utf8).map { $0 == UInt8(ascii: "A") ? 0xC3 : $0 }
    let (status, error) = api.call("POST", "/v1/customers/importCSV", bytes: bytes)
    #expect(status == 400 && error?["details"]?.stringValue?.contains("UTF-8") == true, "\(String(describing: error))")
  }
}

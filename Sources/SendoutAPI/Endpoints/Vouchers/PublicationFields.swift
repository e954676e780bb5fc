import SendoutCore

/// What a publication request names, from the JSON body (`POST /v1/publications`) or the deep-object query
/// (`GET /v1/publications/create?customer[source_id]=…&campaign[name]=…`): the customer, the campaign and the code.
struct PublicationFields {
  /// The customer's id or `source_id`.
  var customer: String?
  /// The campaign's name or id.
  var campaign: String?
  /// A specific code to publish.
  var voucher: String?

  init(_ request: APIRequest) {
    let body = request.body
    let query = request.query
    customer =
      body["customer"]?["id"]?.stringValue ?? body["customer"]?["source_id"]?.stringValue
      ?? body["customer"]?.stringValue ?? query["customer[id]"] ?? query["customer[source_id]"] ?? query["customer"]
    campaign =
      body["campaign"]?["name"]?.stringValue ?? body["campaign"]?["id"]?.stringValue ?? body["campaign"]?.stringValue
      ?? query["campaign[name]"] ?? query["campaign[id]"] ?? query["campaign"]
    voucher = body["voucher"]?.stringValue ?? query["voucher"]
  }
}

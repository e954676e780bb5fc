import SendoutAPI
import SendoutCore
import Testing

/// The project's metadata schemas and custom event schemas: kept by the Management API, read by the project API, and
/// enforced as Voucherify's schema validator does (a required definition must be given when a resource is created; a
/// value given must have its definition's type), on customers, orders, products, campaigns, vouchers and custom events.
@Suite struct ServeMetadataSchemaTests {
  static let customerSchema =
    #"{"related_object":"customer","allow_defined_only":false,"properties":{"tier":{"type":"string","optional":false},"#
    + #""score":{"type":"number","optional":true},"tags":{"type":"string","array":true,"optional":true}}}"#

  @Test func aMetadataSchemaIsCreatedReadByIdAndByResourceChangedAndDeleted() throws {
    let server = try InProcessAPI.served()
    let path = "/management/v1/projects/\(server.projectID)/metadata-schemas"
    let (status, made) = try server.send("POST", path, body: Self.customerSchema)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, "ManagementProjectsMetadataSchemasCreateResponseBody")
    #expect(made["allow_defined_only"] == false && made["updated_at"] == .null)
    let id = try #require(made["id"]?.stringValue)
    #expect(id.hasPrefix("ms_"))
    let (_, read) = try server.send("GET", "\(path)/\(id)")
    #expect(read == made)
    let (_, byResource) = try server.send("GET", "/v1/metadata-schemas/customer")
    #expect(byResource == made)
    let (_, listed) = try server.send("GET", "/v1/metadata-schemas")
    #expect(listed["data_ref"] == "schemas" && listed["schemas"]?.arrayValue == [made], "\(listed)")
    let (changedStatus, changed) = try server.send(
      "PUT", "\(path)/\(id)", body: #"{"properties":{"vip":{"type":"boolean","optional":true}}}"#)
    #expect(changedStatus == 200 && changed.value(atPath: "properties.vip.type") == "boolean", "\(changed)")
    #expect(changed.value(atPath: "properties.tier") == made.value(atPath: "properties.tier"), "the others are kept")
    #expect(changed["updated_at"]?.stringValue != nil && changed["created_at"] == made["created_at"])
    let (_, managementList) = try server.send("GET", path)
    #expect(managementList["data"]?.arrayValue == [changed] && managementList["total"] == 1)
    try server.expectRefusals([
      ("POST", path, Self.customerSchema, 409, "duplicate_found", "update it instead"),
      ("POST", path, #"{"related_object":"order"}"#, 400, "invalid_payload", "`properties`"),
      (
        "POST", path, #"{"related_object":"order","properties":{"x":{}}}"#, 400, "invalid_payload",
        "`properties.x.type`"
      ),
      ("PUT", "\(path)/\(id)", #"{"properties":{"tier":{"type":"number"}}}"#, 400, "invalid_payload", "cannot change"),
      ("GET", "/v1/metadata-schemas/order", nil, 404, "not_found", "order"),
      ("GET", "/management/v1/projects/proj_nope/metadata-schemas/\(id)", nil, 404, "not_found", "proj_nope"),
    ])
    let (deleted, _) = try server.send("DELETE", "\(path)/\(id)")
    #expect(deleted == 204)
    for (method, target) in [
      ("GET", "\(path)/\(id)"), ("DELETE", "\(path)/\(id)"), ("GET", "/v1/metadata-schemas/customer"),
    ] {
      let (gone, error) = try server.send(method, target)
      #expect(gone == 404 && error["key"] == "not_found", "\(method) \(target): \(error)")
    }
    #expect(server.sendouts.isEmpty, "metadata schemas send no webhook")
  }

  @Test func aCustomerSchemaIsEnforcedOnCreationAndUpdate() throws {
    let server = try InProcessAPI.served()
    let (before, _) = try server.send("POST", "/v1/customers", body: #"{"source_id":"free"}"#)
    #expect(before == 200, "no schema, no check")
    _ = try server.send(
      "POST", "/management/v1/projects/\(server.projectID)/metadata-schemas", body: Self.customerSchema)
    let count = server.read { $0.customers.count }
    try server.expectRefusals([
      ("POST", "/v1/customers", #"{"source_id":"new"}"#, 400, "invalid_payload", "`metadata.tier` is required"),
      (
        "POST", "/v1/customers", #"{"metadata":{"tier":5}}"#, 400, "invalid_payload", "`metadata.tier` must be a string"
      ),
      (
        "POST", "/v1/customers", #"{"metadata":{"tier":"gold","tags":"a"}}"#, 400, "invalid_payload",
        "`metadata.tags` must be an array of string"
      ),
      ("PUT", "/v1/customers/free", #"{"metadata":{"score":"high"}}"#, 400, "invalid_payload", "`metadata.score`"),
    ])
    #expect(server.read { $0.customers.count } == count, "a refused write changes nothing")
    let (made, customer) = try server.send(
      "POST", "/v1/customers", body: #"{"source_id":"new","metadata":{"tier":"gold","score":3.5,"tags":["a"]}}"#)
    #expect(made == 200, "\(customer)")
    let (upserted, _) = try server.send("POST", "/v1/customers", body: #"{"source_id":"free","name":"Free"}"#)
    #expect(upserted == 200, "an upsert of an existing customer updates it: the required key is not asked for")
    let (updated, _) = try server.send("PUT", "/v1/customers/free", body: #"{"metadata":{"score":7}}"#)
    #expect(updated == 200, "an update gives only what it changes")
  }

  /// A write of each checked resource type, made while its schema requires `ref`.
  static let writes: [(resource: String, path: String, body: String)] = [
    ("order", "/v1/orders", #"{"amount":100}"#),
    ("product", "/v1/products", #"{"name":"Mug"}"#),
    ("campaign", "/v1/campaigns", #"{"name":"Meta","campaign_type":"DISCOUNT_COUPONS","vouchers_count":1}"#),
    ("voucher", "/v1/vouchers", #"{"campaign":"Welcome Offer"}"#),
  ]

  @Test(arguments: writes.indices) func aRequiredDefinitionIsAskedForWhenAResourceIsCreated(_ n: Int) throws {
    let (resource, path, body) = Self.writes[n]
    let server = try InProcessAPI.served()
    let (_, schema) = try server.send(
      "POST", "/management/v1/projects/\(server.projectID)/metadata-schemas",
      body: #"{"related_object":"\#(resource)","properties":{"ref":{"type":"string","optional":false}}}"#)
    try server.expectRefusals([("POST", path, body, 400, "invalid_payload", "`metadata.ref` is required")])
    let given = String(body.dropLast()) + #","metadata":{"ref":"R-1"}}"#
    let (made, answer) = try server.send("POST", path, body: given)
    #expect(made == 200, "\(resource): \(answer)")
    let schemaID = try #require(schema["id"]?.stringValue)
    _ = try server.send("DELETE", "/management/v1/projects/\(server.projectID)/metadata-schemas/\(schemaID)")
    let (free, _) = try server.send("POST", path, body: body.replacingOccurrences(of: "Meta", with: "Free"))
    #expect(free == 200, "\(resource): a deleted schema checks nothing")
  }

  @Test func aCustomEventSchemaIsKeptAndTrackedEventsAreCheckedAgainstIt() throws {
    let server = try InProcessAPI.served()
    let path = "/management/v1/projects/\(server.projectID)/custom-event-schemas"
    let (status, made) = try server.send(
      "POST", path,
      body: #"{"name":"reviewed","schema":{"properties":{"rating":{"type":"number","optional":false}}}}"#)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, "ManagementProjectsCustomEventSchemasCreateResponseBody")
    let id = try #require(made["id"]?.stringValue)
    let (_, read) = try server.send("GET", "\(path)/\(id)")
    #expect(read == made)
    _ = try server.send("POST", "/v1/customers", body: #"{"source_id":"rev"}"#)
    let event = #"{"event":"reviewed","customer":{"source_id":"rev"}"#
    try server.expectRefusals([
      ("POST", "/v1/events", event + "}", 400, "invalid_payload", "`metadata.rating` is required"),
      ("POST", "/v1/events", event + #","metadata":{"rating":"5"}}"#, 400, "invalid_payload", "`metadata.rating`"),
      ("POST", path, #"{"name":"reviewed","schema":{}}"#, 409, "duplicate_found", "reviewed"),
      ("POST", path, #"{"name":"x"}"#, 400, "invalid_payload", "`schema`"),
      (
        "POST", path, #"{"name":"x","schema":{"properties":{"a":{"type":"string"}}}}"#, 400, "invalid_payload",
        "`schema.properties.a.optional`"
      ),
    ])
    let (tracked, answer) = try server.send("POST", "/v1/events", body: event + #","metadata":{"rating":5}}"#)
    #expect(tracked == 200, "\(answer)")
    let (_, changed) = try server.send(
      "PUT", "\(path)/\(id)", body: #"{"schema":{"properties":{"rating":{"type":"number","optional":true}}}}"#)
    #expect(changed.value(atPath: "schema.properties.rating.optional") == true, "\(changed)")
    let (optional, _) = try server.send("POST", "/v1/events", body: event + "}")
    #expect(optional == 200, "the definition is optional now")
    let (_, auto) = try server.send("POST", "/v1/events", body: #"{"event":"new_one","customer":{"source_id":"rev"}}"#)
    #expect(auto["type"] == "new_one")
    let (_, list) = try server.send("GET", path)
    #expect(list["data"]?.arrayValue?.contains { $0["name"] == "new_one" } == true, "a tracked event gets a schema")
    let (deleted, _) = try server.send("DELETE", "\(path)/\(id)")
    let (gone, _) = try server.send("GET", "\(path)/\(id)")
    #expect(deleted == 204 && gone == 404)
  }
}

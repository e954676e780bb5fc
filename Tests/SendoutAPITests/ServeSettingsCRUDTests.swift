import Foundation
import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

/// The resources that send no webhook, through the generic resource: one table row per resource, each taken
/// through create, get, update, list, delete and the 404 after it, every answer checked against the spec's schema
/// for its operation, no sendout made, and bad bodies answered 400 naming the field.
@Suite struct ServeSettingsCRUDTests {
  /// A resource: its path, `operationId` stem (`category` → `create-category`…), its list's array key, a creation,
  /// an update and the field it changes, and bad creation bodies with the field each 400 must name.
  struct Resource: Sendable, CustomTestStringConvertible {
    let path: String
    let stem: String
    let listKey: String
    let create: String
    let update: String
    let changed: (String, JSON)
    let bad: [(body: String, field: String)]
    /// Whether the object says when it was created and updated.
    var stamped = true
    var testDescription: String { stem }
  }

  static let resources = [
    Resource(
      path: "/v1/categories", stem: "category", listKey: "data", create: #"{"name":"Summer","hierarchy":5}"#,
      update: #"{"name":"Autumn"}"#, changed: ("name", "Autumn"),
      bad: [
        (#"{"hierarchy":2}"#, "`name`"), (#"{"name":5}"#, "`name`"), (#"{"name":"x","hierarchy":-1}"#, "`hierarchy`"),
        (#"{"name":"x","hierarchy":"high"}"#, "`hierarchy`"),
      ]),
    Resource(
      path: "/v1/templates/campaigns", stem: "campaign-template", listKey: "campaign_templates",
      create: #"{"name":"Summer template","description":"from the coupons","campaign_id":"Welcome Offer"}"#,
      update: #"{"description":"changed"}"#, changed: ("description", "changed"),
      bad: [
        (#"{"campaign_id":"Welcome Offer"}"#, "`name`"), (#"{"name":"x"}"#, "`campaign_id`"),
        (#"{"name":"x","campaign_id":"{loyalty}"}"#, "`campaign_id`"),
        (#"{"name":"Summer template","campaign_id":"Welcome Offer"}"#, "`name`"),
        (#"{"name":"x","campaign_id":"Welcome Offer","promotion_tier_id":"promo_1"}"#, "`promotion_tier_id`"),
      ]),
    Resource(
      path: "/management/v1/projects/{project}/branding", stem: "brand", listKey: "data",
      create: #"{"brand":{"name":"Acme","website_url":"acme.example"},"address":{"city":"Oslo"}}"#,
      update: #"{"contact":{"phone":"+47 1"}}"#, changed: ("contact", ["phone": "+47 1"]),
      bad: [
        (#"{"brand":{"website_url":"acme.example"}}"#, "`brand.name`"), (#"{"brand":{"name":5}}"#, "`brand.name`"),
        (#"{"brand":{"name":"x","website_url":"not a url"}}"#, "`brand.website_url`"),
        (#"{"brand":{"name":"x"},"contact":{"email":"nobody"}}"#, "`contact.email`"),
      ], stamped: false),
  ]

  /// The spec's 200 schema of `operation`.
  static func schema(_ operation: String) throws -> String {
    try #require(APIOperation.specResponseSchemas[operation]?[200], "\(operation) has a 200 schema")
  }

  @Test(arguments: resources) func aResourceIsCreatedReadChangedListedAndDeleted(_ resource: Resource) throws {
    let server = try InProcessAPI.served()
    let loyalty = try #require(server.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let path = resource.path.replacingOccurrences(of: "{project}", with: server.projectID)
    let (status, made) = try server.send("POST", path, body: resource.create)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, try Self.schema("create-\(resource.stem)"))
    let id = try #require(made["id"]?.stringValue)
    let (got, read) = try server.send("GET", "\(path)/\(id)")
    #expect(got == 200 && read == made)
    try InProcessAPI.expectValid(read, try Self.schema("get-\(resource.stem)"))
    let (changedStatus, changed) = try server.send("PUT", "\(path)/\(id)", body: resource.update)
    #expect(changedStatus == 200 && changed[resource.changed.0] == resource.changed.1, "\(changed)")
    #expect(
      !resource.stamped || changed["updated_at"]?.stringValue != nil && changed["created_at"] == made["created_at"])
    try InProcessAPI.expectValid(changed, try Self.schema("update-\(resource.stem)"))
    let (listed, list) = try server.send("GET", path)
    // The list's schema: ResponseSchemaTests (it knows the spec's contradictions about the templates' list).
    #expect(listed == 200 && list["object"] == "list" && list["data_ref"] == .string(resource.listKey))
    let items = list[resource.listKey]?.arrayValue ?? []
    #expect(items.last == changed && list["total"] == .int(items.count), "\(list)")
    for (body, field) in resource.bad {
      let filled = body.replacingOccurrences(of: "{loyalty}", with: loyalty)
      let (refused, error) = try server.send("POST", path, body: filled)
      #expect(refused == 400 && error["details"]?.stringValue?.contains(field) == true, "\(body): \(error)")
    }
    let (deleted, _) = try server.send("DELETE", "\(path)/\(id)")
    #expect(deleted == 204)
    for method in ["GET", "PUT", "DELETE"] {
      let (gone, error) = try server.send(method, "\(path)/\(id)", body: method == "PUT" ? "{}" : nil)
      #expect(gone == 404 && error["key"] == "not_found", "\(method): \(error)")
    }
    #expect(server.sendouts.isEmpty, "these resources send no webhook")
  }

  @Test func aCategoryUpdateKeepsWhatItDoesNotName() throws {
    let server = try InProcessAPI.served()
    let (_, made) = try server.send("POST", "/v1/categories", body: #"{"name":"Summer"}"#)
    let id = try #require(made["id"]?.stringValue)
    #expect(made["hierarchy"]?.intValue ?? 0 > 0, "placed after the sample's categories")
    let (_, moved) = try server.send("PUT", "/v1/categories/\(id)", body: #"{"hierarchy":0}"#)
    #expect(moved["hierarchy"] == 0 && moved["name"] == "Summer")
  }

  @Test func aTemplateFromAPromotionTierIsADiscountCouponsOne() throws {
    let server = try InProcessAPI.served()
    let tier = try #require(server.read { $0.promotionTiers.first?.id })
    let (status, made) = try server.send(
      "POST", "/v1/templates/campaigns", body: #"{"name":"From a tier","promotion_tier_id":"\#(tier)"}"#)
    #expect(status == 200 && made["campaign_type"] == "DISCOUNT_COUPONS", "\(made)")
    let (missing, error) = try server.send(
      "POST", "/v1/templates/campaigns", body: #"{"name":"Nowhere","promotion_tier_id":"promo_nope"}"#)
    #expect(missing == 404 && error["key"] == "not_found")
  }

  @Test func aBrandIsOneAProjectsAndOnlyTheServedProjects() throws {
    let server = try InProcessAPI.served()
    let path = "/management/v1/projects/\(server.projectID)/branding"
    let (made, _) = try server.send("POST", path, body: #"{"brand":{"name":"Acme"}}"#)
    #expect(made == 200)
    let (second, error) = try server.send("POST", path, body: #"{"brand":{"name":"Other"}}"#)
    #expect(second == 400 && error["details"]?.stringValue?.contains("update it instead") == true, "\(error)")
    let (other, missing) = try server.send("GET", "/management/v1/projects/proj_nope/branding")
    #expect(other == 404 && missing["details"]?.stringValue?.contains("proj_nope") == true, "\(missing)")
    let (_, list) = try server.send("GET", path)
    #expect(list.value(atPath: "data.0.brand.permission_reminder")?.stringValue?.hasPrefix("You are receiving") == true)
  }
}

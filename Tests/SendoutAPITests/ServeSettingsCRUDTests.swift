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
  ]

  /// The spec's 200 schema of `operation`.
  static func schema(_ operation: String) throws -> String {
    try #require(APIOperation.specResponseSchemas[operation]?[200], "\(operation) has a 200 schema")
  }

  @Test(arguments: resources) func aResourceIsCreatedReadChangedListedAndDeleted(_ resource: Resource) throws {
    let server = try InProcessAPI.served()
    let loyalty = try #require(server.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let (status, made) = try server.send("POST", resource.path, body: resource.create)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, try Self.schema("create-\(resource.stem)"))
    let id = try #require(made["id"]?.stringValue)
    let (got, read) = try server.send("GET", "\(resource.path)/\(id)")
    #expect(got == 200 && read == made)
    try InProcessAPI.expectValid(read, try Self.schema("get-\(resource.stem)"))
    let (changedStatus, changed) = try server.send("PUT", "\(resource.path)/\(id)", body: resource.update)
    #expect(changedStatus == 200 && changed[resource.changed.0] == resource.changed.1, "\(changed)")
    #expect(changed["updated_at"]?.stringValue != nil && changed["created_at"] == made["created_at"])
    try InProcessAPI.expectValid(changed, try Self.schema("update-\(resource.stem)"))
    let (listed, list) = try server.send("GET", resource.path)
    // The list's schema: ResponseSchemaTests (it knows the spec's contradictions about the templates' list).
    #expect(listed == 200 && list["object"] == "list" && list["data_ref"] == .string(resource.listKey))
    let items = list[resource.listKey]?.arrayValue ?? []
    #expect(items.last == changed && list["total"] == .int(items.count), "\(list)")
    for (body, field) in resource.bad {
      let filled = body.replacingOccurrences(of: "{loyalty}", with: loyalty)
      let (refused, error) = try server.send("POST", resource.path, body: filled)
      #expect(refused == 400 && error["details"]?.stringValue?.contains(field) == true, "\(body): \(error)")
    }
    let (deleted, _) = try server.send("DELETE", "\(resource.path)/\(id)")
    #expect(deleted == 204)
    for method in ["GET", "PUT", "DELETE"] {
      let (gone, error) = try server.send(method, "\(resource.path)/\(id)", body: method == "PUT" ? "{}" : nil)
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
}

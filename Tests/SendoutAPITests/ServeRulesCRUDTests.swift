import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Promotion tiers, segments, validation rules and their assignments through `sendout serve`: each answer
/// validated against the spec's schema, each webhook carrying the ids of the answer, and the main errors.
@Suite struct ServeRulesCRUDTests {
  func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try InProcessAPI.expectValid(body, schema, sourceLocation: sourceLocation)
  }

  @Test func promotionTiersAreListedCreatedChangedAndDeleted() throws {
    let server = try InProcessAPI.served()
    let (listed, all) = try server.send("GET", "/v1/promotions/tiers")
    #expect(listed == 200, "\(all)")
    try expectValid(all, "PromotionsTiersListResponseBody")
    #expect(all["total"] == 2, "the sample world's two tiers")
    let campaignID = try #require(all.value(atPath: "tiers.0.campaign_id")?.stringValue)
    let (status, tier) = try server.send(
      "POST", "/v1/promotions/\(campaignID)/tiers",
      body: #"{"name":"20 off","banner":"Twenty off","action":{"discount":{"type":"AMOUNT","amount_off":2000}}}"#)
    #expect(status == 200, "\(tier)")
    try expectValid(tier, "PromotionsTiersCreateResponseBody")
    let id = try #require(tier["id"]?.stringValue)
    #expect(tier["banner"] == "Twenty off" && tier.value(atPath: "action.discount.amount_off") == 2000)
    let (got, read) = try server.send("GET", "/v1/promotions/tiers/\(id)")
    #expect(got == 200 && read == tier)
    try expectValid(read, "PromotionsTiersGetResponseBody")
    let (ofCampaign, tiers) = try server.send("GET", "/v1/promotions/\(campaignID)/tiers")
    #expect(ofCampaign == 200 && tiers["total"] == 3)
    let (changed, updated) = try server.send("PUT", "/v1/promotions/tiers/\(id)", body: #"{"banner":"New"}"#)
    #expect(changed == 200 && updated["banner"] == "New", "\(updated)")
    try expectValid(updated, "PromotionsTiersUpdateResponseBody")
    let (disabled, off) = try server.send("POST", "/v1/promotions/tiers/\(id)/disable")
    #expect(disabled == 200 && off["active"] == false)
    try expectValid(off, "PromotionsTiersDisableResponseBody")
    let (_, available) = try server.send("GET", "/v1/promotions/tiers?is_available=true")
    #expect(available["total"] == 2, "a disabled tier is not available")
    let (enabled, on) = try server.send("POST", "/v1/promotions/tiers/\(id)/enable")
    #expect(enabled == 200 && on["active"] == true)
    try expectValid(on, "PromotionsTiersEnableResponseBody")
    let (deleted, _) = try server.send("DELETE", "/v1/promotions/tiers/\(id)")
    #expect(deleted == 204)
    let (gone, error) = try server.send("GET", "/v1/promotions/tiers/\(id)")
    #expect(gone == 404 && error["key"] == "not_found")

    for type in ["created", "updated", "disabled", "enabled", "deleted"] {
      let bodies = try server.bodies(of: "campaign.promotion_tier.\(type)")
      #expect(bodies.map { $0.value(atPath: "data.promotion_tier.id")?.stringValue } == [id], "\(type)")
    }
    let (wrong, notPromotion) = try server.send(
      "POST", "/v1/promotions/Welcome%20Offer/tiers",
      body: #"{"name":"x","action":{"discount":{"type":"AMOUNT","amount_off":1}}}"#)
    #expect(wrong == 400 && notPromotion["key"] == "invalid_campaign_params")
    let (noDiscount, missing) = try server.send(
      "POST", "/v1/promotions/\(campaignID)/tiers", body: #"{"name":"x"}"#)
    #expect(noDiscount == 400 && missing["details"]?.stringValue?.contains("`action.discount`") == true)
  }

  @Test func aStaticSegmentIsCreatedReadAndDeleted() throws {
    let server = try InProcessAPI.served()
    let (_, customer) = try server.send("POST", "/v1/customers", body: #"{"source_id":"oli"}"#)
    let (status, segment) = try server.send(
      "POST", "/v1/segments", body: #"{"name":"VIP","type":"static","customers":["oli"]}"#)
    #expect(status == 200, "\(segment)")
    try expectValid(segment, "SegmentsCreateResponseBody")
    let id = try #require(segment["id"]?.stringValue)
    let (got, read) = try server.send("GET", "/v1/segments/\(id)")
    #expect(got == 200 && read == segment)
    try expectValid(read, "SegmentsGetResponseBody")
    let (_, members) = try server.send("GET", "/v1/customers?segment_id=\(id)")
    #expect(members["total"] == 1 && members.value(atPath: "customers.0.id") == customer["id"])
    let (inStatus, memberships) = try server.send("GET", "/v1/customers/oli/segments")
    #expect(inStatus == 200 && memberships["total"] == 1 && memberships.value(atPath: "data.0.id")?.stringValue == id)
    try expectValid(memberships, "CustomersSegmentsListResponseBody")
    let (deleted, _) = try server.send("DELETE", "/v1/segments/\(id)")
    #expect(deleted == 204)
    let (gone, _) = try server.send("GET", "/v1/segments/\(id)")
    #expect(gone == 404)
    let (dynamic, refused) = try server.send(
      "POST", "/v1/segments", body: #"{"name":"Auto","type":"auto-update","filter":{}}"#)
    #expect(dynamic == 501 && refused["key"] == "not_implemented")
    let (unknown, _) = try server.send("POST", "/v1/segments", body: #"{"name":"X","customers":["nobody"]}"#)
    #expect(unknown == 404)
    // customer.segment.entered is a distribution event: the project's "all events" webhook never gets it.
    #expect(server.sendouts.allSatisfy { $0.eventType != "customer.segment.entered" })
  }

  @Test func validationRulesAndAssignmentsAreManaged() throws {
    let server = try InProcessAPI.served()
    let body =
      #"{"name":"Big orders","rules":{"1":{"name":"order.amount","conditions":{"$more_than":[10000]}},"logic":"1"}}"#
    let (status, rule) = try server.send("POST", "/v1/validation-rules", body: body)
    #expect(status == 200, "\(rule)")
    try expectValid(rule, "ValidationRulesCreateResponseBody")
    let id = try #require(rule["id"]?.stringValue)
    #expect(rule.value(atPath: "rules.1.conditions.$more_than.0") == 10000)
    let (got, read) = try server.send("GET", "/v1/validation-rules/\(id)")
    #expect(got == 200 && read == rule)
    try expectValid(read, "ValidationRulesGetResponseBody")
    let (listed, list) = try server.send("GET", "/v1/validation-rules?order=-created_at")
    #expect(listed == 200 && list["total"] == 2 && list.value(atPath: "data.0.id")?.stringValue == id)
    try expectValid(list, "ValidationRulesListResponseBody")
    let (changed, updated) = try server.send(
      "PUT", "/v1/validation-rules/\(id)",
      body: #"{"rules":{"1":{"name":"order.amount","conditions":{"$more_than":[20000]}}}}"#)
    #expect(changed == 200 && updated.value(atPath: "rules.1.conditions.$more_than.0") == 20000, "\(updated)")
    try expectValid(updated, "ValidationRulesUpdateResponseBody")

    let (assigned, assignment) = try server.send(
      "POST", "/v1/validation-rules/\(id)/assignments",
      body: #"{"related_object_type":"campaign","related_object_id":"Welcome Offer"}"#)
    #expect(assigned == 200, "\(assignment)")
    try expectValid(assignment, "ValidationRulesAssignmentsCreateResponseBody")
    let assignmentID = try #require(assignment["id"]?.stringValue)
    let (again, duplicate) = try server.send(
      "POST", "/v1/validation-rules/\(id)/assignments",
      body: #"{"related_object_type":"campaign","related_object_id":"Welcome Offer"}"#)
    #expect(again == 409 && duplicate["key"] == "duplicate_found")
    let (_, ofRule) = try server.send("GET", "/v1/validation-rules/\(id)/assignments")
    #expect(ofRule["total"] == 1 && ofRule.value(atPath: "data.0.id")?.stringValue == assignmentID)
    try expectValid(ofRule, "ValidationRulesAssignmentsListResponseBody")
    let campaignID = try #require(assignment["related_object_id"]?.stringValue)
    let (_, byObject) = try server.send("GET", "/v1/validation-rules-assignments?related_object_id=\(campaignID)")
    #expect(byObject["total"] == 1)
    try expectValid(byObject, "ValidationRulesAssignmentsListResponseBody")
    let (unassigned, _) = try server.send("DELETE", "/v1/validation-rules/\(id)/assignments/\(assignmentID)")
    #expect(unassigned == 204)
    let (deleted, _) = try server.send("DELETE", "/v1/validation-rules/\(id)")
    #expect(deleted == 204)
    let (gone, _) = try server.send("GET", "/v1/validation-rules/\(id)")
    #expect(gone == 404)

    let last = "business_validation_rule.deleted"
    for type in ["business_validation_rule.created", "business_validation_rule.updated", last] {
      let bodies = try server.bodies(of: type)
      #expect(bodies.map { $0.value(atPath: "data.rule.id")?.stringValue } == [id], "\(type)")
    }
    for type in ["business_validation_rule.assignment.created", "business_validation_rule.assignment.deleted"] {
      let bodies = try server.bodies(of: type)
      #expect(bodies.map { $0.value(atPath: "data.assignment.id")?.stringValue } == [assignmentID], "\(type)")
    }
  }

  @Test func validationRuleErrorsNameTheField() throws {
    let server = try InProcessAPI.served()
    let cases: [InProcessAPI.Refusal] = [
      ("POST", "/v1/validation-rules", #"{"rules":{}}"#, 400, "invalid_validation_rules", "`name`"),
      (
        "POST", "/v1/validation-rules",
        #"{"name":"x","rules":{"1":{"name":"order.amount","conditions":{"$more_than":["5"]}}}}"#,
        400, "invalid_validation_rules", "`rules.1.conditions.$more_than.0`"
      ),
      (
        "POST", "/v1/validation-rules", #"{"name":"x","rules":{"1":{"name":"customer.metadata","conditions":{}}}}"#,
        400, "invalid_validation_rules", "`rules.1.property`"
      ),
      ("GET", "/v1/validation-rules/val_nope", nil, 404, "not_found", nil),
      ("POST", "/v1/validation-rules/val_nope/assignments", #"{"related_object_id":"x"}"#, 404, "not_found", nil),
      ("GET", "/v1/segments/seg_nope", nil, 404, "not_found", nil),
      ("DELETE", "/v1/promotions/tiers/promo_nope", nil, 404, "not_found", nil),
    ]
    try server.expectRefusals(cases)
  }

  @Test func refereesAreAddedListedAndRemovedFromAReferralCode() throws {
    let server = try InProcessAPI.served()
    let (_, publication) = try server.send(
      "POST", "/v1/publications", body: #"{"customer":{"source_id":"pat"},"campaign":{"name":"Refer a Friend"}}"#)
    let code = try #require(publication.value(atPath: "voucher.code")?.stringValue, "\(publication)")
    let campaignID = try #require(publication.value(atPath: "voucher.campaign_id")?.stringValue)
    let (status, added) = try server.send(
      "POST", "/v1/referrals/\(campaignID)/members/\(code)/holders", body: #"{"holders":[{"source_id":"quinn"}]}"#)
    #expect(status == 200, "\(added)")
    try expectValid(added, "ReferralsMembersHoldersCreateInBulkResponseBody")
    let holder = try #require(added.value(atPath: "holders.0"))
    #expect(holder["holder_role"] == "REFEREE")
    let (listed, list) = try server.send("GET", "/v1/referrals/members/\(code)/holders")
    #expect(listed == 200 && list["total"] == 2, "the referrer and the referee: \(list)")
    try expectValid(list, "ReferralsMembersHoldersListResponseBody")
    let holderID = try #require(holder["id"]?.stringValue)
    let (removed, _) = try server.send("DELETE", "/v1/referrals/members/\(code)/holders/\(holderID)")
    #expect(removed == 204)
    let (again, _) = try server.send("DELETE", "/v1/referrals/members/\(code)/holders/\(holderID)")
    #expect(again == 404)
    let (notReferral, error) = try server.send("GET", "/v1/referrals/members/NOPE/holders")
    #expect(notReferral == 404 && error["key"] == "not_found")
    let (empty, missing) = try server.send("POST", "/v1/referrals/members/\(code)/holders", body: "{}")
    #expect(empty == 400 && missing["details"]?.stringValue?.contains("`holders`") == true)
    let created = try server.bodies(of: "customer.holder.assignment.created")
    let referees = created.filter { $0.value(atPath: "data.holder.holder_role") == "REFEREE" }
    #expect(referees.map { $0.value(atPath: "data.holder.id")?.stringValue } == [holderID], "\(created)")
    let deleted = try server.bodies(of: "customer.holder.assignment.deleted")
    #expect(deleted.map { $0.value(atPath: "data.holder.id")?.stringValue } == [holderID])
  }
}

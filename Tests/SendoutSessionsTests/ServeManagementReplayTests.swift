import Foundation
import SendoutCore
import Testing

/// What the Management API and campaign templates write survives a restart of `serve --state`: the replayed journal
/// gives the created project, the invited user, the stacking rules (still applied) and a campaign made from a
/// template the same ids.
@Suite(.timeLimit(.minutes(1))) struct ServeManagementReplayTests {
  @Test func projectsUsersStackingRulesAndTemplateUsesReplayWithTheirIDs() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-management-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(state: state)
    let served = try #require(server.projectID)
    let (_, project) = try await server.call("POST", "/management/v1/projects", body: #"{"name":"Shop EU"}"#)
    let other = try #require(project["id"]?.stringValue, "\(project)")
    let (invited, _) = try await server.call(
      "POST", "/management/v1/projects/users/invite",
      body: #"{"email":"ann@shop.test","projects":{"\#(other)":"USER"}}"#)
    #expect(invited == 204)
    let (_, rules) = try await server.call(
      "POST", "/management/v1/projects/\(served)/stacking-rules", body: #"{"redeemables_limit":2}"#)
    let (_, campaign) = try await server.call(
      "POST", "/v1/campaigns",
      body: #"{"name":"Base","voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100}}}"#)
    #expect(campaign["id"] != nil, "\(campaign)")
    let (_, template) = try await server.call(
      "POST", "/v1/templates/campaigns", body: #"{"name":"Base template","campaign_id":"Base"}"#)
    let templateID = try #require(template["id"]?.stringValue, "\(template)")
    let (_, setup) = try await server.call(
      "POST", "/v1/templates/campaigns/\(templateID)/campaign-setup", body: #"{"name":"From template"}"#)
    let (_, users) = try await server.call("GET", "/management/v1/projects/\(other)/users")
    try await server.stop()

    let again = try await ServeServer(state: state)
    let (_, project2) = try await again.call("GET", "/management/v1/projects/\(other)")
    #expect(project2["name"] == "Shop EU")
    let (_, users2) = try await again.call("GET", "/management/v1/projects/\(other)/users")
    #expect(users2 == users && users["total"] == 2, "\(users2)")
    let (_, rules2) = try await again.call("GET", "/management/v1/projects/\(served)/stacking-rules")
    #expect(rules2.value(atPath: "data.0") == rules, "\(rules2)")
    let (_, made) = try await again.call("GET", "/v1/campaigns/From%20template")
    #expect(made["id"] == setup.value(atPath: "campaign.id") && made["id"] != nil, "\(made)")
    try await again.stop()
  }
}

import Foundation
import SendoutCore
import SendoutTestSupport
import Testing

/// Rewards through `sendout serve`: create, get, update, list and delete, material (a product and SKU) and campaign
/// rewards, their assignments read by reward, the 404s and 400s, and no webhook.
@Suite struct ServeRewardCRUDTests {
  @Test func aMaterialRewardIsCreatedReadUpdatedListedAndDeleted() throws {
    let api = try InProcessAPI.served()
    let sent = api.sendouts.count
    _ = try api.send("POST", "/v1/products", body: #"{"source_id":"cap","name":"Cap"}"#)
    let (_, sku) = try api.send("POST", "/v1/products/cap/skus", body: #"{"source_id":"cap-red"}"#)
    let (status, made) = try api.send(
      "POST", "/v1/rewards",
      body: #"{"name":"Free cap","stock":3,"parameters":{"product":{"id":"cap","sku_id":"cap-red"}}}"#)
    #expect(status == 200, "\(made)")
    try InProcessAPI.expectValid(made, "RewardsCreateResponseBody")
    let id = try #require(made["id"]?.stringValue)
    #expect(id.hasPrefix("rew_") && made["type"] == "MATERIAL" && made["stock"] == 3 && made["redeemed"] == 0)
    #expect(made.value(atPath: "parameters.product.sku_id") == sku["id"], "the SKU by its source id")
    #expect(made["updated_at"] == .null)
    let (got, read) = try api.send("GET", "/v1/rewards/\(id)")
    #expect(got == 200 && read == made)
    try InProcessAPI.expectValid(read, "Reward")
    let (changed, updated) = try api.send("PUT", "/v1/rewards/\(id)", body: #"{"name":"Cap","stock":null}"#)
    #expect(changed == 200 && updated["name"] == "Cap" && updated["stock"] == .null, "\(updated)")
    #expect(updated["updated_at"] != .null && updated["parameters"] == made["parameters"], "absent stays")
    try InProcessAPI.expectValid(updated, "RewardsUpdateResponseBody")
    let (listed, all) = try api.send("GET", "/v1/rewards?limit=100")
    #expect(listed == 200 && all["data_ref"] == "data")
    #expect(all["data"]?.arrayValue?.contains { $0["id"]?.stringValue == id } == true)
    try InProcessAPI.expectValid(all, "RewardsListResponseBody")
    let (deleted, _) = try api.send("DELETE", "/v1/rewards/\(id)")
    #expect(deleted == 204)
    let (gone, error) = try api.send("GET", "/v1/rewards/\(id)")
    #expect(gone == 404 && error["key"] == "not_found")
    #expect(api.sendouts.count == sent, "reward CRUD sends no webhook")
  }

  @Test func aCampaignRewardsAssignmentsAreListedByRewardAndGoWithIt() throws {
    let api = try InProcessAPI.served()
    let program = try #require(api.read { $0.firstCampaign(.loyaltyProgram)?.id })
    let gift = try #require(api.read { $0.firstCampaign(.giftVouchers)?.id })
    let (_, reward) = try api.send(
      "POST", "/v1/rewards", body: #"{"name":"Credits","parameters":{"campaign":{"id":"\#(gift)","balance":500}}}"#)
    let id = try #require(reward["id"]?.stringValue)
    #expect(reward["type"] == "CAMPAIGN" && reward.value(atPath: "parameters.campaign.balance") == 500)
    let (_, assigned) = try api.send(
      "POST", "/v1/rewards/\(id)/assignments",
      body: #"{"campaign":"\#(program)","parameters":{"loyalty":{"points":50}}}"#)
    let assignment = try #require(assigned["id"]?.stringValue)
    let (listed, assignments) = try api.send("GET", "/v1/rewards/\(id)/assignments")
    #expect(listed == 200 && assignments["total"] == 1 && assignments.value(atPath: "data.0.id") == assigned["id"])
    try InProcessAPI.expectValid(assignments, "RewardsAssignmentsListResponseBody")
    let (got, read) = try api.send("GET", "/v1/rewards/\(id)/assignments/\(assignment)")
    #expect(got == 200 && read == assigned)
    try InProcessAPI.expectValid(read, "RewardsAssignmentsGetResponseBody")
    let (_, byAssignment) = try api.send("GET", "/v1/rewards?assignment_id=\(assignment)")
    #expect(byAssignment["total"] == 1 && byAssignment.value(atPath: "data.0.id") == reward["id"])
    _ = try api.send("DELETE", "/v1/rewards/\(id)")
    #expect(api.read { $0.rewardAssignments[id: assignment] } == nil, "deleting a reward withdraws its assignments")
  }

  @Test func badRewardCallsAreRefused() throws {
    let api = try InProcessAPI.served()
    let reward = try #require(api.read { $0.rewards.first?.id })
    try api.expectRefusals([
      ("POST", "/v1/rewards", #"{"parameters":{"product":{"id":"x"}}}"#, 400, "invalid_payload", "name"),
      ("POST", "/v1/rewards", #"{"name":"x","parameters":{}}"#, 400, "invalid_payload", "parameters"),
      ("POST", "/v1/rewards", #"{"name":"x","parameters":{"product":{"id":"nope"}}}"#, 404, "not_found", "nope"),
      ("POST", "/v1/rewards", #"{"name":"x","parameters":{"campaign":{"id":"nope"}}}"#, 404, "not_found", "nope"),
      (
        "POST", "/v1/rewards", #"{"name":"x","stock":"many","parameters":{"campaign":{"id":"c"}}}"#, 400,
        "invalid_payload", "stock"
      ),
      (
        "POST", "/v1/rewards", #"{"name":"x","parameters":{"coin":{}}}"#, 501, "not_implemented",
        "COIN"
      ),
      ("GET", "/v1/rewards/nope", nil, 404, "not_found", "Cannot find reward with id nope"),
      ("GET", "/v1/rewards/nope/assignments", nil, 404, "not_found", "reward"),
      ("GET", "/v1/rewards/\(reward)/assignments/nope", nil, 404, "not_found", "reward_assignment"),
    ])
  }
}

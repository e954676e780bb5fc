import Foundation
import SendoutCore
import Testing

/// `DELETE /v1/promotions/{campaignId}/stacks/{stackId}` is journaled like every write: after a restart over the same
/// `--state` file the stack is still gone, and the stacks made around it keep their ids.
@Suite(.timeLimit(.minutes(1))) struct ServeStackDeleteReplayTests {
  @Test func aDeletedStackStaysDeletedAfterAReplay() async throws {
    let state = NSTemporaryDirectory() + "sendout-serve-stack-\(UUID().uuidString).jsonl"
    defer { try? FileManager.default.removeItem(atPath: state) }
    let server = try await ServeServer(state: state)
    let (_, tiers) = try await server.call("GET", "/v1/promotions/tiers?limit=1")
    let tier = try #require(tiers.value(atPath: "tiers.0.id")?.stringValue, "\(tiers)")
    let promo = try #require(tiers.value(atPath: "tiers.0.campaign.id")?.stringValue, "\(tiers)")
    var ids: [String] = []
    for name in ["kept", "dropped", "kept too"] {
      let (_, stack) = try await server.call(
        "POST", "/v1/promotions/\(promo)/stacks", body: #"{"name":"\#(name)","tiers":{"ids":["\#(tier)"]}}"#)
      ids.append(try #require(stack["id"]?.stringValue, "\(stack)"))
    }
    let (deleted, _) = try await server.call("DELETE", "/v1/promotions/\(promo)/stacks/\(ids[1])")
    #expect(deleted == 204)
    try await server.stop()

    let again = try await ServeServer(state: state)
    let (gone, _) = try await again.call("GET", "/v1/promotions/\(promo)/stacks/\(ids[1])")
    #expect(gone == 404)
    for kept in [ids[0], ids[2]] {
      let (found, stack) = try await again.call("GET", "/v1/promotions/\(promo)/stacks/\(kept)")
      #expect(found == 200 && stack["id"]?.stringValue == kept, "\(stack)")
    }
    try await again.stop()
  }
}

import SendoutAPI
import SendoutCore
import Testing

/// The mock API without sockets or a server: a `MockAPI` over the sample world, called directly with the keys a call
/// carries (the HTTP shell's key check is the only step skipped; routing, body checks and endpoints are the same).
/// The calls' sendouts are dropped; the clock is simulated and fixed. The first customer holds a gift card and a
/// loyalty card.
final class InProcessAPI {
  private(set) var mock: MockAPI
  let projectID: String

  init(seed: UInt64 = 1) throws {
    let start = try #require(Timestamp(iso8601: "2024-03-13T13:45:00.000Z"))
    var world = try World.sample(seed: seed, start: start)
    // The sample has no cards yet: publish a gift card and a loyalty card, so balances can be called.
    for type in [CampaignType.giftVouchers, .loyaltyProgram] {
      let campaign = try #require(world.firstCampaign(type)).id
      _ = try world.publish(campaignID: campaign, customerID: world.customers[0].id)
    }
    let webhooks = ProjectWebhooks(
      projectID: "proj_inprocess", secret: "whsec", seed: seed,
      first: SendoutSource(id: "wh_inprocess", object: .webhook, targetURL: "http://127.0.0.1:9/webhooks"), at: start)
    projectID = webhooks.projectID
    mock = MockAPI(world: world, webhooks: webhooks, seed: seed, simulatedNow: world.now)
  }

  /// Runs `body` on the world.
  func read<T>(_ body: (World) -> T) -> T { body(mock.world) }

  /// One call with the app keys (or the client keys and an `origin`, `client`); the status and the parsed body
  /// (`nil` when the body is not JSON, which no answer may be).
  func call(_ method: String, _ path: String, body: String? = nil, client: Bool = false) -> (Int, JSON?) {
    call(method, path, bytes: Array((body ?? "").utf8), client: client)
  }

  /// One call with `bytes` as the body.
  func call(_ method: String, _ path: String, bytes: [UInt8], client: Bool = false) -> (Int, JSON?) {
    let keys: Set<APIOperation.Auth> = client ? [.client] : [.server, .management]
    let at = mock.simulatedNow ?? mock.world.now
    let outcome = mock.apply(APICall(at: at, method: method, target: path, body: bytes, authorized: keys))
    let reply = outcome.status == 204 ? [] : outcome.bytes ?? outcome.body.compactBytes
    return (outcome.status, reply.isEmpty ? .null : try? JSONParser.parse(reply))
  }

  /// Whether `body` is Voucherify's `Error` body for `status`: `code`, `key`, `message`, `details` (or null),
  /// `request_id`.
  static func isError(_ body: JSON?, status: Int) -> Bool {
    guard let body, body["code"]?.intValue == status, body["key"]?.stringValue?.isEmpty == false,
      body["message"]?.stringValue?.isEmpty == false,
      body["details"].map({ $0.stringValue != nil || $0 == .null }) == true,
      body["request_id"]?.stringValue != nil
    else { return false }
    return true
  }
}

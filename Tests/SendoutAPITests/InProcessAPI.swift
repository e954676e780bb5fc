import SendoutAPI
import SendoutCore
import SendoutIO
import SendoutTestSupport
import Testing

@testable import SendoutSessions

/// The mock API without sockets: an `APIService` over the sample world whose calls go straight to `reply(to:)`, the
/// same path a request over HTTP takes after the server parsed it. Its delivery queue is never started, so the
/// calls' webhooks stay queued in memory; the clock is simulated and fixed. The first customer holds a gift card and
/// a loyalty card.
final class InProcessAPI: Sendable {
  let service: APIService
  let projectID: String

  init(seed: UInt64 = 1) throws {
    let start = try #require(Timestamp(iso8601: "2024-03-13T13:45:00.000Z"))
    var world = try World.sample(seed: seed, start: start)
    // The sample has no cards yet: publish a gift card and a loyalty card, so balances can be called.
    for type in [CampaignType.giftVouchers, .loyaltyProgram] {
      let campaign = try #require(world.firstCampaign(type)).id
      _ = try world.publish(campaignID: campaign, customerID: world.customers[0].id)
    }
    let configuration = try DeliveryConfiguration(policy: try RetryPolicy(schedule: .none), maxInFlight: 1)
    let webhooks = ProjectWebhooks(
      projectID: "proj_inprocess", secret: "whsec", seed: seed,
      first: SendoutSource(id: "wh_inprocess", object: .webhook, targetURL: "http://127.0.0.1:9/webhooks"), at: start)
    projectID = webhooks.projectID
    let now = world.now
    service = APIService(
      world: world, webhooks: webhooks,
      keys: APIService.Keys(appID: "app", appToken: "token", clientAppID: "capp", clientToken: "ctoken"), seed: seed,
      simulatedStart: now, clock: { now }, observer: { _ in }, sendouts: { [] },
      delivery: DeliveryQueue(configuration: configuration, auditLog: InMemoryAuditLog()))
  }

  /// One call with the app keys (or the client keys and an `origin`, `client`); the status and the parsed body
  /// (`nil` when the body is not JSON, which no answer may be).
  func call(_ method: String, _ path: String, body: String? = nil, client: Bool = false) -> (Int, JSON?) {
    call(method, path, bytes: Array((body ?? "").utf8), client: client)
  }

  /// One call with `bytes` as the body.
  func call(_ method: String, _ path: String, bytes: [UInt8], client: Bool = false) -> (Int, JSON?) {
    let headers =
      client
      ? [
        HTTPHeader("X-Client-Application-Id", "capp"), HTTPHeader("X-Client-Token", "ctoken"),
        HTTPHeader("origin", "http://shop.test"),
      ]
      : [HTTPHeader("X-App-Id", "app"), HTTPHeader("X-App-Token", "token")]
    let reply = service.reply(
      to: HTTPMessage(
        head: HTTPHead(
          startLine: .request(method: method, target: path),
          headers: headers + [HTTPHeader("Content-Type", "application/json")]), body: bytes))
    return (reply.status, reply.body.isEmpty ? .null : try? JSONParser.parse(reply.body))
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

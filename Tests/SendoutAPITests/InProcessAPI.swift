import SendoutAPI
import SendoutCore
import SendoutTestSupport
import Testing

/// The mock API without sockets or a server: a `MockAPI` called directly with the keys a call carries (the HTTP
/// shell's key check is the only step skipped; routing, body checks and endpoints are the same). The clock is
/// simulated and fixed, and the sendouts the calls' events make are kept in order (what a listener would receive).
/// `init(seed:)` gives the sample world whose first customer holds a gift card and a loyalty card; `served(seed:)`
/// gives the world `sendout serve --seed SEED --at 2024-03-13T13:45:00.000Z` starts from.
final class InProcessAPI {
  private(set) var mock: MockAPI
  let projectID: String
  /// The sendouts of every call so far, in order.
  private(set) var sendouts: [Sendout] = []

  static let start = "2024-03-13T13:45:00.000Z"

  /// A mock over `world`, its project webhook's ids drawn as `sendout serve` draws them.
  private init(world: World, seed: UInt64, at start: Timestamp) {
    var ids = IDFactory(seed: seed ^ 0x5E27_E000)
    let project = ids.make(.project, at: start)
    let first = SendoutSource(
      id: ids.make(.webhook, at: start), object: .webhook, targetURL: "http://127.0.0.1:9/webhooks")
    let webhooks = ProjectWebhooks(projectID: project, secret: "whsec", seed: seed, first: first, at: start)
    projectID = project
    mock = MockAPI(world: world, webhooks: webhooks, seed: seed, simulatedNow: start)
  }

  convenience init(seed: UInt64 = 1) throws {
    let start = try #require(Timestamp(iso8601: Self.start))
    var world = try World.sample(seed: seed, start: start)
    // The sample has no cards yet: publish a gift card and a loyalty card, so balances can be called.
    for type in [CampaignType.giftVouchers, .loyaltyProgram] {
      let campaign = try #require(world.firstCampaign(type)).id
      _ = try world.publish(campaignID: campaign, customerID: world.customers[0].id)
    }
    self.init(world: world, seed: seed, at: world.now)
  }

  /// The mock as `sendout serve --seed seed --at 2024-03-13T13:45:00.000Z` starts it: the sample world built so that
  /// its history ends at that time, the simulated clock there.
  static func served(seed: UInt64 = 1) throws -> InProcessAPI {
    let start = try #require(Timestamp(iso8601: Self.start))
    return InProcessAPI(world: try World.sample(seed: seed, endingAt: start), seed: seed, at: start)
  }

  /// Moves the simulated clock, as `POST /_sendout/clock` does.
  func moveClock(to time: Timestamp) { mock.simulatedNow = time }

  /// A mock over `world` as it is, the simulated clock at its time.
  static func over(_ world: World, seed: UInt64 = 1) -> InProcessAPI {
    InProcessAPI(world: world, seed: seed, at: world.now)
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
    let (status, reply) = apply(method, path, bytes, keys: client ? [.client] : [.server, .management])
    return (status, reply.isEmpty ? .null : try? JSONParser.parse(reply))
  }

  /// One call as `ServeServer.call` makes it over loopback: with the app keys (`keys`), or the client keys and an
  /// `origin` (`client`), or none; the status and the parsed body (`.null` when empty), throwing when it is not JSON.
  func send(_ method: String, _ path: String, body: String? = nil, keys: Bool = true, client: Bool = false) throws
    -> (Int, JSON)
  {
    let carried: Set<APIOperation.Auth> = client ? [.client] : keys ? [.server, .management] : []
    let (status, reply) = apply(method, path, Array((body ?? "").utf8), keys: carried)
    return (status, reply.isEmpty ? .null : try JSONParser.parse(reply))
  }

  /// One call with the app keys; the status and the body's bytes as written (an export's CSV is no JSON).
  func raw(_ method: String, _ path: String) -> (Int, [UInt8]) {
    apply(method, path, [], keys: [.server, .management])
  }

  /// The bodies of the kept sendouts of `type`, in order.
  func bodies(of type: String) throws -> [JSON] {
    try sendouts.filter { $0.eventType == type }.map { try JSONParser.parse($0.body) }
  }

  /// Applies one call at the simulated clock, keeping its sendouts; the status and the body's bytes as the HTTP
  /// shell writes them.
  private func apply(_ method: String, _ path: String, _ body: [UInt8], keys: Set<APIOperation.Auth>) -> (
    Int, [UInt8]
  ) {
    let at = mock.simulatedNow ?? mock.world.now
    let outcome = mock.apply(APICall(at: at, method: method, target: path, body: body, authorized: keys))
    sendouts += outcome.sendouts
    return (outcome.status, outcome.bytesToSend)
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

  /// A call the mock must refuse: method, path, body, the status and key expected, and text its details contain.
  typealias Refusal = (method: String, path: String, body: String?, status: Int, key: String, detail: String?)

  /// Sends each refused call and expects its status, key and details, in Voucherify's `Error` body.
  func expectRefusals(_ cases: [Refusal], sourceLocation: SourceLocation = #_sourceLocation) throws {
    for (method, path, body, status, key, detail) in cases {
      let (got, error) = try send(method, path, body: body)
      #expect(got == status, "\(method) \(path) \(body ?? ""): \(error)", sourceLocation: sourceLocation)
      #expect(error["key"]?.stringValue == key, "\(method) \(path): \(error)", sourceLocation: sourceLocation)
      if let detail {
        #expect(
          error["details"]?.stringValue?.contains(detail) == true, "\(error)", sourceLocation: sourceLocation)
      }
      try Self.expectValid(error, "Error", sourceLocation: sourceLocation)
    }
  }

  /// Expects `body` to match `schema` of the official spec (structure mode).
  static func expectValid(_ body: JSON, _ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let failures = try Fixtures.apiSpecValidator().validate(body, against: schema, options: .structure)
    #expect(failures.isEmpty, "\(schema): \(failures.prefix(5))", sourceLocation: sourceLocation)
  }
}

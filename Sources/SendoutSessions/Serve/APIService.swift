import Foundation
import SendoutCore
import SendoutIO

/// The mock Voucherify API as an `HTTPHandler`: route by the spec's operations table, check the keys, decode the
/// body, apply the endpoint to the world (one lock: calls are serialised, as one world is the single source of
/// truth), answer with the spec's body or Voucherify's `Error` body, and hand the call's events to `deliver` as
/// signed sendouts. Webhook delivery never blocks a response.
final class APIService: HTTPHandler, @unchecked Sendable {
  /// The keys calls must carry.
  struct Keys: Sendable {
    /// `X-App-Id`.
    var appID: String
    /// `X-App-Token`.
    var appToken: String
    /// `X-Client-Application-Id` (client-side endpoints, `/client/v1/…`).
    var clientAppID = ""
    /// `X-Client-Token`.
    var clientToken = ""
  }

  private let router = APIRouter()
  private let keys: Keys
  private let clock: @Sendable () -> Timestamp
  /// Where the calls' sendouts go; the admin endpoints hold, release and read it.
  let delivery: DeliveryQueue
  let observer: SessionObserver
  private let lock = NSLock()
  var world: World
  var webhooks: ProjectWebhooks
  var initialWorld: World
  var initialWebhooks: ProjectWebhooks
  /// For `POST /_sendout/scenario`: the target of endpoints without one (the built-in listener) and `--to`.
  var scenarioTargets: (default: String?, override: String?, secret: String?) = (nil, nil, nil)
  /// Sendouts an admin call made itself (a loaded scenario's steps), sent with the call's.
  var madeSendouts: [Sendout] = []
  private let sendoutRows: @Sendable () throws(SessionError) -> [AuditSummary.Row]
  private var requestIDs: IDFactory
  private var journal: DurableLog?
  private var calls = 0
  private var reads = APIReadCache()
  /// The simulated time (`--at`), moved only by `POST /_sendout/clock`; `nil`: the wall clock.
  private var simulatedNow: Timestamp?

  /// Calls answered so far.
  var answered: Int { lock.withLock { calls } }

  /// A service over `world`, sending every event to the project's `webhooks`.
  init(
    world: World, webhooks: ProjectWebhooks, keys: Keys, seed: UInt64, simulatedStart: Timestamp?,
    clock: @escaping @Sendable () -> Timestamp, observer: @escaping SessionObserver,
    sendouts: @escaping @Sendable () throws(SessionError) -> [AuditSummary.Row],
    delivery: DeliveryQueue
  ) {
    simulatedNow = simulatedStart
    var world = world
    world.addsRequestGaps = false
    world.keepsLog = false  // the world lives as long as the server: keep no history it never reads
    self.world = world
    self.webhooks = webhooks
    initialWorld = world
    initialWebhooks = webhooks
    sendoutRows = sendouts
    self.keys = keys
    self.clock = clock
    self.observer = observer
    self.delivery = delivery
    requestIDs = IDFactory(seed: seed ^ 0x4E0E_57ED)
  }

  /// Runs `body` on the world under the lock (the dashboard's world tabs read it this way; keep it quick).
  func read<T>(_ body: (World) -> T) -> T { lock.withLock { body(world) } }

  /// Answers one call; with a journal, the call is on disk before it is applied and answered.
  func reply(to message: HTTPMessage) -> HTTPReply {
    let auth = authorized(message.head)
    let wall = clock()
    let (call, outcome) = lock.withLock { () -> (APICall, Result<Applied, DurableLogError>) in
      let call = APICall(
        at: simulatedNow ?? wall, method: message.head.method ?? "GET", target: message.head.target ?? "/",
        body: message.body, authorized: auth)
      // Holding or releasing delivery is not the world's state: a restart delivers what is due.
      if !call.path.hasPrefix("/_sendout/delivery") {
        do throws(DurableLogError) { try journal?.append(call.line) } catch { return (call, .failure(error)) }
      }
      if let cached = reads.body(for: call) {
        calls += 1
        _ = requestIDs.make(.group, at: call.at)  // as `apply` does: later request ids stay those of a replay
        return (call, .success(Applied(status: 200, body: .null, sendouts: [], bytes: cached)))
      }
      return (call, .success(apply(call)))
    }
    let status: Int
    let bytes: [UInt8]
    switch outcome {
    case .success(let applied):
      status = applied.status
      bytes = status == 204 ? [] : applied.bytes ?? applied.body.compactBytes
      delivery.enqueue(applied.sendouts)
    case .failure(let error):
      observer(.warning(error.message))
      status = 500
      bytes =
        APIError(status: 500, key: "internal", message: "Internal error", details: error.message)
        .body(requestID: "").compactBytes
    }
    observer(.apiCall(method: call.method, path: call.path, status: status))
    return HTTPReply(
      status: status, headers: [HTTPHeader("content-type", "application/json; charset=utf-8")], body: bytes)
  }

  /// What applying a call gave: the status and body (or its bytes, when already written), and the sendouts.
  private struct Applied {
    var status: Int
    var body: JSON
    var sendouts: [Sendout]
    var bytes: [UInt8]?
  }

  /// Replays journaled calls (at start-up, with `--state`): the world ends as it was. Returns the sendouts the calls
  /// made that `unfinished` picks (those the audit log has no final record of), to be delivered again.
  func replay(_ calls: [APICall], journal: DurableLog, unfinished: (Sendout) -> Bool) -> [Sendout] {
    lock.withLock {
      var resumed: [Sendout] = []
      for call in calls { resumed += apply(call).sendouts.filter(unfinished) }
      self.journal = journal
      return resumed
    }
  }

  /// Applies one call to the world at its time (under the lock); its answer and the sendouts its events make. A pure
  /// read's `200` is kept in the read cache; any other call empties it first.
  private func apply(_ call: APICall) -> Applied {
    calls += 1
    world.moveClock(to: call.at)
    let requestID = requestIDs.make(.group, at: call.at)
    do throws(APIError) {
      let (status, answer, operationID) = try handle(call)
      let pure = operationID.map(APIReadCache.operations.contains) ?? false
      if !pure { reads.invalidate() }
      var sendouts = madeSendouts
      madeSendouts = []
      for event in answer.events { sendouts += webhooks.sendouts(for: event) }
      if let error = answer.error {
        return Applied(status: error.status, body: error.body(requestID: requestID), sendouts: sendouts)
      }
      guard pure, status == 200 else { return Applied(status: status, body: answer.body, sendouts: sendouts) }
      let bytes = answer.body.compactBytes
      reads.store(bytes, for: call)
      return Applied(status: status, body: answer.body, sendouts: sendouts, bytes: bytes)
    } catch {
      reads.invalidate()
      madeSendouts = []
      return Applied(status: error.status, body: error.body(requestID: requestID), sendouts: [])
    }
  }

  /// Routes, authenticates, decodes and runs the endpoint (under the lock).
  private func handle(_ call: APICall) throws(APIError) -> (Int, APIAnswer, String?) {
    if call.path.hasPrefix("/_sendout/") { return (200, try admin(call), nil) }
    let operation: APIOperation
    let parameters: [String: String]
    switch router.match(method: call.method, path: call.path) {
    case .notFound: throw APIError.noRoute(method: call.method, path: call.path)
    case .methodNotAllowed(let allowed): throw APIError.methodNotAllowed(call.method, allowed: allowed)
    case .operation(let op, let bound): (operation, parameters) = (op, bound)
    }
    guard call.authorized.contains(operation.auth) else {
      throw operation.auth == .client
        ? APIError.unauthorized("X-Client-Application-Id / X-Client-Token / origin")
        : APIError.unauthorized("X-App-Id / X-App-Token")
    }
    let management = APIManagement.all[operation.operationID]
    let endpoint = APIEndpoints.all[operation.operationID]
    guard management != nil || endpoint != nil else { throw APIError.notImplemented(operation) }
    guard let query = PercentDecoding.query(call.query) else {
      throw APIError(
        status: 400, key: "invalid_query_params", message: "Invalid query params", details: "malformed %-escape")
    }
    let body = try Self.decodeBody(call.body, array: APIBodyLimits.arrayBodies.contains(operation.operationID))
    try APIBodyLimits.check(body)
    let request = APIRequest(operation: operation, parameters: parameters, query: query, body: body)
    let answer: APIAnswer
    if let management {
      answer = try management(request, &webhooks, call.at)
    } else if let endpoint {
      answer = try endpoint(request, &world)
    } else {
      throw APIError.notImplemented(operation)  // unreachable: the guard above
    }
    return (answer.status ?? operation.successStatus, answer, operation.operationID)
  }

  /// Which kinds of keys the call carries: the app keys authorize server calls, and management calls too (a
  /// convenience); management keys equal to the app keys authorize management calls. The client keys, with the
  /// `origin` header the spec requires, authorize client-side calls only, and app keys never do (as in the spec's
  /// security schemes).
  private func authorized(_ head: HTTPHead) -> Set<APIOperation.Auth> {
    var kinds: Set<APIOperation.Auth> = []
    if !keys.clientAppID.isEmpty, head.value("x-client-application-id") == keys.clientAppID,
      head.value("x-client-token") == keys.clientToken, head.value("origin")?.isEmpty == false
    {
      kinds.insert(.client)
    }
    if head.value("x-app-id") == keys.appID, head.value("x-app-token") == keys.appToken {
      kinds.formUnion([.server, .management])
    }
    if head.value("x-management-id") == keys.appID, head.value("x-management-token") == keys.appToken {
      kinds.insert(.management)
    }
    return kinds
  }

  /// Sendout's own endpoints (not Voucherify's): the clock, the sendouts, and a reset.
  private func admin(_ call: APICall) throws(APIError) -> APIAnswer {
    switch (call.method, call.path) {
    case (_, "/_sendout/clock"): return try clockEndpoint(call)
    case ("GET", "/_sendout/sendouts"): return try sendouts(call)
    case (_, "/_sendout/delivery"), (_, "/_sendout/delivery/pause"), (_, "/_sendout/delivery/resume"):
      return try deliveryEndpoint(call)
    case ("POST", "/_sendout/scenario"): return try scenarioEndpoint(call)
    case ("POST", "/_sendout/reset"):
      guard call.authorized.contains(.server) else { throw APIError.unauthorized("X-App-Id / X-App-Token") }
      (world, webhooks) = (initialWorld, initialWebhooks)
      world.moveClock(to: call.at)
      return APIAnswer(body: ["reset": true])
    case (_, "/_sendout/sendouts"), (_, "/_sendout/reset"), (_, "/_sendout/scenario"):
      throw APIError.methodNotAllowed(call.method, allowed: [call.path.hasSuffix("sendouts") ? "GET" : "POST"])
    default: throw APIError.noRoute(method: call.method, path: call.path)
    }
  }

  /// `GET /_sendout/sendouts[?status=FAILED]`: the audit log's sendouts, one row each with its latest record.
  private func sendouts(_ call: APICall) throws(APIError) -> APIAnswer {
    let status = PercentDecoding.query(call.query)?["status"]
    let filter = try status.map { (text) throws(APIError) -> AuditStatus in
      guard let parsed = AuditStatus(text: text) else {
        throw APIError(
          status: 400, key: "invalid_query_params", message: "Invalid query params",
          details: "`status` must be SUCCESS, RETRYING, FAILED or SKIPPED, got '\(text)'")
      }
      return parsed
    }
    let rows: [AuditSummary.Row]
    do { rows = try sendoutRows() } catch {
      throw APIError(status: 500, key: "internal", message: "Internal error", details: error.message)
    }
    let picked = rows.filter { filter == nil || $0.latest.status == filter }
    return APIAnswer(
      body: ["object": "list", "sendouts": .array(picked.map(\.json)), "total": .int(picked.count)])
  }

  /// `GET /_sendout/clock`, and `POST /_sendout/clock` `{"advance": "30d"}` or `{"to": TIME}` to move a simulated
  /// clock, running what falls due on the way.
  private func clockEndpoint(_ call: APICall) throws(APIError) -> APIAnswer {
    let clockJSON: (Int?) -> JSON = { [self] events in
      var o: JSONObject = [
        "now": .string((simulatedNow ?? call.at).iso8601), "simulated": .bool(simulatedNow != nil),
      ]
      if let events { o["events"] = .int(events) }
      return .object(o)
    }
    switch call.method {
    case "GET": return APIAnswer(body: clockJSON(nil))
    case "POST": break
    default: throw APIError.methodNotAllowed(call.method, allowed: ["GET", "POST"])
    }
    guard call.authorized.contains(.server) else { throw APIError.unauthorized("X-App-Id / X-App-Token") }
    guard let current = simulatedNow else {
      throw APIError(
        status: 409, key: "clock_not_simulated", message: "The clock is the wall clock",
        details: "start sendout serve with --at TIME to move its clock")
    }
    let body = try Self.decodeBody(call.body)
    let target: Timestamp
    if let text = body["advance"]?.stringValue {
      guard let ms = DurationText.wholeMilliseconds(text), ms > 0, ms <= 36_500 * 86_400_000 else {
        throw APIError(
          status: 400, key: "invalid_payload", message: "Invalid payload",
          details: "`advance` must be a duration like 30d or 12h, up to \(DurationText.maxText), got '\(text)'")
      }
      target = current.adding(milliseconds: ms)
    } else if let text = body["to"]?.stringValue, let time = Timestamp(iso8601: text), time >= current {
      target = time
    } else {
      throw APIError(
        status: 400, key: "invalid_payload", message: "Invalid payload",
        details: "give {\"advance\": \"30d\"} or {\"to\": an ISO-8601 time not before \(current.iso8601)}")
    }
    let events = try APIEndpoints.apply { () throws(WorldOperationError) in try world.advanceClock(to: target) }
    simulatedNow = target
    return APIAnswer(body: clockJSON(events.count), events: events)
  }

  /// The body as JSON: an object (an array when the operation's body is one, `array`); an empty body is `{}` (the
  /// SDKs send none with a JSON content type). A body that does not parse is a 400 naming the position, and one of
  /// another type (`[1,2,3]`, `"x"`, `null`) a 400 naming the type expected, never taken as `{}`.
  static func decodeBody(_ bytes: [UInt8], array: Bool = false) throws(APIError) -> JSON {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return [:] }
    let body: JSON
    do { body = try JSONParser.parse(bytes) } catch {
      throw APIError(status: 400, key: "invalid_payload", message: "Invalid payload", details: error.description)
    }
    switch body {
    case .object: return body
    case .array where array: return body
    default:
      throw APIError(
        status: 400, key: "invalid_payload", message: "Invalid payload",
        details: "the body must be a JSON \(array ? "array" : "object"), found \(body.typeName)")
    }
  }
}

import Foundation
import SendoutAPI
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
  let sendoutRows: @Sendable () throws(SessionError) -> [AuditSummary.Row]
  /// What the server started from (before any call): a failed journal write rebuilds the world from it.
  let start: (world: World, webhooks: ProjectWebhooks, simulatedNow: Timestamp?, seed: UInt64)
  /// The request ids of journaled calls (replayed alike), and of calls refused before any endpoint.
  var requestIDs: IDFactory
  var refusedIDs: IDFactory
  var journal: DurableLog?
  private var calls = 0
  var reads = APIReadCache()
  /// The simulated time (`--at`), moved only by `POST /_sendout/clock`; `nil`: the wall clock.
  var simulatedNow: Timestamp?
  /// Where the server listens: webhooks aimed there are refused (set with `serve(at:)`).
  private(set) var served = ServedAddress()

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
    requestIDs = IDFactory(seed: seed ^ Self.requestIDMask)
    refusedIDs = IDFactory(seed: seed ^ Self.refusedIDMask)
    start = (world, webhooks, simulatedStart, seed)
  }

  /// Records where the server listens (the configured port before binding, the bound one after).
  func serve(at address: ServedAddress) { lock.withLock { served = address } }

  /// Runs `body` on the world under the lock (the dashboard's world tabs read it this way; keep it quick).
  func read<T>(_ body: (World) -> T) -> T { lock.withLock { body(world) } }

  /// Runs `body` under the lock (the service's state is all behind it).
  func locked<T>(_ body: () -> T) -> T { lock.withLock { body() } }

  /// Answers one call. A call that reaches an endpoint is applied, then (with a journal) written to disk, then
  /// answered: a call that traps is never journaled, and one the disk cannot take (507) is undone. A call refused
  /// before any endpoint (no route, no keys, a malformed body) changes nothing and is not journaled.
  func reply(to message: HTTPMessage) -> HTTPReply {
    let auth = authorized(message.head)
    let wall = clock()
    let call = APICall(
      at: wall, method: message.head.method ?? "GET", target: message.head.target ?? "/", body: message.body,
      authorized: auth)
    // Reading the audit log is no call on the world: it neither waits for the world nor holds calls up.
    let applied =
      (call.method, call.path) == ("GET", "/_sendout/sendouts") ? sendouts(call) : lock.withLock { answer(call) }
    let bytes = applied.status == 204 ? [] : applied.bytes ?? applied.body.compactBytes
    delivery.enqueue(applied.sendouts)
    observer(.apiCall(method: call.method, path: call.path, status: applied.status))
    return HTTPReply(
      status: applied.status, headers: [HTTPHeader("content-type", "application/json; charset=utf-8")], body: bytes)
  }

  /// What applying a call gave: the status and body (or its bytes, when already written), and the sendouts.
  struct Applied {
    var status: Int
    var body: JSON
    var sendouts: [Sendout] = []
    var bytes: [UInt8]?
    /// Whether the call reached an endpoint: only such calls are journaled (and replayed).
    var journaled = false
  }

  /// Answers `call` under the lock at the simulated clock (or the wall clock), journaling it when it reached an
  /// endpoint.
  private func answer(_ arrived: APICall) -> Applied {
    var call = arrived
    call.at = simulatedNow ?? arrived.at
    calls += 1
    var applied: Applied
    if let cached = reads.body(for: call) {
      _ = requestIDs.make(.group, at: call.at)  // as `apply` does: later request ids stay those of a replay
      applied = Applied(status: 200, body: .null, bytes: cached, journaled: true)
    } else {
      applied = apply(call)
    }
    if applied.journaled, let journal {
      do throws(DurableLogError) { try journal.append(call.line(status: applied.status)) } catch {
        applied = undo(call, failure: error)
      }
    }
    return applied
  }

  /// Applies one call to the world at its time (under the lock); its answer and the sendouts its events make. A pure
  /// read's `200` is kept in the read cache; any other call empties it first.
  func apply(_ call: APICall) -> Applied {
    var reached = false
    do throws(APIError) {
      let (status, answer, operationID) = try handle(call, reached: &reached)
      let requestID = requestID(for: call, reached: reached)
      let pure = operationID.map(APIReadCache.operations.contains) ?? false
      if !pure { reads.invalidate() }
      var sendouts = madeSendouts
      madeSendouts = []
      for event in answer.events { sendouts += webhooks.sendouts(for: event) }
      if let error = answer.error {
        return Applied(
          status: error.status, body: error.body(requestID: requestID), sendouts: sendouts, journaled: reached)
      }
      guard pure, status == 200 else {
        return Applied(status: status, body: answer.body, sendouts: sendouts, journaled: reached)
      }
      let bytes = answer.body.compactBytes
      reads.store(bytes, for: call)
      return Applied(status: status, body: answer.body, sendouts: sendouts, bytes: bytes, journaled: true)
    } catch {
      if reached { reads.invalidate() }
      madeSendouts = []
      return Applied(
        status: error.status, body: error.body(requestID: requestID(for: call, reached: reached)), journaled: reached)
    }
  }

  /// The call's request id: from the journaled sequence when it reached an endpoint (a replay draws the same), else
  /// from a sequence of its own, so calls that are not journaled leave replayed answers as they were.
  private func requestID(for call: APICall, reached: Bool) -> String {
    reached ? requestIDs.make(.group, at: call.at) : refusedIDs.make(.group, at: call.at)
  }

  /// Routes, authenticates and decodes the call, then (setting `reached`, and moving the world's clock to the call)
  /// runs its endpoint; under the lock.
  private func handle(_ call: APICall, reached: inout Bool) throws(APIError) -> (Int, APIAnswer, String?) {
    if call.path.hasPrefix("/_sendout/") { return (200, try admin(call, reached: &reached), nil) }
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
    enter(call, reached: &reached)
    let answer: APIAnswer
    if let management {
      answer = try management(request, &webhooks, call.at, served.refusal(of:))
    } else if let endpoint {
      answer = try endpoint(request, &world)
    } else {
      throw APIError.notImplemented(operation)  // unreachable: the guard above
    }
    return (answer.status ?? operation.successStatus, answer, operation.operationID)
  }

  /// Marks the call as one that reached an endpoint (it is journaled) and moves the world's clock to it.
  func enter(_ call: APICall, reached: inout Bool) {
    reached = true
    world.moveClock(to: call.at)
  }

  /// Which kinds of keys the call carries: the app keys authorize server calls, and management calls too (a
  /// convenience); management keys equal to the app keys authorize management calls. The client keys, with the
  /// `origin` header the spec requires, authorize client-side calls only, and app keys never do (as in the spec's
  /// security schemes).
  func authorized(_ head: HTTPHead) -> Set<APIOperation.Auth> {
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

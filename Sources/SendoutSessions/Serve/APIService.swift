import Foundation
import SendoutAPI
import SendoutCore
import SendoutIO

/// The mock Voucherify API's HTTP shell, an `HTTPHandler` around one `MockAPI`: check the keys, apply the call to the
/// mock under one lock (calls are serialised, as one world is the single source of truth), journal it, answer with
/// its body, and hand its sendouts to the delivery queue; plus sendout's own `/_sendout/` endpoints. Webhook delivery
/// never blocks a response.
/// (`@unchecked`: the state is behind `lock`, used in place by the admin endpoints; Mutex comes with their table.)
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

  private let keys: Keys
  private let clock: @Sendable () -> Timestamp
  /// Where the calls' sendouts go; the admin endpoints hold, release and read it.
  let delivery: DeliveryQueue
  let observer: SessionObserver
  private let lock = NSLock()
  /// The mock API: world, project webhooks, read cache, simulated clock, request ids.
  var mock: MockAPI
  var initialWorld: World
  var initialWebhooks: ProjectWebhooks
  /// For `POST /_sendout/scenario`: the target of endpoints without one (the built-in listener) and `--to`.
  var scenarioTargets: (default: String?, override: String?, secret: String?) = (nil, nil, nil)
  let sendoutRows: @Sendable () throws(SessionError) -> [AuditSummary.Row]
  /// What the server started from (before any call): a failed journal write rebuilds the mock from it.
  let start: (mock: MockAPI, seed: UInt64)
  var journal: DurableLog?
  private var calls = 0
  /// Where the server listens: webhooks aimed there are refused (set with `serve(at:)`).
  private(set) var served = ServedAddress()

  /// What applying a call gave.
  typealias Applied = MockAPI.Outcome

  /// Calls answered so far.
  var answered: Int { lock.withLock { calls } }

  /// A service over `world`, sending every event to the project's `webhooks`.
  init(
    world: World, webhooks: ProjectWebhooks, keys: Keys, seed: UInt64, simulatedStart: Timestamp?,
    clock: @escaping @Sendable () -> Timestamp, observer: @escaping SessionObserver,
    sendouts: @escaping @Sendable () throws(SessionError) -> [AuditSummary.Row],
    delivery: DeliveryQueue
  ) {
    mock = MockAPI(world: world, webhooks: webhooks, seed: seed, simulatedNow: simulatedStart)
    initialWorld = mock.world
    initialWebhooks = webhooks
    sendoutRows = sendouts
    self.keys = keys
    self.clock = clock
    self.observer = observer
    self.delivery = delivery
    start = (mock, seed)
  }

  /// Records where the server listens (the configured port before binding, the bound one after).
  func serve(at address: ServedAddress) {
    lock.withLock {
      served = address
      mock.refusesTarget = { address.refusal(of: $0) }
    }
  }

  /// Runs `body` on the world under the lock (the dashboard's world tabs read it this way; keep it quick).
  func read<T>(_ body: (World) -> T) -> T { lock.withLock { body(mock.world) } }

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

  /// Answers `call` under the lock at the simulated clock (or the wall clock), journaling it when it reached an
  /// endpoint.
  private func answer(_ arrived: APICall) -> Applied {
    var call = arrived
    call.at = mock.simulatedNow ?? arrived.at
    calls += 1
    var applied = apply(call)
    if applied.journaled, let journal {
      do throws(DurableLogError) { try journal.append(call.line(status: applied.status)) } catch {
        applied = undo(call, failure: error)
      }
    }
    return applied
  }

  /// Applies one call to the mock (under the lock), the admin endpoints answering `/_sendout/…`.
  func apply(_ call: APICall) -> Applied { mock.apply(call, admin: self.admin) }

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
}

import SendoutAPI
import SendoutCore
import SendoutIO
import Synchronization

/// The mock Voucherify API's HTTP shell, an `HTTPHandler` around one `MockAPI`: check the keys, apply the call to the
/// mock under one mutex (calls are serialised, as one world is the single source of truth), journal it, answer with
/// its body, and hand its sendouts to the delivery queue; plus sendout's own `/_sendout/` endpoints. Webhook delivery
/// never blocks a response.
final class APIService: HTTPHandler, Sendable {
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

  /// For `POST /_sendout/scenario`: the target of endpoints without one (the built-in listener), `--to` and
  /// `--secret`.
  typealias ScenarioTargets = (default: String?, override: String?, secret: String?)

  private let keys: Keys
  let clock: @Sendable () -> Timestamp
  /// Where the calls' sendouts go; the admin endpoints hold, release and read it.
  let delivery: DeliveryQueue
  let observer: SessionObserver
  /// The mock and the shell's own state: every call and admin endpoint changes them under this mutex.
  let state: Mutex<State>
  /// For `POST /_sendout/scenario`: the targets as at start.
  let scenarioTargets: ScenarioTargets
  let sendoutRows: @Sendable () throws(SessionError) -> [AuditSummary.Row]
  /// The recent calls and the sendouts each caused (the dashboard's "API calls" tab).
  let calls = APICallLog()
  /// What the server started from (before any call): a failed journal write rebuilds the mock from it.
  let start: (mock: MockAPI, seed: UInt64)

  /// What applying a call gave.
  typealias Applied = MockAPI.Outcome

  /// Calls answered so far.
  var answered: Int { state.withLock { $0.shell.calls } }

  /// A service over `world`, sending every event to the project's `webhooks`.
  init(
    world: World, webhooks: ProjectWebhooks, keys: Keys, seed: UInt64, simulatedStart: Timestamp?,
    clock: @escaping @Sendable () -> Timestamp, observer: @escaping SessionObserver,
    sendouts: @escaping @Sendable () throws(SessionError) -> [AuditSummary.Row],
    delivery: DeliveryQueue, scenarioTargets: ScenarioTargets
  ) {
    let mock = MockAPI(world: world, webhooks: webhooks, seed: seed, simulatedNow: simulatedStart)
    state = Mutex(State(mock: mock, shell: Shell(initialWorld: mock.world, initialWebhooks: webhooks)))
    sendoutRows = sendouts
    self.keys = keys
    self.clock = clock
    self.observer = observer
    self.delivery = delivery
    self.scenarioTargets = scenarioTargets
    start = (mock, seed)
  }

  /// Records where the server listens (the configured port before binding, the bound one after).
  func serve(at address: ServedAddress) {
    state.withLock {
      $0.shell.served = address
      $0.mock.refusesTarget = { address.refusal(of: $0) }
      $0.mock.servedURL = address.url
    }
  }

  /// Why the project's webhooks are refused (one aims at this server), or `nil`.
  var webhookRefusal: String? { state.withLock { $0.shell.served.refusal(of: $0.mock.webhooks) } }

  /// Runs `body` on the world under the mutex (the dashboard's world tabs read it this way; keep it quick).
  func read<T: Sendable>(_ body: (World) -> T) -> T { state.withLock { body($0.mock.world) } }

  /// Answers one call. A call that reaches an endpoint is applied, then (with a journal) written to disk, then
  /// answered: a call that traps is never journaled, and one the disk cannot take (507) is undone. A call refused
  /// before any endpoint (no route, no keys, a malformed body) changes nothing and is not journaled.
  func reply(to message: HTTPMessage) -> HTTPReply {
    let auth = authorized(message.head)
    let wall = clock()
    let call = APICall(
      at: wall, method: message.head.method ?? "GET", target: message.head.target ?? "/", body: message.body,
      authorized: auth)
    // Reading the audit log is no call on the world: it neither waits for the world nor holds calls up. A call is
    // parsed (routed, decoded, checked) before the lock, as that reads nothing of the world; but a read the cache
    // holds needs no parsing, so a call without a body is looked up in the cache first.
    let admin = call.path.hasPrefix("/_sendout/")
    let applied: Applied
    if (call.method, call.path) == ("GET", "/_sendout/sendouts") {
      applied = sendouts(call)
    } else if call.body.isEmpty, !admin, let cached = state.withLock({ cachedAnswer(call, &$0) }) {
      applied = cached
    } else {
      let parsed = admin ? nil : MockAPI.parse(call)
      applied = state.withLock { answer(call, parsed: parsed, &$0) }
    }
    let bytes = applied.bytesToSend
    delivery.enqueue(applied.sendouts)
    calls.record(
      at: wall, method: call.method, path: call.path, status: applied.status, sendoutIDs: applied.sendouts.map(\.id))
    observer(.apiCall(method: call.method, path: call.path, status: applied.status))
    let type = applied.contentType ?? "application/json; charset=utf-8"
    return HTTPReply(status: applied.status, headers: [HTTPHeader("content-type", type)], body: bytes)
  }

  /// `answer` for a read the cache holds (holding the mutex), or `nil`, having changed nothing, for any other call.
  private func cachedAnswer(_ arrived: APICall, _ state: inout State) -> Applied? {
    state.mock.answersFromCache(Self.atSimulatedTime(arrived, state)) ? answer(arrived, parsed: nil, &state) : nil
  }

  /// `arrived` at the simulated clock, or at the wall clock it arrived at when there is none.
  private static func atSimulatedTime(_ arrived: APICall, _ state: State) -> APICall {
    var call = arrived
    call.at = state.mock.simulatedNow ?? arrived.at
    return call
  }

  /// Answers `call` (holding the mutex; `parsed` already, or `nil`) at the simulated clock (or the wall clock),
  /// journaling it when it reached an endpoint.
  private func answer(_ arrived: APICall, parsed: ParsedCall?, _ state: inout State) -> Applied {
    let call = Self.atSimulatedTime(arrived, state)
    state.shell.calls += 1
    var applied = apply(call, parsed: parsed, &state)
    if applied.journaled, let journal = state.shell.journal {
      do throws(DurableLogError) { try journal.append(call.line(status: applied.status)) } catch {
        applied = undo(call, failure: error, &state)
      }
    }
    return applied
  }

  /// Applies one call to the mock (holding the mutex; `parsed` already, or `nil`), the admin endpoints answering
  /// `/_sendout/…` with the shell's state (taken out for the call: the mock is being changed in place).
  func apply(_ call: APICall, parsed: ParsedCall? = nil, _ state: inout State) -> Applied {
    guard call.path.hasPrefix("/_sendout/") else { return state.mock.apply(call, parsed: parsed) }
    var shell = state.shell
    let applied = state.mock.apply(call) { (call, mock, reached) throws(VoucherifyError) in
      try self.admin(call, &mock, &shell, reached: &reached)
    }
    state.shell = shell
    return applied
  }

  /// Which kinds of keys the call carries: the app keys authorize server calls, and management calls too (a
  /// convenience); management keys equal to the app keys authorize management calls. The client keys, with the
  /// `origin` header the spec requires, authorize client-side calls only, and app keys never do (as in the spec's
  /// security schemes).
  func authorized(_ head: HTTPHead) -> Set<APIOperation.Auth> {
    let client =
      !keys.clientAppID.isEmpty && head.value("x-client-application-id") == keys.clientAppID
      && head.value("x-client-token") == keys.clientToken && head.value("origin")?.isEmpty == false
    let app = head.value("x-app-id") == keys.appID && head.value("x-app-token") == keys.appToken
    let management = head.value("x-management-id") == keys.appID && head.value("x-management-token") == keys.appToken
    return Self.kindSets[(client ? 1 : 0) | (app ? 2 : 0) | (management ? 4 : 0)]
  }

  /// The kinds for each combination of keys (bit 1 client, 2 app, 4 management), made once: building the set on every
  /// call hashed and allocated it.
  private static let kindSets: [Set<APIOperation.Auth>] = (0..<8).map { bits in
    var kinds: Set<APIOperation.Auth> = []
    if bits & 1 != 0 { kinds.insert(.client) }
    if bits & 2 != 0 { kinds.formUnion([.server, .management]) }
    if bits & 4 != 0 { kinds.insert(.management) }
    return kinds
  }
}

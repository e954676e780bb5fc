import Foundation
import SendoutCore
import Synchronization

/// The built-in webhook receiver (`sendout listen`, and `fire`'s embedded mode): an HTTP/1.1 server on
/// plain POSIX sockets and `epoll`, its own threads, many keep-alive connections.
///
/// It verifies `x-voucherify-signature`, records every request, and answers as `behavior` says
/// (fixed status, fail the first N, a seeded failure rate, a delay), which tests may change mid-run.
///
/// ```swift
/// let listener = WebhookListener(configuration: ListenerConfiguration(port: 0, secret: "s"))
/// let port = try listener.start()
/// listener.behavior = ListenerBehavior(failFirst: 2)
/// // … POST to http://127.0.0.1:\(port)/webhooks …
/// let got = await listener.waitForRequests(count: 3, timeoutMilliseconds: 5000)
/// listener.stop()
/// ```
public final class WebhookListener: HTTPHandler, Sendable {
  /// The configuration it was created with (its `behavior` is only the initial one).
  public let configuration: ListenerConfiguration

  /// What changes while it serves: the answers it gives, what it recorded, and its server.
  private struct State {
    var behavior: ListenerBehavior
    var requestsSinceBehavior = 0
    var random: SeededGenerator
    var received: [ReceivedWebhook] = []
    /// Sendout ids answered 2xx, kept only while `behavior.duplicateStatus` is set.
    var acknowledgedIDs: Set<String> = []
    var receivedTotal = 0
    var server: HTTPServer?
  }
  private let state: Mutex<State>
  /// Bytes read, counted apart from `state` so the read path takes no lock.
  private let receivedBytes = Atomic<Int>(0)
  /// Whether the behaviour answers duplicates (`behavior.duplicateStatus` is set), mirrored so that a request learns
  /// whether to read the body's sendout id without taking the lock.
  private let answersDuplicates: Atomic<Bool>
  /// The arrivals the UI shows, when `configuration.servesUI` is on.
  public let arrivals: ArrivalLog?
  /// The signer for `configuration.secret`, made once (its key schedule is not per request).
  private let signer: VoucherifySignature?

  /// A listener that is not yet listening; call `start()`.
  public init(configuration: ListenerConfiguration = ListenerConfiguration()) {
    self.configuration = configuration
    state = Mutex(State(behavior: configuration.behavior, random: SeededGenerator(seed: configuration.behavior.seed)))
    answersDuplicates = Atomic(configuration.behavior.duplicateStatus != nil)
    arrivals = configuration.servesUI ? ArrivalLog() : nil
    signer = configuration.secret.map(VoucherifySignature.init(secret:))
  }

  deinit { stop() }

  /// Binds, listens and starts serving on a background thread; returns the bound port (useful with port 0).
  @discardableResult
  public func start() throws(ListenerError) -> Int {
    var serverConfiguration = configuration.server
    if configuration.servesUI { serverConfiguration.hostGuard = .reserved }
    let newServer = HTTPServer(configuration: serverConfiguration, handler: self)
    guard state.withLock({ $0.server == nil }) else { throw .alreadyStarted }
    let port = try newServer.start()
    state.withLock { $0.server = newServer }
    return port
  }

  /// Stops serving and closes every connection; waits (briefly) for the thread to finish. Idempotent.
  public func stop() {
    state.withLock { state in
      defer { state.server = nil }
      return state.server
    }?.stop()
  }

  /// The bound port (0 before `start`).
  public var port: Int { state.withLock { $0.server?.port ?? 0 } }

  /// `http://HOST:PORT` of the running listener (`http://[::1]:PORT` for an IPv6 host).
  public var baseURL: String { HTTPServer.baseURL(host: configuration.server.host, port: port) }

  /// How requests are answered from now on; setting it restarts the `failFirst` count and the failure draws.
  public var behavior: ListenerBehavior {
    get { state.withLock { $0.behavior } }
    set {
      state.withLock {
        $0.behavior = newValue
        $0.requestsSinceBehavior = 0
        $0.random = SeededGenerator(seed: newValue.seed)
        answersDuplicates.store(newValue.duplicateStatus != nil, ordering: .relaxed)
      }
    }
  }

  /// Every request received so far, in order.
  public var received: [ReceivedWebhook] { state.withLock { $0.received } }

  /// How many requests arrived so far (also when `configuration.keepsReceived` is off).
  public var receivedCount: Int { state.withLock { $0.receivedTotal } }

  /// Bytes read from all connections so far (heads, bodies and framing), for diagnostics and tests.
  public var bytesReceived: Int { receivedBytes.load(ordering: .relaxed) }

  /// Waits until at least `count` requests have arrived or the timeout passes; returns what arrived.
  public func waitForRequests(count: Int, timeoutMilliseconds: Int64) async -> [ReceivedWebhook] {
    let deadline = Platform.monotonicMilliseconds() + timeoutMilliseconds
    while true {
      let got = received
      if got.count >= count || Platform.monotonicMilliseconds() >= deadline || Task.isCancelled { return got }
      try? await Task.sleep(nanoseconds: 5_000_000)
    }
  }

  /// For the loop: records the webhook (signature checked) and answers as the current behaviour says; a sendout
  /// id already answered 2xx gets the behaviour's duplicate status when it has one (`listen --fail-duplicates`).
  public func reply(to message: HTTPMessage) -> HTTPReply {
    if let arrivals, ArrivalsEndpoints.handles(message.head.target ?? "") {
      return ArrivalsEndpoints.reply(to: message, log: arrivals)
    }
    let readsFields =
      configuration.readsBodyFields || arrivals != nil || answersDuplicates.load(ordering: .relaxed)
    var request = ReceivedWebhook(
      message: message, signer: signer, receivedAt: SystemClock().now(), respondedStatus: 0, readsFields: readsFields)
    if let forwarder = configuration.forwarder {
      let (reply, note) = forwarder.forward(message)
      (request.respondedStatus, request.note) = (reply.status, note)
      record(&request, decidingStatus: false)
      return reply
    }
    let behavior = record(&request, decidingStatus: true)
    let status = request.respondedStatus
    let body =
      (200...299).contains(status)
      ? Self.acceptedBody : JSON.object(["error": .string("status \(status) from sendout listen")]).compactBytes
    return HTTPReply(
      status: status, headers: behavior.headers.isEmpty ? Self.jsonHeaders : Self.jsonHeaders + behavior.headers,
      body: body, delayMilliseconds: behavior.delayMilliseconds)
  }

  /// The status for the next request, carrying sendout id `id`: the behaviour's duplicate status for an id already
  /// answered 2xx while it has one, else what the behaviour says (which counts the request).
  private static func status(for id: String?, _ s: inout State) -> Int {
    if let duplicate = s.behavior.duplicateStatus, let id, s.acknowledgedIDs.contains(id) { return duplicate }
    let status = s.behavior.status(forRequest: s.requestsSinceBehavior, random: &s.random)
    s.requestsSinceBehavior += 1
    if s.behavior.duplicateStatus != nil, let id, (200...299).contains(status) { s.acknowledgedIDs.insert(id) }
    return status
  }

  /// The body of every 2xx answer, encoded once.
  private static let acceptedBody = JSON.object(["received": true]).compactBytes
  /// The `content-type` every answer starts its headers with, made once.
  private static let jsonHeaders = [HTTPHeader("content-type", "application/json")]

  /// For the loop: counts bytes read.
  public func count(bytes: Int) { receivedBytes.add(bytes, ordering: .relaxed) }

  /// Stores a request and calls `onReceive`; with `decidingStatus`, first sets its status as the behaviour says, under
  /// the same lock, so the count and what was kept agree with the answers given. Returns the behaviour it met.
  @discardableResult
  private func record(_ request: inout ReceivedWebhook, decidingStatus: Bool) -> ListenerBehavior {
    let behavior = state.withLock { s in
      if decidingStatus { request.respondedStatus = Self.status(for: request.sendoutID, &s) }
      s.receivedTotal += 1
      if configuration.keepsReceived { s.received.append(request) }
      return s.behavior
    }
    arrivals?.append(request)
    configuration.onReceive?(request)
    return behavior
  }
}

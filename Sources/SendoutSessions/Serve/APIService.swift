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
  }

  private let router = APIRouter()
  private let keys: Keys
  private let clock: @Sendable () -> Timestamp
  private let deliver: @Sendable ([Sendout]) -> Void
  private let observer: SessionObserver
  private let lock = NSLock()
  private var world: World
  private var webhooks: [SendoutBuilder]
  private var requestIDs: IDFactory
  private var bytesRead = 0
  private var calls = 0

  /// Calls answered so far.
  var answered: Int { lock.withLock { calls } }

  /// A service over `world`, sending every event to the project `webhooks`.
  init(
    world: World, webhooks: [SendoutBuilder], keys: Keys, seed: UInt64, clock: @escaping @Sendable () -> Timestamp,
    observer: @escaping SessionObserver, deliver: @escaping @Sendable ([Sendout]) -> Void
  ) {
    var world = world
    world.addsRequestGaps = false
    self.world = world
    self.webhooks = webhooks
    self.keys = keys
    self.clock = clock
    self.observer = observer
    self.deliver = deliver
    requestIDs = IDFactory(seed: seed ^ 0x4E0E_57ED)
  }

  /// Counts bytes read (diagnostics).
  func count(bytes: Int) { lock.withLock { bytesRead += bytes } }

  /// Answers one call.
  func reply(to message: HTTPMessage) -> HTTPReply {
    let method = message.head.method ?? "GET"
    let target = message.head.target ?? "/"
    let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
    let (status, body, sendouts) = lock.withLock { () -> (Int, JSON, [Sendout]) in
      let now = clock()
      calls += 1
      world.moveClock(to: now)
      let requestID = requestIDs.make(.group, at: now)
      do throws(APIError) {
        let (status, answer) = try handle(method: method, path: path, target: target, message: message)
        var sendouts: [Sendout] = []
        for event in answer.events {
          let places = EventCatalog.descriptor(for: event.type)?.configuredIn ?? []
          guard places.contains(.webhook) else { continue }
          for i in webhooks.indices { sendouts.append(webhooks[i].make(event)) }
        }
        if let error = answer.error { return (error.status, error.body(requestID: requestID), sendouts) }
        return (status, answer.body, sendouts)
      } catch {
        return (error.status, error.body(requestID: requestID), [])
      }
    }
    if !sendouts.isEmpty { deliver(sendouts) }
    observer(.apiCall(method: method, path: path, status: status))
    return HTTPReply(
      status: status, headers: [HTTPHeader("content-type", "application/json; charset=utf-8")],
      body: status == 204 ? [] : body.compactBytes)
  }

  /// Routes, authenticates, decodes and runs the endpoint (under the lock).
  private func handle(method: String, path: String, target: String, message: HTTPMessage) throws(APIError) -> (
    Int, APIAnswer
  ) {
    let operation: APIOperation
    let parameters: [String: String]
    switch router.match(method: method, path: path) {
    case .notFound: throw APIError.noRoute(method: method, path: path)
    case .methodNotAllowed(let allowed): throw APIError.methodNotAllowed(method, allowed: allowed)
    case .operation(let op, let bound): (operation, parameters) = (op, bound)
    }
    try authenticate(operation, message.head)
    guard let endpoint = APIEndpoints.all[operation.operationID] else { throw APIError.notImplemented(operation) }
    let queryText = target.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
    guard let query = PercentDecoding.query(queryText) else {
      throw APIError(
        status: 400, key: "invalid_query_params", message: "Invalid query params", details: "malformed %-escape")
    }
    let request = APIRequest(
      operation: operation, parameters: parameters, query: query, body: try Self.decodeBody(message.body))
    let answer = try endpoint(request, &world)
    return (answer.status ?? operation.successStatus, answer)
  }

  /// Server-side calls need the app keys (management calls accept them too, as a convenience); client-side
  /// endpoints are not simulated yet.
  private func authenticate(_ operation: APIOperation, _ head: HTTPHead) throws(APIError) {
    switch operation.auth {
    case .server, .management:
      if operation.auth == .management, head.value("x-management-id") == keys.appID,
        head.value("x-management-token") == keys.appToken
      {
        return
      }
      guard head.value("x-app-id") == keys.appID, head.value("x-app-token") == keys.appToken else {
        throw APIError.unauthorized("X-App-Id / X-App-Token")
      }
    case .client:
      throw APIError.unauthorized("X-Client-Application-Id / X-Client-Token")
    }
  }

  /// The body as JSON; an empty body is `{}` (the SDKs send none with a JSON content type); anything else that
  /// does not parse is a 400 naming the position.
  private static func decodeBody(_ bytes: [UInt8]) throws(APIError) -> JSON {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return [:] }
    do { return try JSONParser.parse(bytes) } catch {
      throw APIError(status: 400, key: "invalid_payload", message: "Invalid payload", details: error.description)
    }
  }
}

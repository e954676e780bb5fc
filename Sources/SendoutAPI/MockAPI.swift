import SendoutCore

/// The mock Voucherify API as a value, with no I/O: the world, the project's webhooks, the read cache, the simulated
/// clock and the request-id sequences. `apply` routes one call by the spec's operations table, checks its keys,
/// decodes the body, runs the endpoint on the world and answers with the spec's body or Voucherify's `Error` body,
/// plus the sendouts its events make. The HTTP shell (`sendout serve`) holds one under its lock and adds the keys,
/// the journal, the delivery queue and its own `/_sendout/` endpoints; a journal replay applies calls the same way.
package struct MockAPI: Sendable {
  /// What applying a call gave: the status and body (or its bytes, when already written), and the sendouts.
  package struct Outcome: Sendable {
    /// The status.
    package var status: Int
    /// The body; `.null` when `bytes` or `deferredBody` holds it.
    package var body: JSON
    /// The sendouts the call's events made, to be delivered.
    package var sendouts: [Sendout]
    /// The body already written (a read-cache hit or a kept read).
    package var bytes: [UInt8]?
    /// Whether the call reached an endpoint: only such calls are journaled (and replayed).
    package var journaled: Bool
    /// The content type of `bytes` when they are no JSON (an export's CSV).
    package var contentType: String?
    /// A read's body to build outside the world's lock (`APIAnswer.deferredBody`); `body` is `.null` then.
    package var deferredBody: (@Sendable () -> JSON)?

    /// The bytes to answer with: none for a `204`, else the kept bytes, or the body written (built first when it
    /// was deferred). Called outside the world's lock.
    package var bytesToSend: [UInt8] {
      status == 204 ? [] : bytes ?? (deferredBody?() ?? body).compactBytes
    }

    /// An outcome of `status` with `body`.
    package init(
      status: Int, body: JSON, sendouts: [Sendout] = [], bytes: [UInt8]? = nil, journaled: Bool = false,
      contentType: String? = nil
    ) {
      self.status = status
      self.body = body
      self.sendouts = sendouts
      self.bytes = bytes
      self.journaled = journaled
      self.contentType = contentType
    }
  }

  /// The shell's own endpoints (`/_sendout/…`): the call, this mock (to change), and whether the call reached an
  /// endpoint (set through `enter`).
  package typealias Admin = (APICall, inout MockAPI, inout Bool) throws(VoucherifyError) -> APIAnswer

  /// Request ids of journaled calls are drawn from the seed with this mask (a replay draws the same).
  package static let requestIDMask: UInt64 = 0x4E0E_57ED
  /// … and those of calls refused before any endpoint with this one, mixed with the journal's length at start.
  package static let refusedIDMask: UInt64 = 0x4EF0_5ED0
  private static let router = APIRouter()
  /// The name of the served project (Management API).
  package static let projectName = "Sendout serve"

  /// The world: the mock's whole state.
  package var world: World
  /// The project's webhooks, which every event is routed to.
  package var webhooks: ProjectWebhooks
  /// Answers of pure reads, until the next call that may change the world.
  package var reads = APIReadCache()
  /// The simulated time (`--at`), moved only by `POST /_sendout/clock`; `nil`: the caller's clock.
  package var simulatedNow: Timestamp?
  /// The request ids of journaled calls (replayed alike).
  package var requestIDs: IDFactory
  /// The request ids of calls refused before any endpoint.
  package var refusedIDs: IDFactory
  /// Sendouts an admin call made itself (a loaded scenario's steps), sent with the call's.
  package var madeSendouts: [Sendout] = []
  /// Why a webhook target is refused (the server's own address), `nil` when it is not.
  package var refusesTarget: @Sendable (String) -> String? = { _ in nil }
  /// The server's own URL, which answers linking back to it start with (`APIRequest.origin`).
  package var servedURL = ""

  /// A mock over `world` (request gaps and history off: its clock is the calls'), sending every event to `webhooks`.
  package init(world: World, webhooks: ProjectWebhooks, seed: UInt64, simulatedNow: Timestamp?) {
    var world = world
    world.addsRequestGaps = false
    world.keepsLog = false  // the world lives as long as the server: keep no history it never reads
    world.serveProject(webhooks.projectID, name: Self.projectName)
    self.world = world
    self.webhooks = webhooks
    self.simulatedNow = simulatedNow
    requestIDs = IDFactory(seed: seed ^ Self.requestIDMask)
    refusedIDs = IDFactory(seed: seed ^ Self.refusedIDMask)
  }

  /// Applies one call at its time: a repeated pure read from the read cache, else routed, checked (`parse`, or
  /// `parsed` when the caller did it already) and run (`admin` answers `/_sendout/…`). Its answer and the sendouts
  /// its events make. A pure read's `200` is kept in the read cache; any other call empties it first.
  package mutating func apply(_ call: APICall, parsed: ParsedCall? = nil, admin: Admin? = nil) -> Outcome {
    let due = runDueAsyncActions(before: call.at)
    var outcome = applyCall(call, parsed: parsed, admin: admin)
    if !due.isEmpty { outcome.sendouts = due + outcome.sendouts }
    return outcome
  }

  /// Whether `apply` would answer `call` (at its time) from the read cache, changing nothing but the request ids: no
  /// async action is due by then and the answer is kept. The shell asks before it parses a call without a body, so
  /// that only a miss is parsed, and outside the world's lock.
  package func answersFromCache(_ call: APICall) -> Bool {
    reads.holds(call) && world.nextDueAsyncAction(before: call.at) == nil
  }

  /// `apply` once the due async actions have run.
  private mutating func applyCall(_ call: APICall, parsed: ParsedCall?, admin: Admin?) -> Outcome {
    if let cached = reads.bytes(for: call) {
      _ = requestIDs.make(.group, at: call.at)  // as a miss does: later request ids stay those of a replay
      return Outcome(status: 200, body: .null, bytes: cached, journaled: true)
    }
    var reached = false
    do throws(VoucherifyError) {
      let (status, answer, operationID) = try handle(call, parsed: parsed, admin: admin, reached: &reached)
      let requestID = requestID(for: call, reached: reached)
      let pure = operationID.map(APIReadCache.operations.contains) ?? false
      if !pure { reads.invalidate() }
      var sendouts = madeSendouts
      madeSendouts = []
      for event in answer.events { sendouts += webhooks.sendouts(for: event) }
      if let error = answer.error {
        return Outcome(
          status: error.status, body: error.body(requestID: requestID), sendouts: sendouts, journaled: reached)
      }
      if let file = answer.file {
        return Outcome(
          status: status, body: .null, sendouts: sendouts, bytes: file.bytes, journaled: reached,
          contentType: file.contentType)
      }
      guard pure, status == 200 else {
        return Outcome(status: status, body: answer.builtBody, sendouts: sendouts, journaled: reached)
      }
      if let build = answer.deferredBody {  // built by the caller, outside the lock; by the cache on a hit
        reads.store(deferred: build, for: call)
        var outcome = Outcome(status: status, body: .null, sendouts: sendouts, journaled: true)
        outcome.deferredBody = build
        return outcome
      }
      let bytes = answer.body.compactBytes
      reads.store(bytes, for: call)
      return Outcome(status: status, body: answer.body, sendouts: sendouts, bytes: bytes, journaled: true)
    } catch {
      if reached { reads.invalidate() }
      madeSendouts = []
      return Outcome(
        status: error.status, body: error.body(requestID: requestID(for: call, reached: reached)), journaled: reached)
    }
  }

  /// Marks the call as one that reached an endpoint (it is journaled) and moves the world's clock to it, doing the
  /// exports due by then (with the wall clock no `POST /_sendout/clock` does them).
  package mutating func enter(_ call: APICall, reached: inout Bool) {
    reached = true
    world.completeExports(dueBy: call.at)
    world.moveClock(to: call.at)
  }

  /// The call's request id: from the journaled sequence when it reached an endpoint (a replay draws the same), else
  /// from a sequence of its own, so calls that are not journaled leave replayed answers as they were.
  private mutating func requestID(for call: APICall, reached: Bool) -> String {
    reached ? requestIDs.make(.group, at: call.at) : refusedIDs.make(.group, at: call.at)
  }

  /// Parses the call (`parse`, unless the shell did: `parsed`), then (setting `reached`, and moving the world's clock
  /// to the call) runs its endpoint.
  private mutating func handle(_ call: APICall, parsed: ParsedCall?, admin: Admin?, reached: inout Bool)
    throws(VoucherifyError) -> (Int, APIAnswer, String?)
  {
    if call.path.hasPrefix("/_sendout/"), let admin { return (200, try admin(call, &self, &reached), nil) }
    let (operation, parameters, query, body) = try (parsed ?? Self.parse(call)).checked()
    let management = APIManagement.all[operation.operationID]
    let endpoint = APIEndpoints.all[operation.operationID]
    var request = APIRequest(operation: operation, parameters: parameters, query: query, body: body)
    request.origin = servedURL
    try APIMetadataRules.check(request, world)
    if APIAsyncActions.making.contains(operation.operationID) {
      var next = requestIDs  // the id `requestID(for:reached:)` draws for this call next
      request.requestID = next.make(.group, at: call.at)
      request.calledAt = call.at
    }
    enter(call, reached: &reached)
    let answer: APIAnswer
    if let management {
      answer = try management(request, &webhooks, call.at, refusesTarget)
    } else if let endpoint {
      // A Management API resource over the world (brands, projects…): the path's project must exist (APIProjects).
      if operation.auth == .management { try APIProjects.check(request, world, webhooks) }
      answer = try endpoint(request, &world)
    } else {
      throw VoucherifyError.notImplemented(operation)  // unreachable: parse's guard
    }
    return (answer.status ?? operation.successStatus, answer, operation.operationID)
  }

  /// Routes, authenticates, decodes and checks `call` against its operation's request shape: all of `handle` that
  /// reads nothing but the call, so the shell can do it before it takes the world's lock (`apply(_:parsed:admin:)`).
  package static func parse(_ call: APICall) -> ParsedCall {
    ParsedCall { () throws(VoucherifyError) in
      var operation: APIOperation
      var parameters: [String: String]
      switch Self.router.match(method: call.method, path: call.path) {
      case .notFound: throw VoucherifyError.noRoute(method: call.method, path: call.path)
      case .methodNotAllowed(let allowed): throw VoucherifyError.methodNotAllowed(call.method, allowed: allowed)
      case .operation(let op, let bound): (operation, parameters) = (op, bound)
      }
      if let download = Self.download(operation, call.query) {
        (operation, parameters) = (download, ["export_Id": parameters["exportId"] ?? ""])
      }
      guard call.authorized.contains(operation.auth) else {
        throw operation.auth == .client
          ? VoucherifyError.unauthorized("X-Client-Application-Id / X-Client-Token / origin")
          : VoucherifyError.unauthorized("X-App-Id / X-App-Token")
      }
      guard APIManagement.all[operation.operationID] != nil || APIEndpoints.all[operation.operationID] != nil else {
        throw VoucherifyError.notImplemented(operation)
      }
      guard let query = PercentDecoding.query(call.query) else {
        throw VoucherifyError(
          status: 400, key: "invalid_query_params", message: "Invalid query params", details: "malformed %-escape")
      }
      let body =
        APICSVImports.endpoints[operation.operationID] != nil
        ? try APICSVImports.body(call.body)
        : try Self.decodeBody(call.body, array: APIBodyLimits.arrayBodies.contains(operation.operationID))
      try APIBodyLimits.check(body)
      try APIRequestShape.check(operation.operationID, body: body, query: query)
      return (operation, parameters, query, body)
    }
  }

  /// `download-export` for a `GET /v1/exports/{id}` that carries a `token` (the spec gives it the path of
  /// `get-export`, on Voucherify's download host), else `nil`.
  private static func download(_ operation: APIOperation, _ query: Substring) -> APIOperation? {
    guard operation.operationID == "get-export", PercentDecoding.query(query)?["token"] != nil else { return nil }
    return APIOperation.spec.first { $0.operationID == "download-export" }
  }

  /// The body as JSON: an object (an array when the operation's body is one, `array`); an empty body is `{}` (the
  /// SDKs send none with a JSON content type). A body that does not parse is a 400 naming the position, and one of
  /// another type (`[1,2,3]`, `"x"`, `null`) a 400 naming the type expected, never taken as `{}`.
  package static func decodeBody(_ bytes: [UInt8], array: Bool = false) throws(VoucherifyError) -> JSON {
    guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return [:] }
    let body: JSON
    do { body = try JSONParser.parse(bytes) } catch {
      throw VoucherifyError.invalidPayload(error.description)
    }
    switch body {
    case .object: return body
    case .array where array: return body
    default:
      throw VoucherifyError.invalidPayload(
        "the body must be a JSON \(array ? "array" : "object"), found \(body.typeName)")
    }
  }
}

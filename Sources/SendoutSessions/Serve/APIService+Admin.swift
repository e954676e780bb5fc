import SendoutAPI
import SendoutCore
import SendoutIO

extension APIService {
  /// One of Sendout's own endpoints.
  enum AdminEndpoint: Sendable {
    case readClock, advanceClock, delivery, pauseDelivery, resumeDelivery, sendouts, scenario, reset, exportFile
  }

  /// Sendout's own endpoints (not Voucherify's): the clock, delivery, the audit log's sendouts, a scenario and a
  /// reset. Those that change the world need the app keys and are journaled (`enter`); reads and delivery control
  /// are not. A new endpoint is a row here and a case in `run`.
  static let adminRoutes = HTTPRouter<AdminEndpoint>([
    .init("GET", "/_sendout/clock", .readClock), .init("POST", "/_sendout/clock", .advanceClock),
    .init("GET", "/_sendout/delivery", .delivery), .init("POST", "/_sendout/delivery/pause", .pauseDelivery),
    .init("POST", "/_sendout/delivery/resume", .resumeDelivery), .init("GET", "/_sendout/sendouts", .sendouts),
    .init("POST", "/_sendout/scenario", .scenario), .init("POST", "/_sendout/reset", .reset),
    .init("GET", "/_sendout/exports/{exportId}", .exportFile),
  ])

  /// Answers a call under `/_sendout/` from `adminRoutes` (404 / 405 for what it does not hold), with the mock and the
  /// shell's state to change.
  func admin(_ call: APICall, _ mock: inout MockAPI, _ shell: inout Shell, reached: inout Bool)
    throws(VoucherifyError) -> APIAnswer
  {
    switch Self.adminRoutes.route(method: call.method, path: call.path) {
    case .found(let endpoint, _): return try run(endpoint, call, &mock, &shell, reached: &reached)
    case .methodNotAllowed(let allowed): throw VoucherifyError.methodNotAllowed(call.method, allowed: allowed)
    case .notFound: throw VoucherifyError.noRoute(method: call.method, path: call.path)
    }
  }

  /// Runs one admin endpoint; every `POST` needs the app keys (401 without them).
  private func run(
    _ endpoint: AdminEndpoint, _ call: APICall, _ mock: inout MockAPI, _ shell: inout Shell, reached: inout Bool
  ) throws(VoucherifyError) -> APIAnswer {
    if call.method == "POST" && !call.authorized.contains(.server) {
      throw VoucherifyError.unauthorized("X-App-Id / X-App-Token")
    }
    switch endpoint {
    case .readClock: return APIAnswer(body: clockJSON(at: call.at, simulated: mock.simulatedNow, events: nil))
    case .advanceClock: return try advanceClock(call, &mock, reached: &reached)
    case .delivery: return deliveryStatus()
    case .pauseDelivery: return pauseDelivery()
    case .resumeDelivery: return try resumeDelivery(call)
    case .sendouts: return APIAnswer(body: try sendoutList(call))
    case .scenario: return try scenarioEndpoint(call, &mock, &shell, reached: &reached)
    case .reset: return reset(call, &mock, shell, reached: &reached)
    case .exportFile:
      // An export's CSV (its `result.url`): the token is the key, as on Voucherify's download host.
      let id = PercentDecoding.decode(call.path.dropFirst("/_sendout/exports/".count)) ?? ""
      return try APIExports.file(id, token: PercentDecoding.query(call.query)?["token"], mock.world)
    }
  }

  /// `POST /_sendout/reset`: the world and webhooks as the server started, at the call's time.
  private func reset(_ call: APICall, _ mock: inout MockAPI, _ shell: Shell, reached: inout Bool) -> APIAnswer {
    mock.enter(call, reached: &reached)
    (mock.world, mock.webhooks) = (shell.initialWorld, shell.initialWebhooks)
    mock.world.moveClock(to: call.at)
    return APIAnswer(body: ["reset": true])
  }

  /// `GET /_sendout/sendouts[?status=FAILED]`: the audit log's sendouts, one row each with its latest record. Read
  /// outside the service's mutex and never journaled: a large log holds no call up.
  func sendouts(_ call: APICall) -> Applied {
    do throws(VoucherifyError) {
      return Applied(status: 200, body: try sendoutList(call))
    } catch {
      let requestID = state.withLock { $0.mock.refusedIDs.make(.group, at: call.at) }
      return Applied(status: error.status, body: error.body(requestID: requestID))
    }
  }

  /// The list `GET /_sendout/sendouts` answers, or why the query is refused.
  private func sendoutList(_ call: APICall) throws(VoucherifyError) -> JSON {
    let status = PercentDecoding.query(call.query)?["status"]
    let filter = try status.map { (text) throws(VoucherifyError) -> AuditStatus in
      guard let parsed = AuditStatus(text: text) else {
        throw VoucherifyError(
          status: 400, key: "invalid_query_params", message: "Invalid query params",
          details: "`status` must be SUCCESS, RETRYING, FAILED or SKIPPED, got '\(text)'")
      }
      return parsed
    }
    let rows: [AuditSummary.Row]
    do { rows = try sendoutRows() } catch {
      throw VoucherifyError(status: 500, key: "internal", message: "Internal error", details: error.message)
    }
    let picked = rows.filter { filter == nil || $0.latest.status == filter }
    return ["object": "list", "sendouts": .array(picked.map(\.json)), "total": .int(picked.count)]
  }

  /// `POST /_sendout/clock` `{"advance": "30d"}` or `{"to": TIME}`: moves a simulated clock, running what falls due on
  /// the way.
  private func advanceClock(_ call: APICall, _ mock: inout MockAPI, reached: inout Bool) throws(VoucherifyError)
    -> APIAnswer
  {
    guard let current = mock.simulatedNow else {
      throw VoucherifyError(
        status: 409, key: "clock_not_simulated", message: "The clock is the wall clock",
        details: "start sendout serve with --at TIME to move its clock")
    }
    let body = try MockAPI.decodeBody(call.body)
    let target: Timestamp
    if let text = body["advance"]?.stringValue {
      guard let ms = DurationText.wholeMilliseconds(text), ms > 0, ms <= 36_500 * 86_400_000 else {
        throw VoucherifyError.invalidPayload(
          "`advance` must be a duration like 30d or 12h, up to \(DurationText.maxText), got '\(text)'")
      }
      guard current.canAdvance(milliseconds: ms) else {
        throw VoucherifyError.invalidPayload(
          "`advance` '\(text)' would move the clock past \(Timestamp.latest), the last time the journal "
            + "and the audit log can write")
      }
      target = current.adding(milliseconds: ms)
    } else if let text = body["to"]?.stringValue, let time = Timestamp(iso8601: text), time >= current {
      target = time
    } else {
      throw VoucherifyError.invalidPayload(
        "give {\"advance\": \"30d\"} or {\"to\": an ISO-8601 time from \(current.iso8601) to \(Timestamp.latest)}")
    }
    mock.enter(call, reached: &reached)
    let events = try mock.world.advanceClock(to: target)
    mock.simulatedNow = target
    return APIAnswer(body: clockJSON(at: call.at, simulated: target, events: events.count), events: events)
  }

  /// The clock as `/_sendout/clock` answers it.
  private func clockJSON(at time: Timestamp, simulated: Timestamp?, events: Int?) -> JSON {
    var o: JSONObject = ["now": .string((simulated ?? time).iso8601), "simulated": .bool(simulated != nil)]
    if let events { o["events"] = .int(events) }
    return .object(o)
  }
}

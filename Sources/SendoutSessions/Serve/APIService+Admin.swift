import SendoutAPI
import SendoutCore
import SendoutIO

extension APIService {
  /// Sendout's own endpoints (not Voucherify's): the clock, delivery, a scenario and a reset. Those that change the
  /// world need the app keys and are journaled (`enter`); reads and delivery control are not.
  func admin(_ call: APICall, _ mock: inout MockAPI, reached: inout Bool) throws(APIError) -> APIAnswer {
    switch (call.method, call.path) {
    case ("GET", "/_sendout/clock"):
      return APIAnswer(body: clockJSON(at: call.at, simulated: mock.simulatedNow, events: nil))
    case ("POST", "/_sendout/clock"):
      try Self.requireKeys(call)
      return try advanceClock(call, &mock, reached: &reached)
    case (_, "/_sendout/delivery"), (_, "/_sendout/delivery/pause"), (_, "/_sendout/delivery/resume"):
      return try deliveryEndpoint(call)
    case ("POST", "/_sendout/scenario"):
      try Self.requireKeys(call)
      return try scenarioEndpoint(call, &mock, reached: &reached)
    case ("POST", "/_sendout/reset"):
      try Self.requireKeys(call)
      mock.enter(call, reached: &reached)
      (mock.world, mock.webhooks) = (initialWorld, initialWebhooks)
      mock.world.moveClock(to: call.at)
      return APIAnswer(body: ["reset": true])
    case (_, "/_sendout/clock"): throw APIError.methodNotAllowed(call.method, allowed: ["GET", "POST"])
    case (_, "/_sendout/sendouts"), (_, "/_sendout/reset"), (_, "/_sendout/scenario"):
      throw APIError.methodNotAllowed(call.method, allowed: [call.path.hasSuffix("sendouts") ? "GET" : "POST"])
    default: throw APIError.noRoute(method: call.method, path: call.path)
    }
  }

  /// 401 unless the call carries the app keys.
  static func requireKeys(_ call: APICall) throws(APIError) {
    guard call.authorized.contains(.server) else { throw APIError.unauthorized("X-App-Id / X-App-Token") }
  }

  /// `GET /_sendout/sendouts[?status=FAILED]`: the audit log's sendouts, one row each with its latest record. Read
  /// outside the world's lock and never journaled: a large log holds no call up.
  func sendouts(_ call: APICall) -> Applied {
    do throws(APIError) {
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
      return Applied(
        status: 200, body: ["object": "list", "sendouts": .array(picked.map(\.json)), "total": .int(picked.count)])
    } catch {
      let requestID = locked { mock.refusedIDs.make(.group, at: call.at) }
      return Applied(status: error.status, body: error.body(requestID: requestID))
    }
  }

  /// `POST /_sendout/clock` `{"advance": "30d"}` or `{"to": TIME}`: moves a simulated clock, running what falls due on
  /// the way.
  private func advanceClock(_ call: APICall, _ mock: inout MockAPI, reached: inout Bool) throws(APIError)
    -> APIAnswer
  {
    guard let current = mock.simulatedNow else {
      throw APIError(
        status: 409, key: "clock_not_simulated", message: "The clock is the wall clock",
        details: "start sendout serve with --at TIME to move its clock")
    }
    let body = try MockAPI.decodeBody(call.body)
    let target: Timestamp
    if let text = body["advance"]?.stringValue {
      guard let ms = DurationText.wholeMilliseconds(text), ms > 0, ms <= 36_500 * 86_400_000 else {
        throw APIError(
          status: 400, key: "invalid_payload", message: "Invalid payload",
          details: "`advance` must be a duration like 30d or 12h, up to \(DurationText.maxText), got '\(text)'")
      }
      guard current.canAdvance(milliseconds: ms) else {
        throw APIError(
          status: 400, key: "invalid_payload", message: "Invalid payload",
          details: "`advance` '\(text)' would move the clock past \(Timestamp.latest), the last time the journal "
            + "and the audit log can write")
      }
      target = current.adding(milliseconds: ms)
    } else if let text = body["to"]?.stringValue, let time = Timestamp(iso8601: text), time >= current {
      target = time
    } else {
      throw APIError(
        status: 400, key: "invalid_payload", message: "Invalid payload",
        details:
          "give {\"advance\": \"30d\"} or {\"to\": an ISO-8601 time from \(current.iso8601) to \(Timestamp.latest)}")
    }
    mock.enter(call, reached: &reached)
    let events = try APIEndpoints.apply { () throws(WorldOperationError) in try mock.world.advanceClock(to: target) }
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

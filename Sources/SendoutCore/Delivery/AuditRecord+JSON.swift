/// The audit log's line format: one compact JSON object per record, keys in this order:
/// `sendout_id, status, attempt, [duplicate], [planned_position], type, event_type, source{id,object}, target_url,
/// request_id, event_id, event_created_at, created_at, executed_at, http_status, latency_ms, error, next_attempt_at,
/// headers[{name,value}], body, [response]`. `duplicate` (true) and `planned_position` are written only when they
/// apply, so logs without `run --duplicates/--reorder` are as before, and readers that do not know them ignore them;
/// `response` (`ReceiverAnswer`) only when the receiver answered, and lines written before it existed read as before.
extension AuditRecord {
  /// The record as an ordered JSON object.
  public var json: JSON {
    var o = JSONObject()
    o.append("sendout_id", .string(sendoutID))
    o.append("status", .string(status.rawValue))
    o.append("attempt", .int(attempt))
    if duplicate { o.append("duplicate", true) }
    if let plannedPosition { o.append("planned_position", .int(plannedPosition)) }
    o.append("type", .string(type))
    o.append("event_type", .string(eventType))
    o.append("source", ["id": .string(sourceID), "object": .string(sourceObject.rawValue)])
    o.append("target_url", .string(targetURL))
    o.append("request_id", .string(requestID))
    o.append("event_id", .string(eventID))
    o.append("event_created_at", .string(eventCreatedAt.iso8601))
    o.append("created_at", .string(createdAt.iso8601))
    o.append("executed_at", .string(executedAt.iso8601))
    o.append("http_status", httpStatus.map { .int($0) } ?? .null)
    o.append("latency_ms", .int(Int(latencyMilliseconds)))
    o.append("error", error.map(JSON.string) ?? .null)
    o.append("next_attempt_at", nextAttemptAt.map { .string($0.iso8601) } ?? .null)
    o.append("headers", .array(headers.map { ["name": .string($0.name), "value": .string($0.value)] }))
    o.append("body", .string(body))
    if let answer { o.append("response", answer.json) }
    return .object(o)
  }

  /// One audit-log line: compact JSON and a newline.
  public var line: [UInt8] { JSONWriter().bytes(json) + [0x0A] }

  /// Reads a record back; the error names the field that is missing or wrong.
  public init(json: JSON) throws(AuditLogError.Field) {
    func string(_ key: String) throws(AuditLogError.Field) -> String {
      guard let s = json[key]?.stringValue else { throw AuditLogError.Field(key: key, expected: "a string") }
      return s
    }
    func time(_ key: String) throws(AuditLogError.Field) -> Timestamp {
      guard let t = json[key]?.stringValue.flatMap(Timestamp.init(iso8601:)) else {
        throw AuditLogError.Field(key: key, expected: "an ISO-8601 UTC time")
      }
      return t
    }
    guard let status = json["status"]?.stringValue.flatMap(AuditStatus.init(text:)) else {
      throw AuditLogError.Field(key: "status", expected: "one of SUCCESS, RETRYING, FAILED, SKIPPED")
    }
    guard let attempt = json["attempt"]?.intValue, (0...AuditRecord.maxAttempt).contains(attempt) else {
      throw AuditLogError.Field(key: "attempt", expected: "an integer from 0 to \(AuditRecord.maxAttempt)")
    }
    var httpStatus: Int?
    if let value = json["http_status"], value != .null {
      guard let status = value.intValue, (100...599).contains(status) else {
        throw AuditLogError.Field(key: "http_status", expected: "null or an integer from 100 to 599")
      }
      httpStatus = status
    }
    var latency: Int64 = 0
    if let value = json["latency_ms"], value != .null {
      guard let ms = value.intValue, ms >= 0, Double(ms) <= DurationText.maxMilliseconds else {
        throw AuditLogError.Field(key: "latency_ms", expected: "an integer from 0 to 3153600000000 (100 years)")
      }
      latency = Int64(ms)
    }
    guard let sourceID = json.value(atPath: "source.id")?.stringValue else {
      throw AuditLogError.Field(key: "source.id", expected: "a string")
    }
    guard let object = json.value(atPath: "source.object")?.stringValue.flatMap(SendoutSource.Kind.init(rawValue:))
    else {
      throw AuditLogError.Field(key: "source.object", expected: "webhook or distribution")
    }
    var headers: [HTTPHeader] = []
    for item in json["headers"]?.arrayValue ?? [] {
      guard let name = item["name"]?.stringValue, let value = item["value"]?.stringValue else {
        throw AuditLogError.Field(key: "headers", expected: "an array of {name, value} strings")
      }
      headers.append(HTTPHeader(name, value))
    }
    let (duplicate, plannedPosition) = try Self.chaosFields(json)
    let nextAttemptAt: Timestamp? = json["next_attempt_at"]?.stringValue.flatMap(Timestamp.init(iso8601:))
    let eventCreatedAt = try time("event_created_at")
    let createdAt = json["created_at"]?.stringValue.flatMap(Timestamp.init(iso8601:)) ?? eventCreatedAt
    self.init(
      sendoutID: try string("sendout_id"), status: status, attempt: attempt, type: try string("type"),
      eventType: try string("event_type"), sourceID: sourceID, sourceObject: object,
      targetURL: try string("target_url"),
      requestID: try string("request_id"), eventID: json["event_id"]?.stringValue ?? "",
      eventCreatedAt: eventCreatedAt, createdAt: createdAt,
      executedAt: try time("executed_at"),
      outcome: DeliveryOutcome(httpStatus: httpStatus, error: json["error"]?.stringValue),
      latencyMilliseconds: latency,
      nextAttemptAt: nextAttemptAt, headers: headers, body: try string("body"))
    self.duplicate = duplicate
    self.plannedPosition = plannedPosition
    if let value = json["response"], value != .null { answer = try ReceiverAnswer(json: value) }
  }

  /// `duplicate` (absent: false) and `planned_position` (absent: none), checked when present.
  private static func chaosFields(_ json: JSON) throws(AuditLogError.Field) -> (Bool, Int?) {
    var duplicate = false
    if let value = json["duplicate"], value != .null {
      guard let flag = value.boolValue else { throw AuditLogError.Field(key: "duplicate", expected: "true or false") }
      duplicate = flag
    }
    var position: Int?
    if let value = json["planned_position"], value != .null {
      guard let n = value.intValue, (1...AuditRecord.maxAttempt).contains(n) else {
        throw AuditLogError.Field(key: "planned_position", expected: "an integer from 1 to \(AuditRecord.maxAttempt)")
      }
      position = n
    }
    return (duplicate, position)
  }
}

/// One line of a load test's audit file (`sendout load --audit FILE`): one request, its outcome and timing.
/// A different kind of line from the delivery audit log's records (a load request is never retried and has no
/// source); `AuditLogParser` recognises it by its `intended_ms` field, so `sendout audit` reads both kinds.
///
/// Keys, in order: `sendout_id, status (SUCCESS|FAILED), http_status, latency_ms, error, intended_ms, sent_ms`
/// and, with `--audit-bodies`, `body`. Times are milliseconds from the start of the run.
public struct LoadAuditLine: Sendable, Equatable {
  /// The request's sendout id (`whs_…`).
  public var sendoutID: String
  /// Whether it got a 2xx.
  public var succeeded: Bool
  /// The final status, `nil` when there was none.
  public var httpStatus: Int?
  /// Latency from the intended send time (open loop) or the actual one (closed loop), in milliseconds.
  public var latencyMilliseconds: Double
  /// Why it failed without a status (`LoadFailure.text`), or `nil`.
  public var error: String?
  /// When it was due, from the start of the run.
  public var intendedMilliseconds: Double
  /// When it was sent, from the start of the run.
  public var sentMilliseconds: Double
  /// The body, when the run recorded bodies.
  public var body: String?

  /// Creates a line.
  public init(
    sendoutID: String, succeeded: Bool, httpStatus: Int?, latencyMilliseconds: Double, error: String?,
    intendedMilliseconds: Double, sentMilliseconds: Double, body: String? = nil
  ) {
    self.sendoutID = sendoutID
    self.succeeded = succeeded
    self.httpStatus = httpStatus
    self.latencyMilliseconds = latencyMilliseconds
    self.error = error
    self.intendedMilliseconds = intendedMilliseconds
    self.sentMilliseconds = sentMilliseconds
    self.body = body
  }

  /// The line as an ordered JSON object.
  public var json: JSON {
    var line = JSONObject()
    line.append("sendout_id", .string(sendoutID))
    line.append("status", .string(succeeded ? "SUCCESS" : "FAILED"))
    line.append("http_status", httpStatus.map(JSON.int) ?? .null)
    line.append("latency_ms", .double(latencyMilliseconds))
    line.append("error", error.map(JSON.string) ?? .null)
    line.append("intended_ms", .double(intendedMilliseconds))
    line.append("sent_ms", .double(sentMilliseconds))
    if let body { line.append("body", .string(body)) }
    return .object(line)
  }

  /// Whether `json` is a load audit line rather than a delivery record.
  public static func isLoadLine(_ json: JSON) -> Bool { json["intended_ms"] != nil && json["type"] == nil }

  /// Reads a line back; the error names the field that is missing or wrong.
  public init(json: JSON) throws(LoadAuditLine.FieldError) {
    guard let id = json["sendout_id"]?.stringValue else { throw FieldError(key: "sendout_id", expected: "a string") }
    guard let status = json["status"]?.stringValue, status == "SUCCESS" || status == "FAILED" else {
      throw FieldError(key: "status", expected: "SUCCESS or FAILED")
    }
    func number(_ key: String) throws(LoadAuditLine.FieldError) -> Double {
      guard let value = json[key]?.doubleValue, value.isFinite, value >= 0 else {
        throw FieldError(key: key, expected: "a non-negative number of milliseconds")
      }
      return value
    }
    var httpStatus: Int?
    if let value = json["http_status"], value != .null {
      guard let code = value.intValue, (100...599).contains(code) else {
        throw FieldError(key: "http_status", expected: "an HTTP status from 100 to 599 or null")
      }
      httpStatus = code
    }
    self.init(
      sendoutID: id, succeeded: status == "SUCCESS", httpStatus: httpStatus,
      latencyMilliseconds: try number("latency_ms"), error: json["error"]?.stringValue,
      intendedMilliseconds: try number("intended_ms"), sentMilliseconds: try number("sent_ms"),
      body: json["body"]?.stringValue)
  }

  /// A field of a load audit line that is missing or wrong.
  public struct FieldError: Error, Sendable, Equatable {
    /// The field's key.
    public var key: String
    /// What it must be.
    public var expected: String
  }
}

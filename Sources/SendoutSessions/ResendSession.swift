import SendoutCore
import SendoutIO

/// `sendout retry` (and the dashboard's Retry): recorded sendouts resent byte for byte under their ids, like
/// "Retry" in Voucherify's Audit log. A manual retry never pauses a source; a success sets one live again.
public enum ResendSession {
  /// Which sendouts, and what to change before resending.
  public struct Configuration: Sendable {
    /// Sendout ids to resend; empty with `failed` set.
    public var sendoutIDs: [String]
    /// Every sendout whose last attempt FAILED.
    public var failed: Bool
    /// Send to this URL instead of the recorded target.
    public var target: String?
    /// Re-sign the body with this secret instead of resending the recorded signature.
    public var secret: String?
    /// Retry policy for this resend, the audit log, and headers to (re)supply (e.g. redacted ones).
    public var delivery: DeliverySettings

    /// Creates a configuration.
    public init(
      sendoutIDs: [String], failed: Bool, target: String? = nil, secret: String? = nil, delivery: DeliverySettings
    ) {
      self.sendoutIDs = sendoutIDs
      self.failed = failed
      self.target = target
      self.secret = secret
      self.delivery = delivery
    }
  }

  /// What the resend did.
  public struct Result: Sendable {
    /// How many sendouts were resent (0: nothing to retry).
    public var total: Int
    /// How many of them ended in SUCCESS.
    public var delivered: Int
    /// Whether Ctrl-C stopped it.
    public var cancelled: Bool
    /// Every record the resend wrote (`retry --json`).
    public var report = DeliveryReport()
  }

  /// Picks the sendouts from the audit log, resends them, and records every attempt.
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    try DeliverySettings.validate(target: configuration.target)
    let settings = configuration.delivery
    try AuditSession.requireLog(at: settings.auditPath)
    let summary = AuditSummary(try settings.readAuditLog(observer).records)
    let rows = try pick(configuration, from: summary, observer: observer)
    guard !rows.isEmpty else { return Result(total: 0, delivered: 0, cancelled: false) }
    var sendouts: [Sendout] = []
    var previous: [String: Int] = [:]
    for row in rows {
      try check(row.latest, in: settings.auditPath)
      sendouts.append(resendable(row, configuration, observer: observer))
      previous[row.latest.sendoutID] = row.attempts
    }
    let dispatcher = try settings.dispatcher(pauseOnExhaustion: false)
    observer(.resending(count: sendouts.count))
    let report = await dispatcher.run(sendouts, previousAttempts: previous) { observer(.delivery($0)) }
    if let error = report.auditError { throw .internal(error.message) }
    let delivered = report.finalStatus.values.filter { $0 == .success }.count
    return Result(total: sendouts.count, delivered: delivered, cancelled: report.cancelled, report: report)
  }

  /// Throws `badInput` (exit 65) unless every header of `record` may be sent again (`CustomHeader.validate(recorded:)`):
  /// a hostile log must not inject request headers through a retry, so nothing of the resend is sent.
  public static func check(_ record: AuditRecord, in path: String) throws(SessionError) {
    for header in record.headers {
      do throws(DeliveryError) { try CustomHeader.validate(recorded: header) } catch {
        throw .badInput("Not resending \(record.sendoutID) from the audit log '\(path)': \(error.message)")
      }
    }
  }

  private static func pick(_ configuration: Configuration, from summary: AuditSummary, observer: SessionObserver)
    throws(SessionError) -> [AuditSummary.Row]
  {
    if configuration.failed { return summary.rows.filter(\.lastAttemptFailed) }
    var rows: [AuditSummary.Row] = []
    for id in configuration.sendoutIDs {
      guard let row = summary.row(for: id) else {
        let path = configuration.delivery.auditPath
        throw .usage("Unknown sendout id '\(id)' in \(path); see 'sendout audit --audit \(path)'")
      }
      rows.append(row)
      if row.latest.status == .skipped, row.lastAttempt == nil {
        observer(.warning("\(id) was never attempted (SKIPPED while its source was paused); sending it now"))
      }
    }
    return rows
  }

  /// The recorded sendout with the configuration's target, headers and signature applied.
  private static func resendable(_ row: AuditSummary.Row, _ configuration: Configuration, observer: SessionObserver)
    -> Sendout
  {
    var sendout = row.latest.sendout
    let headers = configuration.delivery.headers
    if let target = configuration.target { sendout.source.targetURL = target }
    for header in headers {
      sendout.headers.removeAll { $0.name == header.name }
      sendout.headers.append(header)
    }
    if let secret = configuration.secret {
      sendout.headers.removeAll { $0.name == VoucherifySignature.headerName }
      sendout.headers.insert(
        HTTPHeader(VoucherifySignature.headerName, VoucherifySignature(secret: secret).sign(sendout.body)),
        at: min(1, sendout.headers.count))
    }
    let missing = row.latest.redactedHeaderNames.filter { name in !headers.contains { $0.name == name } }
    if !missing.isEmpty {
      observer(
        .warning(
          "\(row.latest.sendoutID): not resending \(missing.joined(separator: ", ")) (redacted in the log); give it again with --header"
        ))
    }
    return sendout
  }
}

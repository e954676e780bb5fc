import SendoutCore
import SendoutIO

/// How a session delivers: the retry policy, custom headers, and the audit log file.
public struct DeliverySettings: Sendable {
  /// Schedule, time scale and per-attempt timeout.
  public var policy: RetryPolicy
  /// Custom headers sent after the standard ones.
  public var headers: [HTTPHeader]
  /// The audit log's path.
  public var auditPath: String
  /// Why Voucherify's schedule was compressed to `RetryPolicy.ciBudgetMilliseconds` (`CI is set`, `--ci`), if it was.
  public var compressedFor: String?

  /// Creates settings; the defaults are Voucherify's schedule, no headers and `./sendout-audit.jsonl`.
  public init(
    policy: RetryPolicy = .voucherify, headers: [HTTPHeader] = [], auditPath: String = FileAuditLog.defaultPath
  ) {
    self.policy = policy
    self.headers = headers
    self.auditPath = auditPath
  }

  /// The audit log the settings name.
  var auditLog: FileAuditLog { FileAuditLog(path: auditPath) }

  /// Reads the audit log, passing its warnings (a partial last line) to the observer.
  func readAuditLog(_ observer: SessionObserver) throws(SessionError) -> AuditLogContents {
    do {
      let contents = try auditLog.read()
      for warning in contents.warnings { observer(.warning(warning)) }
      return contents
    } catch { throw .badInput(error.message) }
  }

  /// Refuses (`badInput`, exit 65) an audit log path that holds something other than a regular file (a FIFO, a
  /// device, a socket, a directory) before anything is sent; every later open of the log checks again.
  public func checkAuditLog() throws(SessionError) {
    do { try FileAuditLog.check(path: auditPath) } catch { throw .badInput(error.message) }
  }

  /// A dispatcher for these settings (the audit log checked first).
  func dispatcher(maxInFlight: Int = 1, pauseOnExhaustion: Bool = true, pausedSources: Set<String> = [])
    throws(SessionError) -> Dispatcher
  {
    try checkAuditLog()
    do {
      let configuration = try DeliveryConfiguration(
        policy: policy, maxInFlight: maxInFlight, pauseOnExhaustion: pauseOnExhaustion)
      return Dispatcher(configuration: configuration, auditLog: auditLog, pausedSources: pausedSources)
    } catch { throw .usage(error.message) }
  }

  /// A long-lived delivery queue for these settings with `workers` worker threads (`sendout serve`; the audit log
  /// checked first).
  func queue(workers: Int, observer: @escaping @Sendable (DeliveryEvent) -> Void) throws(SessionError) -> DeliveryQueue
  {
    try checkAuditLog()
    do {
      let configuration = try DeliveryConfiguration(policy: policy, maxInFlight: workers)
      return DeliveryQueue(configuration: configuration, auditLog: auditLog, observer: observer)
    } catch { throw .usage(error.message) }
  }

  /// Checks a target URL given by the user (`--to`): an absolute http(s) URL.
  public static func validate(target: String?) throws(SessionError) {
    guard let target else { return }
    do throws(DeliveryError) { try TransportRequest.validate(url: target) } catch { throw .usage(error.message) }
  }
}

import SendoutCore
import SendoutIO

/// `sendout fire`: one event rendered as one sendout and delivered with the retry schedule, to `target` or,
/// when none is given, to the built-in listener (signing with a generated secret when none is given).
public enum FireSession {
  /// What to fire and how.
  public struct Configuration: Sendable {
    /// The event, seed, place, purpose, clock start and secret (its target URL is set by the session).
    public var request: SingleEventRequest
    /// Where to POST; `nil` starts the built-in listener.
    public var target: String?
    /// Retry policy, custom headers and audit log.
    public var delivery: DeliverySettings
    /// Set a paused or disabled source live again before sending.
    public var resume: Bool

    /// Creates a configuration.
    public init(request: SingleEventRequest, target: String?, delivery: DeliverySettings, resume: Bool = false) {
      self.request = request
      self.target = target
      self.delivery = delivery
      self.resume = resume
    }
  }

  /// What happened to the sendout.
  public struct Result: Sendable {
    /// The sendout that was delivered (or not).
    public var sendout: Sendout
    /// Every record the run wrote, and whether it was cancelled.
    public var report: DeliveryReport
    /// The sendout's final status (`nil` when cancelled before a record).
    public var finalStatus: AuditStatus? { report.finalStatus[sendout.id] }
    /// Attempts made in this run.
    public var attempts: Int { report.records(of: sendout.id).last?.attempt ?? 0 }
  }

  /// Renders, delivers and records the sendout; cancelling the task stops it (the sendout stays RETRYING).
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    try DeliverySettings.validate(target: configuration.target)
    var request = configuration.request
    var listener: BuiltInListener?
    var generated: String?
    if configuration.target == nil {
      generated = request.secret == nil ? BuiltInListener.generatedSecret() : nil
      request.secret = request.secret ?? generated
      listener = try BuiltInListener.start(secret: request.secret, observer: observer)
    }
    defer { listener?.listener.stop() }
    request.targetURL = configuration.target ?? listener?.webhookURL ?? ""
    request.headers = configuration.delivery.headers
    let sendout: Sendout
    do { sendout = try request.sendout() } catch { throw .usage(error.message) }
    if let listener { observer(.listenerStarted(url: listener.listener.baseURL, generatedSecret: generated)) }

    let summary = AuditSummary(try configuration.delivery.readAuditLog(observer).records)
    let dispatcher = try configuration.delivery.dispatcher(
      pausedSources: configuration.resume ? [] : summary.pausedSources)
    observer(.sending(sendout, alreadyRecorded: summary.latest(for: sendout.id) != nil))
    let report = await dispatcher.run([sendout]) { observer(.delivery($0)) }
    if let error = report.auditError { throw .internal(error.message) }
    return Result(sendout: sendout, report: report)
  }
}

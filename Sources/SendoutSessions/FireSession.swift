import Foundation
import SendoutCore
import SendoutIO

/// `sendout fire`: one event (or `repeatCount` events) rendered as fresh sendouts and delivered with the retry
/// schedule, to `target` or, when none is given, to the built-in listener (signing with a generated secret when
/// none is given). Each fire is a new event: a fresh seed and the wall clock's now unless the request fixes them;
/// the project, its webhook and its distribution keep their ids from fire to fire.
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
    /// Skip sendouts to a paused or disabled source as Voucherify does (default: deliver, saying it would skip).
    public var honorPause: Bool
    /// Where `request.secret` came from (`--secret` unless said otherwise).
    public var secretSource: SigningSecret.Source
    /// Draw a fresh seed from the system's random source for each fire instead of `request.seed`.
    public var freshSeed: Bool
    /// Start each fire's simulated clock at the wall clock's now instead of `request.start`.
    public var startNow: Bool
    /// How many sendouts to fire, one after the other (with a fixed seed S: seeds S, S+1, …).
    public var repeatCount: Int
    /// Wall-clock wait between two fires, in milliseconds.
    public var intervalMilliseconds: Int64
    /// Send the JSON body in this file (`-`: standard input) instead of rendering `request.eventType`.
    public var bodyPath: String?

    /// Creates a configuration; the defaults fire once, deterministically from `request`.
    public init(
      request: SingleEventRequest, target: String?, delivery: DeliverySettings, resume: Bool = false,
      freshSeed: Bool = false, startNow: Bool = false, repeatCount: Int = 1, intervalMilliseconds: Int64 = 0,
      bodyPath: String? = nil, honorPause: Bool = false, secretSource: SigningSecret.Source = .flag
    ) {
      self.honorPause = honorPause
      self.secretSource = secretSource
      self.request = request
      self.target = target
      self.delivery = delivery
      self.resume = resume
      self.freshSeed = freshSeed
      self.startNow = startNow
      self.repeatCount = repeatCount
      self.intervalMilliseconds = intervalMilliseconds
      self.bodyPath = bodyPath
    }
  }

  /// What happened to the sendouts.
  public struct Result: Sendable {
    /// Every sendout fired, in order (at least one).
    public var sendouts: [Sendout]
    /// Every record the fires wrote, and whether they were cancelled.
    public var report: DeliveryReport
    /// The last sendout fired.
    public var sendout: Sendout
    /// The last sendout's final status (`nil` when cancelled before a record).
    public var finalStatus: AuditStatus? { report.finalStatus[sendout.id] }
    /// Attempts made for the last sendout.
    public var attempts: Int { attempts(of: sendout.id) }
    /// Attempts made for sendout `id`.
    public func attempts(of id: String) -> Int { report.records(of: id).last?.attempt ?? 0 }
  }

  /// The largest `--body` accepted, as for scenario files.
  public static let maxBodyBytes = 8 * 1024 * 1024

  /// The largest seed drawn for a fresh fire: twelve digits, short enough to type back with `--seed`.
  public static let maxFreshSeed: UInt64 = 999_999_999_999

  /// Renders, delivers and records each sendout in turn; cancelling the task stops it (the sendout in flight
  /// stays RETRYING, later ones are not fired).
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    try DeliverySettings.validate(target: configuration.target)
    guard configuration.repeatCount >= 1 else { throw .usage("--repeat must be at least 1") }
    var request = configuration.request
    var listener: BuiltInListener?
    var generated: String?
    if configuration.target == nil {
      generated = request.secret == nil ? BuiltInListener.generatedSecret() : nil
      request.secret = request.secret ?? generated
      listener = try BuiltInListener.start(secret: request.secret, observer: observer)
    }
    let signing = request.secret.map {
      SigningSecret($0, source: generated == nil ? configuration.secretSource : .generated)
    }
    let watch = RefusalWatch(signing: signing)
    defer { listener?.listener.stop() }
    request.targetURL = configuration.target ?? listener?.webhookURL ?? ""
    request.headers = configuration.delivery.headers
    let body = try configuration.bodyPath.map { (path) throws(SessionError) in try readBody(path) }
    var sendouts: [Sendout] = []
    var report = DeliveryReport()
    for index in 0..<configuration.repeatCount {
      if index > 0 {
        guard await wait(milliseconds: configuration.intervalMilliseconds) else {
          report.cancelled = true
          break
        }
      }
      let fire = try resolve(request, configuration, index: index, customBody: body != nil)
      let sendout = try render(fire, body: body, path: configuration.bodyPath)
      if index == 0 {
        if let listener { observer(.listenerStarted(url: listener.listener.baseURL, generatedSecret: generated)) }
        observer(.notice(signing.map(DeliveryNotice.signing) ?? .unsigned))
      }
      observer(
        .firing(
          FireStart(
            index: index, count: configuration.repeatCount, request: fire, seedDrawn: configuration.freshSeed,
            startIsNow: configuration.startNow, customBody: body != nil)))
      sendouts.append(sendout)
      let one = try await deliver(sendout, configuration, watch: watch, observer: observer)
      report.records += one.records
      report.pausedSources += one.pausedSources
      if one.cancelled {
        report.cancelled = true
        break
      }
    }
    guard let last = sendouts.last else { throw .internal("Nothing was fired") }
    return Result(sendouts: sendouts, report: report, sendout: last)
  }

  /// The request of fire `index`: its seed (drawn, or the given one plus `index`) and its clock start (moved so
  /// that the event happens at the wall clock's now, with `startNow`).
  static func resolve(_ request: SingleEventRequest, _ configuration: Configuration, index: Int, customBody: Bool)
    throws(SessionError) -> SingleEventRequest
  {
    var fire = request
    fire.seed = configuration.freshSeed ? UInt64.random(in: 1...maxFreshSeed) : request.seed &+ UInt64(index)
    guard configuration.startNow else { return fire }
    guard !customBody else {
      fire.start = SystemClock().now()
      return fire
    }
    do { return try fire.happening(at: SystemClock().now()) } catch { throw .usage(error.message) }
  }

  /// The sendout of one fire: the rendered event, or the custom body (a body that is not JSON is bad input).
  private static func render(_ request: SingleEventRequest, body: [UInt8]?, path: String?) throws(SessionError)
    -> Sendout
  {
    do {
      guard let body else { return try request.sendout() }
      return try request.sendout(customBody: body)
    } catch {
      if case .invalidBody(let parse) = error { throw .badInput("\(path ?? "body"):\(parse.description)") }
      throw .usage(error.message)
    }
  }

  /// The bytes of `--body FILE` (`-`: standard input), at most `maxBodyBytes`.
  static func readBody(_ path: String) throws(SessionError) -> [UInt8] {
    let name = path == "-" ? "standard input" : path
    let data: Data?
    if path == "-" {
      data = try? FileHandle.standardInput.readToEnd() ?? Data()
    } else {
      data = FileManager.default.contents(atPath: path)
    }
    guard let data else { throw .badInput("\(name): cannot read the body (does the file exist?)") }
    guard data.count <= maxBodyBytes else {
      throw .badInput("\(name): the body is \(data.count) bytes; at most \(maxBodyBytes) are accepted")
    }
    return Array(data)
  }

  /// Delivers one sendout, reading the audit log first: a source paused at this target URL by an earlier fire is
  /// delivered to anyway, with a notice that Voucherify would have skipped it (skipped with `honorPause`).
  private static func deliver(
    _ sendout: Sendout, _ configuration: Configuration, watch: RefusalWatch, observer: @escaping SessionObserver
  ) async throws(SessionError) -> DeliveryReport {
    let summary = AuditSummary(try configuration.delivery.readAuditLog(observer).records)
    let pause = configuration.resume ? nil : summary.pause(of: sendout.source)
    let dispatcher = try configuration.delivery.dispatcher(
      pausedSources: pause != nil && configuration.honorPause ? [sendout.source.id] : [])
    observer(.sending(sendout, alreadyRecorded: summary.latest(for: sendout.id) != nil))
    if let pause, !configuration.honorPause { observer(.notice(.pauseIgnored(sendout.source, failed: pause))) }
    let report = await dispatcher.run([sendout], observer: watch.observing(observer))
    if let error = report.auditError { throw .internal(error.message) }
    return report
  }

  /// Waits on the wall clock; `false` when the task was cancelled meanwhile.
  private static func wait(milliseconds: Int64) async -> Bool {
    guard milliseconds > 0 else { return !Task.isCancelled }
    let clock = SystemClock()
    do { try await clock.sleep(until: clock.now().adding(milliseconds: milliseconds)) } catch { return false }
    return !Task.isCancelled
  }
}

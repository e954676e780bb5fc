import Foundation
import SendoutCore
import SendoutIO

/// `sendout load`: a fixed-rate (open loop) or flat-out (closed loop) load test of a receiver, every
/// request a fresh signed sendout; the built-in listener is the receiver when no target is given.
public enum LoadSession {
  /// Which client sends the requests.
  public enum Transport: String, Sendable, CaseIterable {
    /// Sendout's own HTTP/1.1 client over non-blocking sockets (`http://` only; the fast one).
    case socket
    /// URLSession (`https://`; ~3k requests/s per process on Linux).
    case urlsession
  }

  /// What to send, where, how fast and for how long.
  public struct Configuration: Sendable {
    /// The receiver; `nil` starts the built-in listener.
    public var target: String?
    /// Event types to cycle through (when no scenario is given).
    public var eventTypes: [String] = ["customer.redemption.succeeded"]
    /// Send what this scenario file plans instead of `eventTypes`.
    public var scenarioPath: String?
    /// Place, seed, purpose and secret of the rendered events.
    public var request = SingleEventRequest(eventType: "customer.redemption.succeeded")
    /// Open loop: the rates to pace to; `nil` for closed loop.
    public var schedule: RateSchedule?
    /// Closed loop: stop after this many requests.
    public var count: Int?
    /// Closed loop: stop after this long.
    public var durationMilliseconds: Double?
    /// Keep-alive connections.
    public var connections = 32
    /// Generator threads (socket transport); `nil` picks them from the schedule.
    public var threads: Int?
    /// The client; `nil` picks socket for `http://` and URLSession for `https://`.
    public var transport: Transport?
    /// A request without a response after this long is a timeout.
    public var timeoutMilliseconds: Int64 = 10_000
    /// Write one JSON line per request here (socket transport only).
    public var auditPath: String?
    /// Include bodies in the audit lines.
    public var auditBodies = false
    /// Write the latency percentile distribution here (HdrHistogram's text format).
    public var histogramPath: String?
    /// Write a standalone HTML report with charts here (`LoadReportPage`).
    public var reportPath: String?
    /// Save the run for a later overlaid report here (`LoadResult`, JSON).
    public var resultPath: String?
    /// The command line (after `sendout`) and version the report and saved result record.
    public var command: [String] = []
    /// `sendout 0.1.0 (commit …)`.
    public var version = ""
    /// Fail when p99 latency is over this many milliseconds.
    public var maxP99Milliseconds: Double?
    /// Fail when the fraction of failed requests is over this.
    public var maxErrorRate: Double?
    /// Report `.loadProgress` once a second.
    public var reportsProgress = false
    /// Write the requests to this file as vegeta JSON targets instead of sending them (`LoadExport`).
    public var exportPath: String?
    /// Which part of the run `exportPath` gets (`--shard i/n`); `nil` for all of it.
    public var shard: LoadShard?

    /// A configuration with the defaults: 32 connections, 10 s timeout, `customer.redemption.succeeded`.
    public init() {}
  }

  /// What the test measured and whether it passed.
  public struct Result: Sendable {
    /// The figures, ready to print as text or JSON.
    public var report: LoadReport
    /// The thresholds that were not met, one line each.
    public var unmetThresholds: [String]
    /// Set when the target could not be reached at all.
    public var unreachable: String?
    /// Set when the audit log could not be written.
    public var auditFailure: String?
  }

  /// Threads when none are given: 2 for closed loop, else one per 40,000 req/s of the peak rate (1–2). One thread
  /// renders, signs and sends 40,000 req/s; a second one at that rate only competes with the receiver for the cores
  /// of a small machine (at 40,000 req/s against nginx on 2 cores the lag p99 was 3.7 ms with two, 2.0 with one).
  public static func defaultThreads(_ schedule: RateSchedule?) -> Int {
    guard let peak = schedule?.stages.map(\.rate).max() else { return 2 }
    return peak > 40_000 ? 2 : 1
  }

  /// Runs the test; cancelling the task stops it early (the report covers what was sent).
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    if configuration.auditBodies && configuration.auditPath == nil { throw .usage("--audit-bodies needs --audit FILE") }
    do {
      try LoadConfiguration.validate(
        schedule: configuration.schedule, count: configuration.count,
        timeoutMilliseconds: configuration.timeoutMilliseconds)
    } catch { throw .usage(error.message) }
    var listener: BuiltInListener?
    if configuration.target == nil {
      let started = try BuiltInListener.start(
        secret: configuration.request.secret, reportArrivals: false, observer: observer)
      observer(.listenerStarted(url: started.listener.baseURL, generatedSecret: nil))
      listener = started
    }
    defer { listener?.listener.stop() }
    let url = configuration.target ?? listener?.webhookURL ?? ""
    let transport = configuration.transport ?? (url.lowercased().hasPrefix("https://") ? .urlsession : .socket)
    let makePool = try poolMaker(configuration, url: url)
    let firstPool = try makePool(0)
    let generator = try generator(configuration, url: url, transport: transport)
    let date = SystemClock().now().iso8601
    let ticker = configuration.reportsProgress ? startTicker(generator.shared, observer: observer) : nil
    let (stats, seconds) = await withTaskCancellationHandler {
      await generator.run { n in n == 0 ? firstPool : ((try? makePool(n)) ?? firstPool) }
    } onCancel: {
      generator.shared.requestStop()
    }
    ticker?.cancel()
    let schedule = configuration.schedule
    let report = LoadReport(
      target: url, requestedRate: schedule.map { Double($0.totalCount) / ($0.totalMilliseconds / 1000) },
      connections: configuration.connections, transport: transport.rawValue, seconds: seconds, stats: stats)
    if let path = configuration.histogramPath {
      do {
        try stats.latency.percentileDistribution(scale: 1000).write(toFile: path, atomically: true, encoding: .utf8)
      } catch { throw .badInput("\(path): cannot write the histogram: \(error.localizedDescription)") }
    }
    let result = LoadResult(
      report,
      meta: .init(
        label: "run", command: LoadResult.redactedCommand(configuration.command), date: date,
        version: configuration.version))
    try LoadReportFiles.write(configuration.reportPath, configuration.resultPath, result, report: report)
    let unreachable =
      stats.completed == 0 || stats.errorCounts[.notSentTargetUnreachable] != nil
      ? "The target \(TargetURL.withoutPassword(url)) was unreachable: "
        + stats.connectErrors.keys.map(\.text).sorted().joined(separator: ", ") : nil
    return Result(
      report: report,
      unmetThresholds: report.unmetThresholds(
        maxP99Milliseconds: configuration.maxP99Milliseconds, maxErrorRate: configuration.maxErrorRate),
      unreachable: unreachable, auditFailure: generator.shared.auditFailure)
  }

  /// The pool of request source `n`: the scenario's planned sendouts, or events of the given types.
  static func poolMaker(_ configuration: Configuration, url: String) throws(SessionError)
    -> @Sendable (Int) throws(SessionError) -> EventPool
  {
    let request = configuration.request
    let events = configuration.eventTypes
    if let path = configuration.scenarioPath {
      let scenario = try ScenarioFile.load(path)
      return { n throws(SessionError) in
        do throws(ScenarioError) {
          return try EventPool(scenario: scenario, target: url, secret: request.secret, stream: UInt64(n), file: path)
        } catch { throw .badInput(scenario.environment.hiding(error).description) }
      }
    }
    return { n throws(SessionError) in
      do throws(RenderError) {
        return try EventPool(
          eventTypes: events, via: request.via, secret: request.secret, targetURL: url, seed: request.seed,
          stream: UInt64(n))
      } catch { throw .usage(error.message) }
    }
  }

  private static func generator(_ configuration: Configuration, url: String, transport: Transport)
    throws(SessionError) -> any LoadGenerator
  {
    let target: LoadTarget
    switch LoadTarget.parse(transport == .urlsession ? "http://127.0.0.1/" : url) {
    case .success(let t): target = t
    case .failure(let e): throw .usage(e.description)
    }
    var load = LoadConfiguration(
      target: target, connections: configuration.connections,
      threads: transport == .urlsession ? 1 : configuration.threads ?? defaultThreads(configuration.schedule),
      schedule: configuration.schedule, count: configuration.count,
      durationMilliseconds: configuration.durationMilliseconds, timeoutMilliseconds: configuration.timeoutMilliseconds)
    if let path = configuration.auditPath {
      guard transport == .socket else {
        throw .usage("--audit '\(path)' works with the socket transport (http:// targets) only, not urlsession")
      }
      try DeliverySettings(auditPath: path).checkAuditLog()
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw .badInput("Cannot write the audit log '\(path)': give a path in a writable directory")
      }
      load.auditPath = path
      load.auditBodies = configuration.auditBodies
    }
    return transport == .urlsession
      ? URLSessionLoadGenerator(configuration: load, url: url) : SocketLoadGenerator(configuration: load)
  }

  /// Reports `.loadProgress` once a second until cancelled.
  private static func startTicker(_ shared: LoadShared, observer: @escaping SessionObserver)
    -> any DispatchSourceTimer
  {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    let started = DispatchTime.now()
    nonisolated(unsafe) var last = 0
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler {
      let done = shared.completed.load(ordering: .relaxed)
      let stats = shared.merged()
      observer(
        .loadProgress(
          LoadProgress(
            elapsedSeconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
            requestsInTick: done - last, p99Milliseconds: Double(stats.latency.value(atPercentile: 99)) / 1000,
            errors: stats.failed)))
      last = done
    }
    timer.resume()
    return timer
  }
}

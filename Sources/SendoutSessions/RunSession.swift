import Foundation
import SendoutCore
import SendoutIO

/// `sendout run` and `sendout validate`: a scenario file planned into sendouts and, for `run`, delivered in
/// order with the retry schedule, recorded, summarised and checked against the scenario's `expect`.
public enum RunSession {
  /// What to play and how.
  public struct Configuration: Sendable {
    /// The scenario file.
    public var file: String
    /// Overrides the scenario's seed.
    public var seed: UInt64?
    /// Sends every sendout here; `nil` sends endpoints without a `target_url` to the built-in listener.
    public var target: String?
    /// Retry policy and audit log (custom headers come from the scenario).
    public var delivery: DeliverySettings
    /// Sendouts in flight at once (1: receivers see events in order).
    public var concurrency: Int
    /// Continue an interrupted run from its audit log.
    public var resume: Bool
    /// Also write a JUnit XML report here.
    public var junitPath: String?
    /// Re-deliver this fraction of the sendouts after they succeed (0…1), seeded by the run's seed.
    public var duplicates: Double
    /// Deliver in seeded shuffles of windows of this many sendouts (1: the plan's order).
    public var reorderWindow: Int
    /// Stop delivering this long (wall clock) after the run starts, as Ctrl-C does (`--deadline`); `nil`: no limit.
    public var deadlineMilliseconds: Int64?

    /// Creates a configuration.
    public init(
      file: String, seed: UInt64? = nil, target: String? = nil, delivery: DeliverySettings = DeliverySettings(),
      concurrency: Int = 1, resume: Bool = false, junitPath: String? = nil, duplicates: Double = 0,
      reorderWindow: Int = 1, deadlineMilliseconds: Int64? = nil
    ) {
      self.deadlineMilliseconds = deadlineMilliseconds
      self.file = file
      self.seed = seed
      self.target = target
      self.delivery = delivery
      self.concurrency = concurrency
      self.resume = resume
      self.junitPath = junitPath
      self.duplicates = duplicates
      self.reorderWindow = reorderWindow
    }
  }

  /// A scenario and the sendouts it plans, nothing sent (`validate`, `run --dry-run`).
  public struct Plan: Sendable {
    /// The parsed scenario.
    public var scenario: Scenario
    /// Its sendouts, in delivery order.
    public var sendouts: [PlannedSendout]
  }

  /// What a run did.
  public struct Result: Sendable {
    /// Sendouts by event type and status, latency and expectations.
    public var summary: RunSummary
    /// The built-in listener's arrivals (`nil` when a target was given).
    public var listenerArrivals: (received: Int, validSignature: Int)?
    /// Whether Ctrl-C or the deadline stopped the run before every sendout finished.
    public var cancelled: Bool
    /// Whether it was the deadline (`--deadline`).
    public var deadlineReached = false
    /// Why the JUnit report could not be written, if it could not.
    public var junitError: String?
  }

  /// Where a dry run or `validate` says sendouts would go when the scenario names no target.
  public static let placeholderTarget = "http://127.0.0.1:8080/webhooks"

  /// Parses the scenario and plans its sendouts without sending (`target` or the placeholder for unnamed ones).
  public static func plan(file: String, seed: UInt64? = nil, target: String? = nil) throws(SessionError) -> Plan {
    try DeliverySettings.validate(target: target)
    let scenario = try ScenarioFile.load(file)
    return Plan(
      scenario: scenario,
      sendouts: try plan(scenario, file: file, seed: seed, defaultTarget: placeholderTarget, overrideTarget: target))
  }

  /// Plays the scenario and delivers its sendouts; cancelling the task leaves unfinished ones RETRYING.
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Result
  {
    try DeliverySettings.validate(target: configuration.target)
    let scenario = try ScenarioFile.load(configuration.file)
    let listener =
      configuration.target == nil
      ? try BuiltInListener.start(secret: scenario.webhookSecret(seed: configuration.seed), observer: observer) : nil
    defer { listener?.listener.stop() }
    let planned = try plan(
      scenario, file: configuration.file, seed: configuration.seed, defaultTarget: listener?.webhookURL,
      overrideTarget: configuration.target)
    if let listener { observer(.listenerStarted(url: listener.listener.baseURL, generatedSecret: nil)) }
    observer(
      .planned(
        scenario: scenario.name, count: planned.count,
        generatedSecret: scenario.generatesSecret ? scenario.webhookSecret(seed: configuration.seed) : nil))
    let signing = SigningSecret.of(scenario, seed: configuration.seed)
    observer(.notice(.signing(signing)))
    var resumed: ResumePlan?
    if configuration.resume {
      let records = try configuration.delivery.readAuditLog(observer).records
      let plan = ResumePlan(plan: planned.map(\.sendout), records: records)
      observer(.resuming(plan))
      resumed = plan
    }
    let dispatcher = try configuration.delivery.dispatcher(
      maxInFlight: configuration.concurrency, pausedSources: resumed?.pausedSources ?? [])
    let chaos = DeliveryChaos(
      duplicateFraction: configuration.duplicates, reorderWindow: configuration.reorderWindow,
      seed: configuration.seed ?? scenario.seed)
    var arranged = chaos.arrange(planned.map(\.sendout))
    if let resumed {
      let toSend = Set(resumed.toSend.map(\.id))
      arranged = arranged.filter { toSend.contains($0.sendout.id) }
    }
    let started = Date()
    let watch = RefusalWatch(signing: signing)
    let (toDeliver, previous) = (arranged, resumed?.previousAttempts ?? [:])
    let (report, deadlineReached) = await Deadline.run(milliseconds: configuration.deadlineMilliseconds) {
      await dispatcher.run(arranged: toDeliver, previousAttempts: previous, observer: watch.observing(observer))
    }
    if let error = report.auditError { throw .internal(error.message) }
    let summary = RunSummary(
      name: scenario.name, plan: planned, records: (resumed?.earlierRecords ?? []) + report.records,
      expect: scenario.expect)
    var junitError: String?
    if let path = configuration.junitPath {
      do {
        try JUnitReport.xml(summary, seconds: Date().timeIntervalSince(started)).write(
          toFile: path, atomically: true, encoding: .utf8)
      } catch { junitError = "\(path): cannot write the JUnit report: \(error.localizedDescription)" }
    }
    let arrivals = listener.map { l in
      let received = l.listener.received
      return (received.count, received.filter { $0.signature == .valid }.count)
    }
    return Result(
      summary: summary, listenerArrivals: arrivals, cancelled: report.cancelled, deadlineReached: deadlineReached,
      junitError: junitError)
  }

  private static func plan(
    _ scenario: Scenario, file: String, seed: UInt64?, defaultTarget: String?, overrideTarget: String?
  ) throws(SessionError) -> [PlannedSendout] {
    do {
      return try ScenarioPlan.make(
        scenario: scenario, seed: seed, defaultTarget: defaultTarget, overrideTarget: overrideTarget, file: file)
    } catch { throw .badInput(scenario.environment.hiding(error).description) }
  }
}

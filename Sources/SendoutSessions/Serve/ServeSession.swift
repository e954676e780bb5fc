import Foundation
import SendoutAPI
import SendoutCore
import SendoutIO

/// `sendout serve`: a local Voucherify REST API over the simulated world. Calls that change the world emit the
/// events Voucherify would, delivered as signed webhooks to one project webhook set to "Send me all events" (to
/// `target`, or to the built-in listener), with the retry schedule and the audit log. Serves until cancelled.
public enum ServeSession {
  /// `sendout serve`'s documented port when `--port` is not given (`listen` 8080, `dashboard` 8090).
  public static let defaultPort = 8091

  /// Where to serve, the world, the keys and where webhooks go.
  public struct Configuration: Sendable {
    /// Address to bind (127.0.0.1 by default).
    public var host = "127.0.0.1"
    /// Port (0: any free port).
    public var port = 0
    /// Seeds the sample world, ids and generated keys.
    public var seed: UInt64 = 1
    /// A fixed simulated time; `nil` for the wall clock.
    public var at: Timestamp?
    /// Where webhooks go; `nil` starts the built-in listener.
    public var target: String?
    /// The webhook secret; generated when `nil`.
    public var secret: String?
    /// `X-App-Id` calls must carry; generated when `nil`.
    public var appID: String?
    /// `X-App-Token` calls must carry; generated when `nil`.
    public var appToken: String?
    /// `X-Client-Application-Id` client-side calls must carry; generated when `nil`.
    public var clientAppID: String?
    /// `X-Client-Token` client-side calls must carry; generated when `nil`.
    public var clientToken: String?
    /// Retry policy and audit log of the webhooks.
    public var delivery = DeliverySettings()
    /// Timeouts and connection limits against slow, idle or oversize clients.
    public var connections = ServeConnectionLimits()
    /// A scenario file whose world, project webhooks and distributions are served, its steps played first.
    public var scenarioPath: String?
    /// Overrides the scenario's seed (`--seed` with `--scenario`); `nil`: the scenario's own.
    public var scenarioSeed: UInt64?
    /// Journal every call here (on disk before it is answered) and replay it at start: the world survives a
    /// restart, even `kill -9`. `nil`: the world lives in memory only.
    public var statePath: String?

    /// The defaults: 127.0.0.1, a free port, seed 1, the wall clock, the built-in listener.
    public init() {}
  }

  /// Serves until the task is cancelled; returns how many calls it answered.
  public static func run(_ configuration: Configuration, observer: @escaping SessionObserver) async throws(SessionError)
    -> Int
  {
    try DeliverySettings.validate(target: configuration.target)
    let scenario = try ServeStart.scenario(configuration.scenarioPath)
    let secret =
      configuration.secret ?? scenario.map { $0.0.webhookSecret(seed: configuration.scenarioSeed) }
      ?? BuiltInListener.generatedSecret()
    let listener =
      ServeStart.needsListener(scenario?.0, target: configuration.target)
      ? try BuiltInListener.start(secret: secret, servesUI: true, observer: observer) : nil
    defer { listener?.listener.stop() }
    let target = configuration.target ?? listener?.webhookURL ?? ""
    let seed = scenario.map { configuration.scenarioSeed ?? $0.0.seed } ?? configuration.seed
    let requestedStart = configuration.at ?? SystemClock().now()
    let journal = try configuration.statePath.map { (path) throws(SessionError) in
      let expected = ServeStateOrigin(
        scenario: scenario.map { _ in configuration.scenarioPath ?? "" }, digest: scenario?.digest, seed: seed,
        start: requestedStart, simulated: configuration.at != nil)
      do throws(DurableLogError) { return try ServeJournal.open(path, expecting: expected, at: configuration.at) } catch
      {
        throw .badInput(error.message)
      }
    }
    // The world is built at the journal's start: a restart gives every object the id and time it had.
    let start = journal?.origin.start ?? requestedStart
    let fixed = journal.map { $0.origin.simulated ? $0.origin.start : nil } ?? configuration.at
    var ids = IDFactory(seed: seed ^ 0x5E27_E000)
    var keys = APIService.Keys(
      appID: configuration.appID ?? ids.make(.webhook, at: start).replacingOccurrences(of: "wh_", with: ""),
      appToken: configuration.appToken ?? BuiltInListener.generatedSecret())
    let webhook = WebhookEndpoint(
      projectID: ids.make(.project, at: start),
      source: SendoutSource(id: ids.make(.webhook, at: start), object: .webhook, targetURL: target), secret: secret)
    keys.clientAppID =
      configuration.clientAppID ?? ids.make(.webhook, at: start).replacingOccurrences(of: "wh_", with: "client_")
    keys.clientToken = configuration.clientToken ?? BuiltInListener.generatedSecret()
    let begin = try scenario.map { (s) throws(SessionError) in
      try ServeStart.make(
        s.0, file: configuration.scenarioPath ?? "", seed: configuration.scenarioSeed,
        secret: configuration.secret, defaultTarget: listener?.webhookURL, overrideTarget: configuration.target)
    }
    var world: World
    if let begin { world = begin.world } else { world = try sampleWorld(seed: seed, endingAt: start) }
    // Events and redemptions name the key the call carried, as on the platform.
    (world.appID, world.clientAppID) = (keys.appID, keys.clientAppID)
    let delivery = try configuration.delivery.queue(workers: 16) { observer(.delivery($0)) }
    let auditPath = configuration.delivery.auditPath
    let service = APIService(
      world: world,
      webhooks: begin?.webhooks
        ?? ProjectWebhooks(
          projectID: webhook.projectID, secret: secret, seed: seed, first: webhook.source, at: start),
      keys: keys,
      seed: seed, simulatedStart: fixed, clock: { SystemClock().now() }, observer: observer,
      sendouts: { () throws(SessionError) in
        AuditSummary(try AuditSession.read(path: auditPath) { observer(.warning($0)) }.records).rows
      },
      delivery: delivery, scenarioTargets: (listener?.webhookURL, configuration.target, configuration.secret))
    service.serve(at: ServedAddress(host: configuration.host, port: configuration.port))
    var restored = 0
    var resumed: [Sendout] = begin?.sendouts ?? []
    var previousAttempts: [String: Int] = [:]
    if let journal {
      let recorded = AuditSummary(try configuration.delivery.readAuditLog(observer).records)
      if journal.repairedBytes > 0 {
        observer(
          .warning(
            "The state file '\(journal.log.path)' ended in a torn write (a crash mid-write): its last "
              + "\(journal.repairedBytes) bytes were cut off, and the file as it was is kept in "
              + "'\(journal.log.path).corrupt'"))
      }
      // At least once, like Voucherify: what the calls (and a scenario's steps) sent that has no final record is
      // delivered again.
      let unfinished = { (sendout: Sendout) -> Bool in
        guard let row = recorded.row(for: sendout.id) else { return true }
        previousAttempts[sendout.id] = row.attempts
        return row.latest.status == .retrying
      }
      let replayed = service.replay(journal.calls, journal: journal.log, unfinished: unfinished)
      resumed = resumed.filter(unfinished) + replayed.resumed
      restored = journal.calls.count
      if replayed.diverged > 0 {
        observer(
          .warning(
            "\(replayed.diverged) of \(restored) replayed calls were answered otherwise than the state file "
              + "recorded (it was written by another version of sendout)"))
      }
    }
    let serverConfiguration = HTTPServerConfiguration(
      host: configuration.host, port: configuration.port,
      limits: HTTPLimits(maxBodyBytes: configuration.connections.maxBodyBytes),
      readTimeoutMilliseconds: configuration.connections.readTimeoutMilliseconds,
      idleTimeoutMilliseconds: configuration.connections.idleTimeoutMilliseconds,
      maxConnections: configuration.connections.maxConnections,
      // Parsing and writing run on every core; the world itself is one lock (calls apply one at a time).
      threads: HTTPServerConfiguration.defaultThreads,
      hostGuard: .reserved)  // the dashboard and the admin endpoints; /v1/… take keys
    let dashboard = DashboardService(
      DashboardService.Configuration(
        delivery: configuration.delivery, world: { body in service.read(body) }, calls: service.calls,
        sources: SourceControl(
          paused: { Set(delivery.snapshot.pausedSources) }, resume: { delivery.resume(source: $0) })),
      observer: observer)
    let router = ServeRouter(dashboard: dashboard, api: service)
    // A scenario's steps (and what a restart resumes) are queued before the first call can be.
    delivery.enqueue(resumed, previousAttempts: previousAttempts)
    let server = HTTPServer(configuration: serverConfiguration, handler: router)
    do throws(ListenerError) { try server.start() } catch { throw .usage(error.message) }
    service.serve(at: ServedAddress(host: configuration.host, port: server.port))
    if let refusal = service.webhookRefusal {
      server.stop()
      throw .usage("The webhook target \(refusal)")
    }
    observer(
      .serving(
        ServeInfo(
          url: server.baseURL, appID: keys.appID,
          generatedAppToken: configuration.appToken == nil ? keys.appToken : nil,
          generatedSecret: configuration.secret == nil && scenario?.0.generatesSecret != false ? secret : nil,
          webhookURL: target,
          webhookID: begin?.webhooks.all.first?.id ?? webhook.source.id,
          simulatedTime: fixed, auditPath: configuration.delivery.auditPath,
          statePath: configuration.statePath, restoredCalls: restored, resumedSendouts: resumed.count,
          projectID: begin?.webhooks.projectID ?? webhook.projectID, clientAppID: keys.clientAppID,
          generatedClientToken: configuration.clientToken == nil ? keys.clientToken : nil, scenario: begin?.summary)))
    observer(.dashboardServing(url: DashboardSession.pageURL(server.baseURL)))
    if let listener { observer(.arrivalsServing(url: listener.listener.baseURL + "/_sendout/")) }
    delivery.start()
    await CancellationWait.untilCancelled()
    server.stop()
    delivery.stop()
    await dashboard.retries.finish()
    return withExtendedLifetime(router) { service.answered }
  }
}

/// The sample world whose history ends at `time` (building it plays a few minutes of activity), so the first call's
/// events happen at the server's clock, not minutes after it; its failure as a session error.
private func sampleWorld(seed: UInt64, endingAt time: Timestamp) throws(SessionError) -> World {
  do { return try World.sample(seed: seed, endingAt: time) } catch {
    throw .internal("The sample world could not be built: \(error.message)")
  }
}

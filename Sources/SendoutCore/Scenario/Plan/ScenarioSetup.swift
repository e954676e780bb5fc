/// A scenario played up to the end of its steps, for a server that goes on from there (`sendout serve
/// --scenario`): the world after the steps, every project webhook (inactive ones too) and distribution with the
/// builder a run signs its sendouts with, and the events the steps emitted. Pure: the same scenario and seed give
/// the same world, ids and bytes as `ScenarioPlan`.
public struct ScenarioSetup: Sendable {
  /// A project webhook as the scenario configures it.
  public struct Webhook: Sendable {
    /// `wh_…`.
    public var id: String
    /// Where its sendouts go.
    public var targetURL: String
    /// Subscribed event types; `nil`: "Send me all events".
    public var events: [String]?
    /// Whether it sends.
    public var active: Bool
    /// Its custom headers.
    public var headers: [HTTPHeader]
    /// The seed its builder uses (as `ScenarioPlan`'s).
    public var builderSeed: UInt64
  }

  /// A distribution with a webhook channel: what triggers it and the builder its sendouts come from.
  public struct Distribution: Sendable {
    /// The distribution event that triggers it.
    public var trigger: String
    /// Makes its sendouts.
    public var builder: SendoutBuilder
  }

  /// The world after the steps.
  public var world: World
  /// The project id every sendout carries.
  public var projectID: String
  /// The secret every sendout is signed with.
  public var secret: String
  /// The project webhooks, in the file's order.
  public var webhooks: [Webhook]
  /// The active distributions, in the file's order.
  public var distributions: [Distribution]
  /// What the steps emitted, in order.
  public var events: [WorldEvent]

  /// Builds `scenario`'s world and plays its steps.
  ///
  /// - Parameters:
  ///   - scenario: the parsed scenario.
  ///   - seed: overrides `scenario.seed`.
  ///   - secret: replaces the scenario's (or generated) secret when given.
  ///   - defaultTarget: for endpoints without a `target_url`.
  ///   - overrideTarget: replaces every target (`--to`).
  ///   - file: the file name for error messages.
  /// - Throws: `ScenarioError` naming the step or field, as `sendout run` reports it.
  public init(
    scenario: Scenario, seed: UInt64? = nil, secret: String? = nil, defaultTarget: String?, overrideTarget: String?,
    file: String
  ) throws(ScenarioError) {
    let seed = seed ?? scenario.seed
    var (world, keys) = try WorldBuilder.build(scenario.world, seed: seed, start: scenario.start, file: file)
    world.keepsLog = false
    var run = ScenarioRun(world: world, keys: keys, seed: seed, file: file)
    try run.run(scenario.steps)
    self.world = run.world
    events = run.events.map(\.event)
    let secret = secret ?? scenario.webhookSecret(seed: seed)
    self.secret = secret
    var ids = IDFactory(seed: seed ^ 0x9E0_1EC7)  // the ids `ScenarioPlan.endpoints` gives
    let projectID = scenario.project.id ?? ids.make(.project, at: scenario.start)
    self.projectID = projectID
    func target(_ own: String?, active: Bool, path: String) throws(ScenarioError) -> String {
      if let target = overrideTarget ?? own ?? defaultTarget { return target }
      guard active else { return "" }
      throw ScenarioError(file: file, path: path, reason: "no target URL: set `target_url` or run with --to URL")
    }
    webhooks = []
    for (i, wh) in scenario.project.webhooks.enumerated() {
      let id = wh.id ?? ids.make(.webhook, at: scenario.start)
      webhooks.append(
        Webhook(
          id: id,
          targetURL: try target(wh.targetURL, active: wh.active, path: "project.webhooks.\(i).target_url"),
          events: wh.events, active: wh.active, headers: wh.headers, builderSeed: seed &+ UInt64(i) &* 0x1000_0001))
    }
    distributions = []
    for (i, d) in scenario.distributions.enumerated() {
      let id = d.id ?? ids.make(.distribution, at: scenario.start)
      guard d.active else { continue }
      let endpoint = WebhookEndpoint(
        projectID: projectID,
        source: SendoutSource(
          id: id, object: .distribution,
          targetURL: try target(d.targetURL, active: true, path: "distributions.\(i).target_url")),
        eventName: d.eventName, purpose: d.purpose, secret: secret, headers: d.headers, template: d.template,
        rawPayload: d.rawPayload)
      distributions.append(
        Distribution(
          trigger: d.trigger, builder: SendoutBuilder(endpoint: endpoint, seed: seed &+ UInt64(i + 1) &* 0x2000_0003)))
    }
  }

  /// Whether the event type `type` goes to project webhooks at all (some go to distributions only).
  public static func reachesWebhooks(_ type: String) -> Bool {
    (EventCatalog.descriptor(for: type)?.configuredIn ?? []).contains(.webhook)
  }
}

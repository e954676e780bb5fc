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
    /// Its name, for reports.
    public var name: String
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
    let endpoints = try ScenarioEndpoints(
      scenario, seed: seed, secret: secret, defaultTarget: defaultTarget, overrideTarget: overrideTarget, file: file)
    projectID = endpoints.projectID
    webhooks = endpoints.webhooks
    distributions = endpoints.distributions
  }

  /// Whether the event type `type` goes to project webhooks at all (some go to distributions only).
  public static func reachesWebhooks(_ type: String) -> Bool {
    (EventCatalog.descriptor(for: type)?.configuredIn ?? []).contains(.webhook)
  }
}

/// Turns a scenario into the exact sendouts a run makes, without sending anything: builds the world, plays the
/// steps, and routes every event to the active project webhooks subscribed to it and the active distributions it
/// triggers. Pure: the same scenario and seed give byte-identical bodies.
public enum ScenarioPlan {
  /// The sendouts of `scenario`, in event order (for each event: project webhooks, then distributions, as listed).
  ///
  /// - Parameters:
  ///   - scenario: the parsed scenario.
  ///   - seed: overrides `scenario.seed` (`--seed`).
  ///   - defaultTarget: used for webhooks and distributions without a `target_url` (e.g. the built-in receiver).
  ///   - overrideTarget: replaces every target (`--to`).
  ///   - file: the file name for error messages.
  /// - Returns: every planned sendout with the step and endpoint it comes from.
  /// - Throws: `ScenarioError` naming the step or field when the world rejects an operation or a target is missing.
  public static func make(
    scenario: Scenario, seed: UInt64? = nil, defaultTarget: String? = nil, overrideTarget: String? = nil,
    file: String = "scenario"
  ) throws(ScenarioError) -> [PlannedSendout] {
    let seed = seed ?? scenario.seed
    let events = try play(scenario, seed: seed, file: file)
    var endpoints = try self.endpoints(
      scenario, seed: seed, defaultTarget: defaultTarget, overrideTarget: overrideTarget, file: file)
    var out: [PlannedSendout] = []
    for (stepEvent, i) in route(events, to: endpoints) {
      out.append(
        PlannedSendout(
          sendout: endpoints[i].builder.make(stepEvent.event), stepPath: stepEvent.stepPath,
          stepName: stepEvent.stepName, endpointName: endpoints[i].name))
    }
    return out
  }

  /// Builds the scenario's world and plays its steps: the events they emit, in order.
  static func play(_ scenario: Scenario, seed: UInt64, file: String) throws(ScenarioError) -> [StepEvent] {
    var (world, keys) = try WorldBuilder.build(scenario.world, seed: seed, start: scenario.start, file: file)
    world.keepsLog = false  // the run collects its events itself
    var run = ScenarioRun(world: world, keys: keys, seed: seed, file: file)
    try run.run(scenario.steps)
    return run.events
  }

  /// Every (event, endpoint index) pair a run delivers: for each event in order, the active project webhooks
  /// subscribed to it, then the distributions it triggers, as listed.
  static func route(_ events: [StepEvent], to endpoints: [PlanEndpoint]) -> [(StepEvent, Int)] {
    var out: [(StepEvent, Int)] = []
    for stepEvent in events {
      let type = stepEvent.event.type
      let places = EventCatalog.descriptor(for: type)?.configuredIn ?? []
      for i in endpoints.indices where endpoints[i].accepts(type, places) { out.append((stepEvent, i)) }
    }
    return out
  }

  /// The event types a scenario's steps emit, in first-emission order (for `validate` and tests).
  public static func eventTypes(scenario: Scenario, seed: UInt64? = nil, file: String = "scenario")
    throws(ScenarioError) -> [String]
  {
    var seen: [String] = []
    for e in try play(scenario, seed: seed ?? scenario.seed, file: file) where !seen.contains(e.event.type) {
      seen.append(e.event.type)
    }
    return seen
  }

  /// One builder per active webhook and distribution; ids and the project id come from the seed when absent.
  static func endpoints(
    _ scenario: Scenario, seed: UInt64, defaultTarget: String?, overrideTarget: String?, file: String
  ) throws(ScenarioError) -> [PlanEndpoint] {
    var ids = IDFactory(seed: seed ^ 0x9E0_1EC7)
    let secret = scenario.webhookSecret(seed: seed)
    let projectID = scenario.project.id ?? ids.make(.project, at: scenario.start)
    func target(_ own: String?, path: String) throws(ScenarioError) -> String {
      guard let target = overrideTarget ?? own ?? defaultTarget else {
        throw ScenarioError(file: file, path: path, reason: "no target URL: set `target_url` or run with --to URL")
      }
      return target
    }
    var out: [PlanEndpoint] = []
    for (i, wh) in scenario.project.webhooks.enumerated() {
      let id = wh.id ?? ids.make(.webhook, at: scenario.start)
      guard wh.active else { continue }
      let endpoint = WebhookEndpoint(
        projectID: projectID,
        source: SendoutSource(
          id: id, object: .webhook, targetURL: try target(wh.targetURL, path: "project.webhooks.\(i).target_url")),
        secret: secret,
        headers: wh.headers)
      out.append(
        PlanEndpoint(
          name: "webhook \(id)", events: wh.events.map(Set.init), trigger: nil,
          builder: SendoutBuilder(endpoint: endpoint, seed: seed &+ UInt64(i) &* 0x1000_0001)))
    }
    for (i, d) in scenario.distributions.enumerated() {
      let id = d.id ?? ids.make(.distribution, at: scenario.start)
      guard d.active else { continue }
      let endpoint = WebhookEndpoint(
        projectID: projectID,
        source: SendoutSource(
          id: id, object: .distribution, targetURL: try target(d.targetURL, path: "distributions.\(i).target_url")),
        eventName: d.eventName,
        purpose: d.purpose, secret: secret, headers: d.headers, template: d.template,
        rawPayload: d.rawPayload)
      out.append(
        PlanEndpoint(
          name: d.name, events: nil, trigger: d.trigger,
          builder: SendoutBuilder(endpoint: endpoint, seed: seed &+ UInt64(i + 1) &* 0x2000_0003)))
    }
    return out
  }
}

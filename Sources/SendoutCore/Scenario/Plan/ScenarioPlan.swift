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
    let secret = scenario.webhookSecret(seed: seed)
    let endpoints = try ScenarioEndpoints(
      scenario, seed: seed, secret: secret, defaultTarget: defaultTarget, overrideTarget: overrideTarget, file: file)
    var out: [PlanEndpoint] = []
    for wh in endpoints.webhooks where wh.active {
      let endpoint = WebhookEndpoint(
        projectID: endpoints.projectID,
        source: SendoutSource(id: wh.id, object: .webhook, targetURL: wh.targetURL), secret: secret,
        headers: wh.headers)
      out.append(
        PlanEndpoint(
          name: "webhook \(wh.id)", events: wh.events.map(Set.init), trigger: nil,
          builder: SendoutBuilder(endpoint: endpoint, seed: wh.builderSeed)))
    }
    for d in endpoints.distributions {
      out.append(PlanEndpoint(name: d.name, events: nil, trigger: d.trigger, builder: d.builder))
    }
    return out
  }
}

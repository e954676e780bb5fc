extension EventPool {
  /// Most sendouts a scenario pool cycles through (each keeps its serialized event blocks in memory).
  public static let maxScenarioEntries = 10_000

  /// A pool of the sendouts `scenario` plans, in order (its first `maxScenarioEntries`): the world is
  /// built and the steps played once, then every request re-renders one planned event through its own
  /// builder, so each is a fresh sendout (new `whs_` id, `created_at` and signature) to the same endpoint
  /// kind and with the same headers as the plan. Every request goes to `target`; `secret`, when given,
  /// replaces the scenario's `project.secret`. `stream` separates the pools of parallel generators.
  public init(
    scenario: Scenario, seed: UInt64? = nil, target: String, secret: String?, stream: UInt64 = 0, file: String
  )
    throws(ScenarioError)
  {
    let seed = seed ?? scenario.seed
    let endpoints = try ScenarioPlan.endpoints(
      scenario, seed: seed, defaultTarget: target, overrideTarget: target, file: file)
    var entries: [(event: WorldEvent, builder: SendoutBuilder)] = []
    for (stepEvent, i) in ScenarioPlan.route(try ScenarioPlan.play(scenario, seed: seed, file: file), to: endpoints) {
      guard entries.count < Self.maxScenarioEntries else { break }
      var webhook = endpoints[i].builder.endpoint
      if let secret { webhook.secret = secret }
      let builderSeed = seed &+ UInt64(entries.count) &* 0x9E37_79B9 &+ (stream << 40)
      entries.append((stepEvent.event, SendoutBuilder(endpoint: webhook, seed: builderSeed)))
    }
    guard !entries.isEmpty else {
      throw ScenarioError(
        file: file, path: "steps",
        reason: "the scenario makes no sendouts (no active webhook or distribution takes its events)")
    }
    self.init(entries: entries)
  }
}

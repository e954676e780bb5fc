/// A scenario's project id, project webhooks (inactive ones too) and active distributions, with the ids, targets and
/// builder seeds a run uses: the one place `sendout run` (`ScenarioPlan.endpoints`) and `sendout serve --scenario`
/// (`ScenarioSetup`) take them from, so both sign the same sendouts with the same ids.
struct ScenarioEndpoints {
  /// The project id every sendout carries.
  var projectID: String
  /// The project webhooks, in the file's order.
  var webhooks: [ScenarioSetup.Webhook] = []
  /// The active distributions, in the file's order.
  var distributions: [ScenarioSetup.Distribution] = []

  /// Ids and the project id come from `seed` when the file gives none; an active endpoint with no target (its own,
  /// `defaultTarget`, or `overrideTarget` over both) is an error naming its field.
  init(
    _ scenario: Scenario, seed: UInt64, secret: String, defaultTarget: String?, overrideTarget: String?, file: String
  ) throws(ScenarioError) {
    var ids = IDFactory(seed: seed ^ 0x9E0_1EC7)
    let projectID = scenario.project.id ?? ids.make(.project, at: scenario.start)
    self.projectID = projectID
    func target(_ own: String?, active: Bool, path: String) throws(ScenarioError) -> String {
      if let target = overrideTarget ?? own ?? defaultTarget { return target }
      guard active else { return "" }
      throw ScenarioError(file: file, path: path, reason: "no target URL: set `target_url` or run with --to URL")
    }
    for (i, wh) in scenario.project.webhooks.enumerated() {
      let id = wh.id ?? ids.make(.webhook, at: scenario.start)
      webhooks.append(
        ScenarioSetup.Webhook(
          id: id,
          targetURL: try target(wh.targetURL, active: wh.active, path: "project.webhooks.\(i).target_url"),
          events: wh.events, active: wh.active, headers: wh.headers, builderSeed: seed &+ UInt64(i) &* 0x1000_0001))
    }
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
        ScenarioSetup.Distribution(
          name: d.name, trigger: d.trigger,
          builder: SendoutBuilder(endpoint: endpoint, seed: seed &+ UInt64(i + 1) &* 0x2000_0003)))
    }
  }
}

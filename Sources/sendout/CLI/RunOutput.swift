import SendoutCore

/// What `sendout run --dry-run` prints: every planned sendout, or them as JSON with their bodies.
enum RunOutput {
  static func printDryRun(_ plan: [PlannedSendout], scenario: Scenario, json: Bool) {
    if json {
      Console.out(
        JSON.array(
          plan.map { p in
            [
              "step": .string(p.stepPath), "endpoint": .string(p.endpointName), "sendout_id": .string(p.sendout.id),
              "event_type": .string(p.sendout.eventType), "type": .string(p.sendout.type),
              "target_url": .string(TargetURL.withoutPassword(p.sendout.source.targetURL)),
              "headers": CustomHeader.redactedJSON(p.sendout.headers),
              "body": (try? JSONParser.parse(p.sendout.body)) ?? .null,
            ]
          }
        ).prettyString)
      return
    }
    for p in plan {
      Console.out(
        "\(p.stepPath.padding(toLength: 24, withPad: " ", startingAt: 0)) \(p.sendout.id)  \(p.sendout.eventType) → \(p.endpointName)  \(p.sendout.body.count) B"
      )
    }
    let types = Set(plan.map(\.sendout.eventType)).count
    Console.out("Dry run of \"\(scenario.name)\": \(plan.count) sendouts of \(types) event types; nothing was sent.")
  }
}

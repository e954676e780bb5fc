import SendoutCore

/// What `sendout run` prints: arrivals and notable attempts as they happen, then the summary (text or JSON); and
/// what `run --dry-run` and `validate` print.
public struct RunText: Sendable {
  let json: Bool
  let delivery: DeliverySettings
  let duplicates: Double
  let reorder: Int
  private var auditPath: String { delivery.auditPath }

  /// Lines for a run delivered with `delivery` (only the summary with `json`), with its at-least-once chaos.
  public init(json: Bool, delivery: DeliverySettings, duplicates: Double = 0, reorder: Int = 1) {
    self.json = json
    self.delivery = delivery
    self.duplicates = duplicates
    self.reorder = reorder
  }

  /// The lines for one session event (warnings are the caller's; none but the summary with `--json`).
  public func lines(for event: SessionEvent) -> [String] {
    switch event {
    case _ where json: return []
    case .listenerStarted(let url, _):
      return ["Started the built-in listener on \(url) for endpoints without a target_url; it checks signatures"]
    case .received(let request): return ["  listener ← \(request.line)"]
    case .notice(let notice): return NoticeText.lines(for: notice)
    case .planned(let name, let count, let generated):
      var lines = ["Running \"\(name)\": \(count) sendouts, audit log \(auditPath)"] + NoticeText.ciSchedule(delivery)
      if let generated { lines.append("No project.secret: signing with the generated secret \(generated)") }
      if duplicates > 0 || reorder > 1 {
        lines.append(
          "At-least-once chaos: "
            + [
              duplicates > 0 ? "\(Int((duplicates * Double(count)).rounded())) duplicates after success" : nil,
              reorder > 1 ? "shuffled in windows of \(reorder)" : nil,
            ].compactMap { $0 }.joined(separator: ", ") + " (seeded by the run's seed)")
      }
      return lines
    case .resuming(let r):
      return [
        "Resuming: \(r.delivered) already delivered (not resent), \(r.retrying) left RETRYING (sent again), "
          + "\(r.unsent) not sent yet"
      ]
    case .delivery(let event):
      switch event {
      case .recorded(let r) where r.status != .success || r.attempt > 1: break
      case .paused: break
      default: return []
      }
      return DeliveryText(showID: true, maxAttempts: delivery.policy.maxAttempts).lines(for: event)
    case .warning, .sending, .firing, .resending, .loadProgress, .serving, .apiCall, .dashboardServing,
      .arrivalsServing, .listenSummary:
      return []
    }
  }

  /// The summary, then the verdict: ok when it passed, a bad JUnit path, an interruption, or unmet.
  public func ending(_ result: RunSession.Result) -> CommandEnding {
    var lines: [String] = []
    if let (received, valid) = result.listenerArrivals, !json {
      lines.append("Built-in listener: \(received) received, \(valid) with a valid signature")
    }
    lines.append(json ? result.summary.json.prettyString : "\n" + result.summary.text)
    if let error = result.junitError { return CommandEnding(lines, .badInput(error)) }
    if result.deadlineReached {
      return CommandEnding(
        lines,
        .failed(
          "Deadline reached: unfinished sendouts are recorded as RETRYING in \(auditPath); continue with --resume"))
    }
    if result.cancelled {
      return CommandEnding(
        lines,
        .failed("Interrupted: unfinished sendouts are recorded as RETRYING in \(auditPath); continue with --resume"))
    }
    return CommandEnding(lines, result.summary.passed ? .ok : .unmet)
  }

  /// `run --dry-run`: every planned sendout, or them as JSON with their bodies.
  public static func dryRun(_ plan: [PlannedSendout], scenario: Scenario, json: Bool) -> [String] {
    if json {
      return [
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
        ).prettyString
      ]
    }
    let types = Set(plan.map(\.sendout.eventType)).count
    return plan.map { p in
      "\(p.stepPath.padding(toLength: 24, withPad: " ", startingAt: 0)) \(p.sendout.id)  \(p.sendout.eventType) → \(p.endpointName)  \(p.sendout.body.count) B"
    } + ["Dry run of \"\(scenario.name)\": \(plan.count) sendouts of \(types) event types; nothing was sent."]
  }

  /// `validate`: what the scenario in `file` holds and plans.
  public static func validated(_ plan: RunSession.Plan, file: String) -> String {
    let steps = plan.scenario.steps.count
    let project = plan.scenario.project
    let types = Set(plan.sendouts.map(\.sendout.eventType)).count
    return "\(file): ok — \"\(plan.scenario.name)\", \(steps) step\(steps == 1 ? "" : "s"), "
      + "\(project.webhooks.count) project webhook(s), \(plan.scenario.distributions.count) distribution(s); "
      + "plans \(plan.sendouts.count) sendouts of \(types) event types"
  }

  /// `validate`'s problems for standard error: one `error: file:line:column: at `path`: reason` line each (escaped:
  /// they quote the file), then how many when more than one.
  public static func problems(_ problems: [ScenarioError], file: String) -> [String] {
    let lines = problems.map { "error: " + TerminalText.escape($0.description) }
    return lines + (problems.count > 1 ? ["\(TerminalText.escape(file)): \(problems.count) problems"] : [])
  }
}

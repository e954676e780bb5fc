import SendoutCore
import SendoutSessions

/// What `sendout fire` prints: the built-in listener, the sendout, a line per attempt, and the verdict.
struct FirePrinter: Sendable {
  let delivery: DeliverySettings

  /// Prints one session event.
  @Sendable func show(_ event: SessionEvent) {
    switch event {
    case .listenerStarted(let url, let generated):
      if let generated { Console.out("No --secret given: signing with the generated secret \(generated)") }
      Console.out("Started the built-in listener on \(url); it prints what arrives and checks the signature")
    case .received(let request): Console.out("  listener ← \(request.line)")
    case .warning(let text): Console.warning(text)
    case .firing(let fire):
      for line in Self.lines(for: fire) { Console.out(line) }
    case .sending(let sendout, let alreadyRecorded):
      if alreadyRecorded {
        Console.out(
          "Note: \(sendout.id) is already in \(delivery.auditPath) (the same --seed and --at render the same sendout); leave out --seed for a new one"
        )
      }
      Console.out(
        "Sending \(sendout.id) (\(sendout.eventType) via \(Self.kind(sendout)) \(sendout.source.id), \(sendout.body.count) B) to \(TargetURL.withoutPassword(sendout.source.targetURL))"
      )
      let policy = delivery.policy
      Console.out(
        "Retry schedule: \(policy.schedule)\(policy.timeScale == 1 ? "" : " × \(policy.timeScale)"), timeout \(DurationText.format(milliseconds: Double(policy.timeoutMilliseconds)))"
      )
    case .delivery(let event):
      for line in DeliveryPrinter(showID: false, maxAttempts: delivery.policy.maxAttempts).lines(for: event) {
        Console.out(line)
      }
    case .planned, .resuming, .resending, .loadProgress, .serving, .apiCall, .dashboardServing, .arrivalsServing: break
    }
  }

  /// The exit code for the result (0 every sendout delivered), or the error that says why not (the first one
  /// that was not delivered).
  func finish(_ result: FireSession.Result) throws(CLIError) -> Int32 {
    let path = delivery.auditPath
    Console.out("Audit log: \(path)")
    if result.report.cancelled {
      let id = result.sendout.id
      throw .failed("Interrupted: \(id) is recorded as RETRYING in \(path); resend it with 'sendout retry \(id)'")
    }
    let statuses = result.report.finalStatus
    if result.sendouts.count > 1 {
      let delivered = result.sendouts.filter { statuses[$0.id] == .success }.count
      Console.out("Fired \(result.sendouts.count) sendouts: \(delivered) delivered")
    }
    guard let sendout = result.sendouts.first(where: { statuses[$0.id] != .success }) else { return 0 }
    let id = sendout.id
    if statuses[id] == .skipped {
      throw .failed(
        "\(id) was SKIPPED: its \(Self.kind(sendout)) \(sendout.source.id) is paused after an earlier sendout failed; pass --resume to set it live"
      )
    }
    let attempts = result.attempts(of: id)
    throw .failed(
      "\(id) FAILED after \(attempts) attempt\(attempts == 1 ? "" : "s"); resend it later with 'sendout retry --failed --audit \(path)'"
    )
  }

  /// `Fire 2/5` with `--repeat`, and, when the seed was drawn or the clock read, the line that renders the
  /// same body again.
  static func lines(for fire: FireStart) -> [String] {
    var lines: [String] = []
    if fire.count > 1 { lines.append("Fire \(fire.index + 1)/\(fire.count)") }
    guard (fire.seedDrawn || fire.startIsNow) && !fire.customBody else { return lines }
    let r = fire.request
    var render = ["sendout render", r.eventType, "--seed", String(r.seed), "--at", r.start.iso8601]
    if let via = r.via { render += ["--via", via == .webhook ? "project" : "distribution"] }
    if let purpose = r.purpose { render += ["--purpose", purpose.rawValue] }
    if let name = r.eventName { render += ["--event-name", "'\(name)'"] }
    render += ["--to", TargetURL.withoutPassword(r.targetURL)]
    for edit in r.edits {
      switch edit {
      case .set(let path, let value):
        render += ["--set", "'\(path.joined(separator: "."))=\(JSONWriter().string(value))'"]
      case .unset(let path): render += ["--unset", path.joined(separator: ".")]
      }
    }
    if r.createsMissingKeys { render.append("--set-new") }
    let what = fire.seedDrawn ? "Fresh seed \(r.seed)" : "Seed \(r.seed)"
    lines.append(
      TerminalText.escape(
        "\(what), clock from \(r.start.iso8601): render this again with --seed \(r.seed) --at \(r.start.iso8601) "
          + "('\(render.joined(separator: " "))', plus --secret for the signature)"))
    return lines
  }

  private static func kind(_ sendout: Sendout) -> String {
    sendout.source.object == .webhook ? "project webhook" : "distribution"
  }
}

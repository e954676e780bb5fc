import SendoutCore

/// What `sendout fire` prints: the built-in listener, the sendout, a line per attempt, and the verdict. Without
/// `verbose` (`fire -v`) a delivered fire is at most five short lines: the seed to render it again, the retry
/// schedule and the listener's full line are left out.
public struct FireText: Sendable {
  let delivery: DeliverySettings
  let verbose: Bool

  /// Lines for a fire delivered with `delivery`, every detail when `verbose`.
  public init(delivery: DeliverySettings, verbose: Bool = true) {
    self.delivery = delivery
    self.verbose = verbose
  }

  /// The lines for one session event (warnings are the caller's).
  public func lines(for event: SessionEvent) -> [String] {
    switch event {
    case .listenerStarted(let url, let generated) where verbose:
      return (generated.map { ["No --secret given: signing with the generated secret \($0)"] } ?? [])
        + ["Started the built-in listener on \(url); it prints what arrives and checks the signature"]
    case .listenerStarted(let url, let generated):
      return ["Built-in listener on \(url)" + (generated.map { ", signing with the generated secret \($0)" } ?? "")]
    case .received(let request) where verbose: return ["  listener ← \(request.line)"]
    case .received(let r):
      return [
        TerminalText.escape(
          "  listener ← \(r.method) \(r.target)  \(r.sendoutID ?? "(no sendout id)")  signature \(r.signature.rawValue)  → \(r.respondedStatus)"
        )
      ]
    case .firing(let fire) where !verbose: return fire.count > 1 ? ["Fire \(fire.index + 1)/\(fire.count)"] : []
    case .firing(let fire): return Self.lines(for: fire)
    case .sending(let sendout, let alreadyRecorded) where !verbose:
      let note = "Note: \(sendout.id) is already in \(delivery.auditPath) (same --seed and --at, or --body id)"
      return (alreadyRecorded ? [note] : []) + [
        "Sending \(sendout.id) (\(sendout.eventType), \(sendout.body.count) B) to \(TargetURL.withoutPassword(sendout.source.targetURL))"
      ] + NoticeText.ciSchedule(delivery)
    case .sending(let sendout, let alreadyRecorded):
      let policy = delivery.policy
      let note =
        "Note: \(sendout.id) is already in \(delivery.auditPath) (the same --seed and --at, or a --body with the same id, make the same sendout)"
      return (alreadyRecorded ? [note] : []) + [
        "Sending \(sendout.id) (\(sendout.eventType) via \(Self.kind(sendout)) \(sendout.source.id), \(sendout.body.count) B) to \(TargetURL.withoutPassword(sendout.source.targetURL))",
        "Retry schedule: \(policy.schedule)\(policy.timeScale == 1 ? "" : " × \(policy.timeScale)"), timeout \(DurationText.format(milliseconds: Double(policy.timeoutMilliseconds)))",
      ] + NoticeText.ciSchedule(delivery)
    case .notice(let notice): return NoticeText.lines(for: notice)
    case .delivery(.paused(let source)):
      let kind =
        source.object == .webhook
        ? "Project webhook \(source.id) is now DISABLED" : "Distribution \(source.id) is now PAUSED"
      return [
        "\(kind) at this URL, as in Voucherify: a sendout failed every attempt. Voucherify skips later sendouts to it; fire still delivers them, saying so (--honor-pause skips them)"
      ]
    case .delivery(let event):
      let lines = DeliveryText(showID: false, maxAttempts: delivery.policy.maxAttempts).lines(for: event)
      // After the first attempt fails, how to stop or shorten a wait of a minute or more (a success needs no hint).
      guard case .recorded(let record) = event, record.status == .retrying, record.attempt == 1 else { return lines }
      return lines + NoticeText.longSchedule(delivery)
    case .warning, .planned, .resuming, .resending, .loadProgress, .serving, .apiCall, .dashboardServing,
      .arrivalsServing, .listenSummary:
      return []
    }
  }

  /// The audit log's path, then the verdict: ok when every sendout was delivered, else why the first one that was
  /// not failed.
  public func ending(_ result: FireSession.Result) -> CommandEnding {
    let path = delivery.auditPath
    var lines = ["Audit log: \(path)"]
    if result.report.cancelled {
      let id = result.sendout.id
      return CommandEnding(
        lines, .failed("Interrupted: \(id) is recorded as RETRYING in \(path); resend it with 'sendout retry \(id)'"))
    }
    let statuses = result.report.finalStatus
    if result.sendouts.count > 1 {
      let delivered = result.sendouts.filter { statuses[$0.id] == .success }.count
      lines.append("Fired \(result.sendouts.count) sendouts: \(delivered) delivered")
    }
    guard let sendout = result.sendouts.first(where: { statuses[$0.id] != .success }) else {
      return CommandEnding(lines)
    }
    let id = sendout.id
    if statuses[id] == .skipped {
      return CommandEnding(
        lines,
        .failed(
          "\(id) was SKIPPED: its \(Self.kind(sendout)) \(sendout.source.id) is paused after an earlier sendout failed; pass --resume to set it live"
        ))
    }
    let attempts = result.attempts(of: id)
    return CommandEnding(
      lines,
      .failed(
        "\(id) FAILED after \(attempts) attempt\(attempts == 1 ? "" : "s"); resend it later with 'sendout retry --failed --audit \(path)'"
      ))
  }

  /// `Fire 2/5` with `--repeat`, and, when the seed was drawn or the clock read, the line that renders the
  /// same body again.
  public static func lines(for fire: FireStart) -> [String] {
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

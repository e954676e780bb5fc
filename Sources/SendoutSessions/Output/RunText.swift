import SendoutCore
import SendoutSessions

/// What `sendout run` prints: arrivals and notable attempts as they happen, then the summary (text or JSON).
struct RunPrinter: Sendable {
  let json: Bool
  let delivery: DeliverySettings
  var duplicates: Double = 0
  var reorder: Int = 1
  private var auditPath: String { delivery.auditPath }

  /// Prints one session event (only the summary with `--json`).
  @Sendable func show(_ event: SessionEvent) {
    switch event {
    case .warning(let text): Console.warning(text)
    case _ where json: break
    case .listenerStarted(let url, _):
      Console.out("Started the built-in listener on \(url) for endpoints without a target_url; it checks signatures")
    case .received(let request): Console.out("  listener ← \(request.line)")
    case .planned(let name, let count, let generated):
      Console.out("Running \"\(name)\": \(count) sendouts, audit log \(auditPath)")
      if let generated { Console.out("No project.secret: signing with the generated secret \(generated)") }
      if duplicates > 0 || reorder > 1 {
        Console.out(
          "At-least-once chaos: "
            + [
              duplicates > 0 ? "\(Int((duplicates * Double(count)).rounded())) duplicates after success" : nil,
              reorder > 1 ? "shuffled in windows of \(reorder)" : nil,
            ].compactMap { $0 }.joined(separator: ", ") + " (seeded by the run's seed)")
      }
    case .resuming(let r):
      Console.out(
        "Resuming: \(r.delivered) already delivered (not resent), \(r.retrying) left RETRYING (sent again), "
          + "\(r.unsent) not sent yet")
    case .delivery(let event):
      switch event {
      case .recorded(let r) where r.status != .success || r.attempt > 1: break
      case .paused: break
      default: return
      }
      for line in DeliveryPrinter(showID: true, maxAttempts: delivery.policy.maxAttempts).lines(for: event) {
        Console.out(line)
      }
    case .sending, .firing, .resending, .loadProgress, .serving, .apiCall, .dashboardServing, .arrivalsServing: break
    }
  }

  /// Prints the summary; the exit code (0 passed, 1 not), or the error that stops the run.
  func finish(_ result: RunSession.Result) throws(CLIError) -> Int32 {
    if let (received, valid) = result.listenerArrivals, !json {
      Console.out("Built-in listener: \(received) received, \(valid) with a valid signature")
    }
    Console.out(json ? result.summary.json.prettyString : "\n" + result.summary.text)
    if let error = result.junitError { throw .badInput(error) }
    if result.cancelled {
      throw .failed("Interrupted: unfinished sendouts are recorded as RETRYING in \(auditPath); continue with --resume")
    }
    return result.summary.passed ? 0 : 1
  }
}

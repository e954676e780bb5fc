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
    case .warning(let text): Console.err("warning: \(TerminalText.escape(text))")
    case .sending(let sendout, let alreadyRecorded):
      if alreadyRecorded {
        Console.out(
          "Note: \(sendout.id) is already in \(delivery.auditPath) (same --seed renders the same sendout); pass another --seed for a new one"
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
    case .planned, .resuming, .resending, .loadProgress, .serving, .apiCall: break
    }
  }

  /// The exit code for the result (0 delivered), or the error that says why not.
  func finish(_ result: FireSession.Result) throws(CLIError) -> Int32 {
    let id = result.sendout.id
    let path = delivery.auditPath
    Console.out("Audit log: \(path)")
    if result.report.cancelled {
      throw .failed("Interrupted: \(id) is recorded as RETRYING in \(path); resend it with 'sendout retry \(id)'")
    }
    switch result.finalStatus {
    case .success?:
      return 0
    case .skipped?:
      throw .failed(
        "\(id) was SKIPPED: its \(Self.kind(result.sendout)) \(result.sendout.source.id) is paused after an earlier sendout failed; pass --resume to set it live"
      )
    default:
      let attempts = result.attempts
      throw .failed(
        "\(id) FAILED after \(attempts) attempt\(attempts == 1 ? "" : "s"); resend it later with 'sendout retry --failed --audit \(path)'"
      )
    }
  }

  private static func kind(_ sendout: Sendout) -> String {
    sendout.source.object == .webhook ? "project webhook" : "distribution"
  }
}

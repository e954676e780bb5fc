import SendoutCore
import SendoutSessions

/// What `sendout serve` prints: the API's URL and keys first, then each call and each webhook as it goes.
enum ServePrinter {
  /// `1 call`, `2 calls`.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  @Sendable static func show(_ event: SessionEvent) {
    switch event {
    case .serving(let info):
      if let state = info.statePath {
        Console.out(
          "Mock Voucherify API on \(info.url)  (state in \(state): \(Self.count(info.restoredCalls, "call")) replayed, "
            + "\(Self.count(info.resumedSendouts, "undelivered sendout")) resumed)")
      } else {
        Console.out("Mock Voucherify API on \(info.url)  (world in memory: it starts anew with every serve)")
      }
      Console.out("  X-App-Id: \(TerminalText.escape(info.appID))")
      Console.out("  X-App-Token: \(shown(info.generatedAppToken, given: "--app-token"))")
      Console.out(
        "  X-Client-Application-Id: \(TerminalText.escape(info.clientAppID))  X-Client-Token: "
          + "\(shown(info.generatedClientToken, given: "--client-token")) (/client/v1/…)")
      Console.out("  Project: \(info.projectID) (the Management API takes the same keys)")
      let secret = signedWith(info)
      if let scenario = info.scenario {
        Console.out(TerminalText.escape(scenario) + ", " + secret)
      } else {
        Console.out(
          "Webhooks: every event to \(TargetURL.withoutPassword(info.webhookURL)) (project webhook \(info.webhookID)), "
            + secret)
      }
      if let at = info.simulatedTime { Console.out("Simulated clock fixed at \(at.iso8601)") }
      Console.out("Audit log: \(info.auditPath). Ctrl-C to stop.")
    case .listenerStarted(let url, _):
      Console.out("Started the built-in listener on \(url); it prints what arrives and checks the signature")
    case .received(let request): Console.out("  listener ← \(request.line)")
    case .apiCall(let method, let path, let status):
      Console.out(TerminalText.escape("  api ← \(method) \(path) → \(status)"))
    case .warning(let text): Console.warning(text)
    case .dashboardServing(let url): Console.out("Dashboard: \(url) (webhook sendouts and the world, in a browser)")
    case .arrivalsServing(let url): Console.out("Arrivals: \(url) (what the built-in listener received, live)")
    case .delivery(let event):
      guard case .recorded(let record) = event, record.status != .success else { return }
      for line in DeliveryPrinter(showID: true, maxAttempts: 0).lines(for: event) { Console.out(line) }
    default: break
    }
  }

  /// A generated secret, marked so; one the user gave is never shown (it is in their shell history already).
  static func shown(_ generated: String?, given option: String) -> String {
    generated.map { "\($0) (generated)" } ?? "as given with \(option) (not shown)"
  }

  /// How the webhooks are signed: the generated secret, or which given one (not shown).
  static func signedWith(_ info: ServeInfo) -> String {
    if let secret = info.generatedSecret { return "signed with the generated secret \(secret)" }
    return "signed with the secret given "
      + (info.scenario == nil ? "with --secret" : "by --secret or the scenario's project.secret") + " (not shown)"
  }
}

import SendoutCore

/// What `sendout serve` prints: the API's URL and keys first, then each call and each webhook as it goes.
public enum ServeText {
  /// `1 call`, `2 calls`.
  public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  /// The lines for one session event (warnings are the caller's); with `json`, the JSON line comes first.
  public static func lines(for event: SessionEvent, json: Bool) -> [String] {
    switch event {
    case .serving(let info): return (json ? [jsonLine(info)] : []) + banner(info)
    case .listenerStarted(let url, _):
      return ["Started the built-in listener on \(url); it prints what arrives and checks the signature"]
    case .received(let request): return ["  listener ← \(request.line)"]
    case .apiCall(let method, let path, let status):
      return ["  api ← \(TerminalText.escape(method)) \(TerminalText.escape(path)) → \(status)"]
    case .dashboardServing(let url): return ["Dashboard: \(url) (webhook sendouts and the world, in a browser)"]
    case .arrivalsServing(let url): return ["Arrivals: \(url) (what the built-in listener received, live)"]
    case .delivery(let event):
      guard case .recorded(let record) = event, record.status != .success else { return [] }
      return DeliveryText(showID: true, maxAttempts: 0).lines(for: event)
    default: return []
    }
  }

  /// Where the API is, its keys (generated ones only), where the webhooks go and the audit log.
  static func banner(_ info: ServeInfo) -> [String] {
    var lines: [String] = []
    if let state = info.statePath {
      lines.append(
        "Mock Voucherify API on \(info.url)  (state in \(state): \(count(info.restoredCalls, "call")) replayed, "
          + "\(count(info.resumedSendouts, "undelivered sendout")) resumed)")
    } else {
      lines.append("Mock Voucherify API on \(info.url)  (world in memory: it starts anew with every serve)")
    }
    lines.append("  X-App-Id: \(TerminalText.escape(info.appID))")
    lines.append("  X-App-Token: \(shown(info.generatedAppToken, given: "--app-token"))")
    lines.append(
      "  X-Client-Application-Id: \(TerminalText.escape(info.clientAppID))  X-Client-Token: "
        + "\(shown(info.generatedClientToken, given: "--client-token")) (/client/v1/…)")
    lines.append("  Project: \(info.projectID) (the Management API takes the same keys)")
    let secret = signedWith(info)
    if let scenario = info.scenario {
      lines.append(TerminalText.escape(scenario) + ", " + secret)
    } else {
      lines.append(
        "Webhooks: every event to \(TargetURL.withoutPassword(info.webhookURL)) (project webhook \(info.webhookID)), "
          + secret)
    }
    if let at = info.simulatedTime { lines.append("Simulated clock fixed at \(at.iso8601)") }
    lines.append("Audit log: \(info.auditPath). Ctrl-C to stop.")
    return lines
  }

  /// `sendout serve --json`'s first line, one JSON object a test harness reads to find the API (with `--port 0`, the
  /// port chosen) and its keys: `{"url":…,"app_id":…,"app_token":…,"client_app_id":…,"client_token":…,"secret":…,
  /// "webhook_url":…,"audit":…}`, compact. Secrets are in it only when serve generated them: the caller knows what
  /// it passed with `--app-token`, `--client-token` and `--secret` (or in the scenario file).
  public static func jsonLine(_ info: ServeInfo) -> String {
    var object: JSONObject = ["url": .string(info.url), "app_id": .string(info.appID)]
    if let token = info.generatedAppToken { object.append("app_token", .string(token)) }
    object.append("client_app_id", .string(info.clientAppID))
    if let token = info.generatedClientToken { object.append("client_token", .string(token)) }
    if let secret = info.generatedSecret { object.append("secret", .string(secret)) }
    object.append("webhook_url", .string(TargetURL.withoutPassword(info.webhookURL)))
    object.append("audit", .string(info.auditPath))
    return JSON.object(object).compactString
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

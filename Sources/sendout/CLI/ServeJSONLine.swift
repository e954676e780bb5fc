import SendoutCore
import SendoutSessions

/// `sendout serve --json`: the first line of standard output, one JSON object a test harness reads to find the
/// API (with `--port 0`, the port chosen) and its keys. Secrets are in it only when serve generated them: the
/// caller knows what it passed with `--app-token`, `--client-token` and `--secret` (or in the scenario file).
enum ServeJSONLine {
  /// An observer that prints the line when serve starts serving, then passes every event on to `show`.
  static func before(_ show: @escaping @Sendable (SessionEvent) -> Void) -> @Sendable (SessionEvent) -> Void {
    { event in
      if case .serving(let info) = event { Console.out(line(info)) }
      show(event)
    }
  }

  /// `{"url":…,"app_id":…,"app_token":…,"client_app_id":…,"client_token":…,"secret":…,"webhook_url":…,
  /// "audit":…}`, compact, with each generated secret and no other.
  static func line(_ info: ServeInfo) -> String {
    var object: JSONObject = ["url": .string(info.url), "app_id": .string(info.appID)]
    if let token = info.generatedAppToken { object.append("app_token", .string(token)) }
    object.append("client_app_id", .string(info.clientAppID))
    if let token = info.generatedClientToken { object.append("client_token", .string(token)) }
    if let secret = info.generatedSecret { object.append("secret", .string(secret)) }
    object.append("webhook_url", .string(TargetURL.withoutPassword(info.webhookURL)))
    object.append("audit", .string(info.auditPath))
    return JSON.object(object).compactString
  }
}

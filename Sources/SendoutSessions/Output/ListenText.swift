import SendoutCore

/// What `sendout listen` prints: where it listens (a JSON line with `--json`), then one line per request.
public struct ListenText: Sendable {
  let json: Bool
  let ui: Bool
  let checksSignatures: Bool

  /// Lines as text or JSON, mentioning the Arrivals page with `ui` and whether a secret checks the signatures.
  public init(json: Bool, ui: Bool, checksSignatures: Bool) {
    self.json = json
    self.ui = ui
    self.checksSignatures = checksSignatures
  }

  /// The lines for one session event.
  public func lines(for event: SessionEvent) -> [String] {
    switch event {
    case .listenerStarted(let url, _) where json:
      var first = JSONObject([JSONMember("listening", .string(url)), JSONMember("port", .int(Self.port(of: url)))])
      if ui { first.append("ui", .string(url + "/_sendout/")) }
      return [JSON.object(first).compactString]
    case .listenerStarted(let url, _):
      let checked = checksSignatures ? "checked" : "not checked: no --secret"
      return ["Listening on \(url) (signatures \(checked)). Ctrl-C to stop."]
        + (ui ? ["Arrivals UI: \(url)/_sendout/ (live; requests under /_sendout/ are not arrivals)"] : [])
    case .received(let request): return [json ? request.json.compactString : request.line]
    case .listenSummary(let summary): return [json ? summary.json.compactString : summary.line]
    default: return []
    }
  }

  /// The port of `http://host:PORT`.
  static func port(of url: String) -> Int { url.split(separator: ":").last.flatMap { Int($0) } ?? 0 }
}

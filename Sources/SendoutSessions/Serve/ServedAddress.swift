import SendoutAPI
import SendoutCore
import SendoutIO

/// Where `sendout serve` listens (port 0 until it is bound): a webhook aimed there is refused, since every delivery
/// would call the API again, and a call that emits events would send more webhooks without end.
struct ServedAddress: Sendable {
  /// The bound host (`--host`).
  var host = ""
  /// The bound port; 0 matches nothing.
  var port = 0

  /// The server's own URL (`http://127.0.0.1:8091`; an IPv6 host in brackets), which export download links start with.
  var url: String { "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

  /// Why a webhook to `url` is refused, or `nil` when it goes elsewhere.
  func refusal(of url: String) -> String? {
    guard HTTPServer.reaches(url, host: host, port: port) else { return nil }
    return "'\(TargetURL.withoutPassword(url))' is this sendout serve itself (\(host):\(port)): every delivery would "
      + "call it again and send more webhooks"
  }

  /// The first refusal among the targets of `webhooks` and their distributions, or `nil`.
  func refusal(of webhooks: ProjectWebhooks) -> String? {
    let targets = webhooks.all.map(\.targetURL) + webhooks.distributions.map(\.builder.endpoint.source.targetURL)
    return targets.lazy.compactMap(refusal(of:)).first
  }
}

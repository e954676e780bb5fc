import Foundation
import SendoutCore
import SendoutIO

/// The receiver a session starts when no target is given (`fire`, `run`, `load`, and later `serve`): a
/// `WebhookListener` on 127.0.0.1 and a free port, checking signatures with the secret, reporting every
/// arrival to the observer. The one place that starts it.
struct BuiltInListener {
  /// The running listener.
  let listener: WebhookListener

  /// Starts it on a free port; arrivals go to the observer as `.received` unless `reportArrivals` is off. With
  /// `servesUI`, its live Arrivals page is at `/_sendout/` (as `listen --ui`).
  static func start(
    secret: String?, reportArrivals: Bool = true, servesUI: Bool = false, observer: @escaping SessionObserver
  ) throws(SessionError) -> BuiltInListener {
    var configuration = ListenerConfiguration(port: 0, secret: secret)
    configuration.servesUI = servesUI
    if reportArrivals { configuration.onReceive = { request in observer(.received(request)) } }
    let listener = WebhookListener(configuration: configuration)
    do throws(ListenerError) { try listener.start() } catch { throw .internal(error.message) }
    return BuiltInListener(listener: listener)
  }

  /// Where webhooks go: `/webhooks` on the listener.
  var webhookURL: String { listener.baseURL + "/webhooks" }

  /// 32 random hex digits from the system generator, for a built-in listener with no secret given.
  static func generatedSecret() -> String {
    var generator = SystemRandomNumberGenerator()
    return Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }
}

// swift-format-ignore-file: NeverUseForceTry

// Test code: the event types are fixed and renderable, so a failure here is a broken test, not a case to handle.
import Foundation
import SendoutCore
import SendoutIO
import Synchronization

/// Helpers for the load generator tests: a listener, a configuration aimed at it, and a run off the
/// cooperative pool (the generator blocks its calling thread until done).
enum LoadTestSupport {
  static func listener(
    _ behavior: ListenerBehavior = ListenerBehavior(), secret: String? = "s",
    onReceive: (@Sendable (ReceivedWebhook) -> Void)? = nil
  ) throws -> WebhookListener {
    let listener = WebhookListener(
      configuration: ListenerConfiguration(port: 0, secret: secret, behavior: behavior, onReceive: onReceive))
    try listener.start()
    return listener
  }

  static func target(_ port: Int) -> LoadTarget {
    guard case .success(let target) = LoadTarget.parse("http://127.0.0.1:\(port)/webhooks") else {
      fatalError("bad test target")
    }
    return target
  }

  /// Runs the socket generator to completion on its own thread.
  static func run(_ configuration: LoadConfiguration, events: [String] = ["customer.redemption.succeeded"]) async
    -> (LoadStats, Double)
  {
    let generator = SocketLoadGenerator(configuration: configuration)
    let url = "http://127.0.0.1:\(configuration.target.port)/webhooks"
    return await generator.run { thread in
      // Force-try: the event types are fixed and renderable.
      try! EventPool(eventTypes: events, via: nil, secret: "s", targetURL: url, seed: 1, stream: UInt64(thread))
    }
  }
}

/// A reference to a listener for its own `onReceive` callback (set once it exists).
final class ListenerBox: Sendable {
  let listener = Mutex<WebhookListener?>(nil)
  let count = Atomic<Int>(0)
}

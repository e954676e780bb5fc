import SendoutCore
import SendoutIO

/// `sendout listen`: the receiver, serving until the task is cancelled (Ctrl-C), every request reported to the
/// observer as it is answered.
public enum ListenSession {
  /// What the listener served.
  public struct Result: Sendable {
    /// Requests answered.
    public var received: Int
  }

  /// Binds, reports `.listenerStarted` and then every `.received`, and serves until the task is cancelled.
  /// Requests are not kept in memory (a long `listen` stays flat under load), except the bounded last ones the
  /// `--ui` page shows (`ArrivalLog`).
  public static func run(_ configuration: ListenerConfiguration, observer: @escaping SessionObserver)
    async throws(SessionError) -> Result
  {
    var configuration = configuration
    configuration.onReceive = { observer(.received($0)) }
    configuration.keepsReceived = false
    let listener = WebhookListener(configuration: configuration)
    do throws(ListenerError) { try listener.start() } catch { throw .usage(error.message) }
    observer(.listenerStarted(url: listener.baseURL, generatedSecret: nil))
    await CancellationWait.untilCancelled()
    listener.stop()
    return Result(received: listener.receivedCount)
  }
}

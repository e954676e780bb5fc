import Foundation
import SendoutCore
import SendoutIO

/// `sendout listen`: the receiver, serving until the task is cancelled (Ctrl-C), every request reported to the
/// observer as it is answered (or, `quiet`, a summary once a second).
public enum ListenSession {
  /// What the listener served.
  public struct Result: Sendable {
    /// Requests answered.
    public var received: Int
  }

  /// Binds, reports `.listenerStarted` and then every `.received`, and serves until the task is cancelled.
  /// With `quiet` no request is reported: a `.listenSummary` comes once a second while requests arrive, and a
  /// last one when it stops (`listen --quiet`). Requests are not kept in memory (a long `listen` stays flat under
  /// load), except the bounded last ones the `--ui` page shows (`ArrivalLog`).
  public static func run(
    _ configuration: ListenerConfiguration, quiet: Bool = false, observer: @escaping SessionObserver
  )
    async throws(SessionError) -> Result
  {
    var configuration = configuration
    let tally = ListenTally(startingAt: nanosecondsNow())
    let checks = configuration.secret != nil
    let counting: @Sendable (ReceivedWebhook) -> Void = { tally.record($0, checksSignatures: checks) }
    let reporting: @Sendable (ReceivedWebhook) -> Void = { observer(.received($0)) }
    configuration.onReceive = quiet ? counting : reporting
    configuration.keepsReceived = false
    let listener = WebhookListener(configuration: configuration)
    do throws(ListenerError) { try listener.start() } catch { throw .usage(error.message) }
    observer(.listenerStarted(url: listener.baseURL, generatedSecret: nil))
    let ticker = quiet ? startTicker(tally, observer: observer) : nil
    await CancellationWait.untilCancelled()
    listener.stop()
    ticker?.cancel()
    if quiet { observer(.listenSummary(tally.summary(at: nanosecondsNow()))) }
    return Result(received: listener.receivedCount)
  }

  /// Reports `.listenSummary` once a second while the count moves (an idle listener prints nothing new).
  private static func startTicker(_ tally: ListenTally, observer: @escaping SessionObserver)
    -> any DispatchSourceTimer
  {
    let timer = DispatchSource.makeTimerSource(queue: .global())
    nonisolated(unsafe) var reported = 0
    timer.schedule(deadline: .now() + 1, repeating: 1)
    timer.setEventHandler {
      let summary = tally.summary(at: nanosecondsNow())
      if summary.arrivals != reported { observer(.listenSummary(summary)) }
      reported = summary.arrivals
    }
    timer.resume()
    return timer
  }

  private static func nanosecondsNow() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds) }
}

import SendoutCore
import SendoutIO

/// What a session tells its observer while it works, as typed values; text is made by whoever shows them
/// (the CLI printer, the dashboard's JSON).
public enum SessionEvent: Sendable {
  /// The built-in listener is up at `url`; `generatedSecret` is set when no secret was given and one was made.
  case listenerStarted(url: String, generatedSecret: String?)
  /// The built-in listener received a request (already answered).
  case received(ReceivedWebhook)
  /// `listen --quiet`'s once-a-second summary: totals and the rate.
  case listenSummary(ListenSummary)
  /// Something the user should know that does not stop the work (a partial audit-log line, a redacted header).
  case warning(String)
  /// The scenario was planned: its name, how many sendouts will be delivered, and the secret generated from
  /// the seed when the scenario names none (Voucherify always signs).
  case planned(scenario: String, count: Int, generatedSecret: String?)
  /// A resumed run: what the audit log says was already done.
  case resuming(ResumePlan)
  /// `fire` rendered one of its sendouts: the seed and clock start it used (to render it again).
  case firing(FireStart)
  /// One sendout is about to be delivered; `alreadyRecorded` when the audit log has its id already.
  case sending(Sendout, alreadyRecorded: Bool)
  /// Recorded sendouts are about to be resent.
  case resending(count: Int)
  /// The dispatcher's progress: attempt started, record written, source paused.
  case delivery(DeliveryEvent)
  /// How the session signs, a pause `fire` goes past, a 401/403 that may be the secret's.
  case notice(DeliveryNotice)
  /// A load test's progress, about once a second.
  case loadProgress(LoadProgress)
  /// The mock API is serving (`sendout serve`).
  case serving(ServeInfo)
  /// The built-in listener of `sendout serve` shows what it received, live, at this page (`listen --ui`'s).
  case arrivalsServing(url: String)
  /// The mock API answered a call.
  case apiCall(method: String, path: String, status: Int)
  /// The dashboard's page is served at `url` (`sendout dashboard`, and `serve`'s at `/_sendout/`).
  case dashboardServing(url: String)
}

/// One progress tick of a load test.
public struct LoadProgress: Sendable, Equatable {
  /// Seconds since the test started.
  public var elapsedSeconds: Double
  /// Requests completed in the last tick.
  public var requestsInTick: Int
  /// p99 latency so far, in milliseconds.
  public var p99Milliseconds: Double
  /// Requests that failed so far.
  public var errors: Int
}

/// Receives a session's events; called from any thread, so it must be quick and thread-safe.
public typealias SessionObserver = @Sendable (SessionEvent) -> Void

/// What a load run measured, in bounded memory: latency and scheduling-lag histograms (µs), status
/// codes, errors by kind, and counts. Mergeable, so each connection loop keeps its own and they add up.
public struct LoadStats: Sendable, Equatable {
  /// Latency of each completed request in µs, from its intended send time in open loop (coordinated
  /// omission corrected) or from its actual send time in closed loop.
  public var latency = Histogram()
  /// How late each request left compared to its intended time, in µs (open loop only): the generator's own delay.
  public var schedulingLag = Histogram()
  /// Responses by HTTP status.
  public var statusCounts: [Int: Int] = [:]
  /// Failures without a status, by kind (`timeout`, `connection refused`, `connection reset`, …).
  public var errorCounts: [LoadFailure: Int] = [:]
  /// Socket errors with no request on the connection (failed connects), by kind; not request outcomes.
  public var connectErrors: [LoadFailure: Int] = [:]
  /// Requests sent.
  public var sent = 0
  /// Requests that got a 2xx.
  public var succeeded = 0
  /// Bytes of request bodies sent.
  public var bodyBytes = 0
  /// Connections (re)opened.
  public var connectionsOpened = 0
  /// The same counts and latencies per second of the run (for `load --report`'s charts).
  public var timeline = LoadTimeline()

  /// Empty stats.
  public init() {}

  /// Records a response with `status` after `latencyMicros`, in the timeline at `atMicros` (when the latency
  /// is measured from, after the start) when given.
  public mutating func recordResponse(status: Int, latencyMicros: Int64, atMicros: Int64? = nil) {
    statusCounts[status, default: 0] += 1
    let ok = (200..<300).contains(status)
    if ok { succeeded += 1 }
    latency.record(latencyMicros)
    if let atMicros { timeline.recordOutcome(atMicros: atMicros, succeeded: ok, latencyMicros: latencyMicros) }
  }

  /// Records a failure of `kind` after `latencyMicros` (it counts in latency too: the receiver did not answer in
  /// time), in the timeline at `atMicros` when given.
  public mutating func recordError(_ kind: LoadFailure, latencyMicros: Int64, atMicros: Int64? = nil) {
    errorCounts[kind, default: 0] += 1
    latency.record(latencyMicros)
    if let atMicros { timeline.recordOutcome(atMicros: atMicros, succeeded: false, latencyMicros: latencyMicros) }
  }

  /// Completed requests: responses plus errors.
  public var completed: Int { statusCounts.values.reduce(0, +) + errorCounts.values.reduce(0, +) }

  /// Requests that did not get a 2xx.
  public var failed: Int { completed - succeeded }

  /// The fraction of completed requests that failed.
  public var errorRate: Double { completed == 0 ? 0 : Double(failed) / Double(completed) }

  /// Adds `other` into these stats.
  public mutating func merge(_ other: LoadStats) {
    latency.merge(other.latency)
    schedulingLag.merge(other.schedulingLag)
    for (k, v) in other.statusCounts { statusCounts[k, default: 0] += v }
    for (k, v) in other.errorCounts { errorCounts[k, default: 0] += v }
    for (k, v) in other.connectErrors { connectErrors[k, default: 0] += v }
    sent += other.sent
    succeeded += other.succeeded
    bodyBytes += other.bodyBytes
    connectionsOpened += other.connectionsOpened
    timeline.merge(other.timeline)
  }
}

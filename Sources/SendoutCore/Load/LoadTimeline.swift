/// A load run over time: one `LoadInterval` per second, mergeable across generator threads, in bounded memory.
/// When a run outgrows `maxIntervals` the intervals are coarsened: neighbours merge in pairs and the interval
/// doubles (1 s, 2 s, 4 s, …), so a 24 h run at the default cap of 1,800 ends with 1,350 intervals of 64 s.
public struct LoadTimeline: Sendable, Equatable {
  /// The default cap: 30 minutes at one-second resolution.
  public static let defaultMaxIntervals = 1800

  /// The length of one interval in µs (the first interval starts at the run's start).
  public private(set) var intervalMicros: Int64
  /// The most intervals kept before they are coarsened.
  public let maxIntervals: Int
  /// The intervals, from the start of the run; empty ones included.
  public private(set) var intervals: [LoadInterval] = []

  /// An empty timeline of `intervalMicros` intervals (default 1 s), coarsened past `maxIntervals` (at least 2).
  public init(intervalMicros: Int64 = 1_000_000, maxIntervals: Int = LoadTimeline.defaultMaxIntervals) {
    self.intervalMicros = Swift.max(1, intervalMicros)
    self.maxIntervals = Swift.max(2, maxIntervals)
  }

  /// The length of one interval in seconds.
  public var intervalSeconds: Double { Double(intervalMicros) / 1_000_000 }

  /// Counts a request sent at `micros` after the start.
  public mutating func recordSent(atMicros micros: Int64) {
    let i = slot(micros)
    intervals[i].sent += 1
  }

  /// Records the outcome of the request measured from `micros` after the start: its latency in the interval of
  /// `micros` (when it was due), its success or error in the interval it completed (`micros + latencyMicros`), so
  /// a receiver that stalls shows as a dip in completions per second and a spike in the latency of those sent then.
  public mutating func recordOutcome(atMicros micros: Int64, succeeded: Bool, latencyMicros: Int64) {
    let done = slot(micros + Swift.max(0, latencyMicros))  // first: the later time may coarsen the timeline
    let sent = slot(micros)
    if succeeded { intervals[done].succeeded += 1 } else { intervals[done].errors += 1 }
    intervals[sent].latency.record(latencyMicros)
  }

  /// Adds `other` in, interval by interval, at the coarser of the two resolutions.
  public mutating func merge(_ other: LoadTimeline) {
    var other = other
    while other.intervalMicros < intervalMicros { other.coarsen() }
    while intervalMicros < other.intervalMicros { coarsen() }
    for (i, interval) in other.intervals.enumerated() {
      if i == intervals.count { intervals.append(LoadInterval()) }
      intervals[i].merge(interval)
    }
    while intervals.count > maxIntervals { coarsen() }
  }

  /// The index of the interval holding `micros`, created (and the timeline coarsened) as needed.
  private mutating func slot(_ micros: Int64) -> Int {
    let t = Swift.max(0, micros)
    while t / intervalMicros >= Int64(maxIntervals) { coarsen() }
    let i = Int(t / intervalMicros)
    if i >= intervals.count {
      intervals.append(contentsOf: repeatElement(LoadInterval(), count: i - intervals.count + 1))
    }
    return i
  }

  /// Doubles the interval: neighbours 2k and 2k+1 become interval k.
  mutating func coarsen() {
    var merged: [LoadInterval] = []
    merged.reserveCapacity((intervals.count + 1) / 2)
    var i = 0
    while i < intervals.count {
      var pair = intervals[i]
      if i + 1 < intervals.count { pair.merge(intervals[i + 1]) }
      merged.append(pair)
      i += 2
    }
    intervals = merged
    intervalMicros *= 2
  }
}

/// Open-loop pacing as pure math (like vegeta's pacers and wrk2's schedule): the intended send time of
/// every request is fixed in advance, so latency can be measured from it and a stalled receiver shows up
/// in the tail instead of silently lowering the rate (coordinated omission).
public struct Pacer: Sendable, Equatable {
  /// The schedule being paced.
  public let schedule: RateSchedule
  private let stageStartCounts: [Int]
  private let stageStartNanos: [Int64]

  /// A pacer for `schedule`.
  public init(schedule: RateSchedule) {
    self.schedule = schedule
    var counts: [Int] = []
    var starts: [Int64] = []
    var count = 0
    var nanos = 0.0
    for stage in schedule.stages {
      counts.append(count)
      starts.append(Int64(nanos))
      count += stage.count
      nanos += stage.milliseconds * 1_000_000
    }
    stageStartCounts = counts
    stageStartNanos = starts
  }

  /// Requests in the whole schedule.
  public var totalCount: Int { schedule.totalCount }

  /// The intended send time of request `n` (0-based) in nanoseconds from the start, or `nil` past the end.
  public func intendedOffset(of n: Int) -> Int64? {
    guard n >= 0, n < totalCount else { return nil }
    var stage = stageStartCounts.count - 1
    while stageStartCounts[stage] > n { stage -= 1 }
    return stageStartNanos[stage] + offsetWithinStage(stage, n - stageStartCounts[stage])
  }

  private func offsetWithinStage(_ stage: Int, _ k: Int) -> Int64 {
    Int64((Double(k) * 1e9 / schedule.stages[stage].rate).rounded(.up))
  }

  /// How many requests are due by `elapsed` nanoseconds from the start (capped at the total).
  public func dueCount(atElapsed elapsed: Int64) -> Int {
    guard elapsed >= 0 else { return 0 }
    var due = 0
    for (i, stage) in schedule.stages.enumerated() {
      let start = stageStartNanos[i]
      guard elapsed >= start else { break }
      let t = elapsed - start
      // An estimate, then made exact against intendedOffset so the two functions are inverses.
      var k = min(stage.count, Int((Double(t) * stage.rate / 1e9).rounded(.down)) + 1)
      while k < stage.count && offsetWithinStage(i, k) <= t { k += 1 }
      while k > 0 && offsetWithinStage(i, k - 1) > t { k -= 1 }
      due = stageStartCounts[i] + k
    }
    return min(due, totalCount)
  }
}
